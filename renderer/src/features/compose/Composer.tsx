import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useApi, useConnection, useEvent } from '../../api';
import { TabPanel } from '../../components/TabPanel';
import { Tabs } from '../../components/Tabs';
import type { Environment } from '../../../../electron/shared/contract/delivery';
import { useDeliveryRun, type DeliveryRun } from '../deliveries/use-delivery-run';
import { LoopConfirm } from '../deliveries/LoopConfirm';
import { deliveryHref } from '../deliveries/DeliveriesView';
import { formatDuration } from '../deliveries/format';
import type { EmulatedRequest, EmulatorKind } from '../../../../electron/shared/send/emulators';
import { buildOutgoing } from '../../../../electron/shared/send/outgoing';
import { AuthEditor } from './AuthEditor';
import { BodyEditor } from './BodyEditor';
import { EmulatorPicker } from './EmulatorPicker';
import { PairsEditor } from './PairsEditor';
import { PasteCurl } from './PasteCurl';
import { OntraportSettings } from './OntraportSettings';
import { PreviewPanel } from './PreviewPanel';
import { useTunnelHosts } from '../tunnel/use-tunnel-hosts';
import { activeRecord, emptyRecordState, RecordPanel, type RecordState } from './RecordPanel';
import { SigningPanel, useSignPreview } from './SigningPanel';
import { wireHeaders } from './wire-headers';
import { bodyPlaceholders, unresolvedCount } from './body-placeholders';
import { switchBodyMode } from './body-mode-switch';
import { modeAfterEdit } from './body-mode-follow';
import { NAME_MAX_LENGTH, nameProblem } from './name-limit';
import { setUnsaved } from '../../state/unsaved';
import { signingInUse } from '../../../../electron/shared/send/signing-config';
import {
  draftFromCurl,
  draftFromInitial,
  emptyDraft,
  enabledHeaders,
  modeForBody,
  noTypeKeptAs,
  policyLabels,
  standardMethods,
  type ComposeDraft,
  type HeaderRow,
  type InitialRequest,
  type Policy,
} from './state';
import './compose.css';
import { VisibleText } from '../../components/VisibleText';

type TabId = 'body' | 'headers' | 'auth' | 'record' | 'signing';

type SendState = DeliveryRun | { kind: 'confirm' };

/** A question Send asked (warnings to confirm, the loop guard) is about the request as it was: any change answers it. */
const withoutQuestion = (s: SendState): SendState =>
  s.kind === 'confirm' || s.kind === 'loop' ? { kind: 'idle' } : s;

// The draft outlives the view: switching to the inspector and back keeps what was typed (memory only, so
// secrets typed into auth or signing never reach storage). `start` is what it opened as: a draft still equal to it
// holds nothing a reload would lose.
let remembered: {
  draft: ComposeDraft;
  start: ComposeDraft;
  record: RecordState;
  emulatorName: string;
} | null = null;

export interface ComposerProps {
  /** "Open capture in composer": the captured request to start from. */
  initial?: InitialRequest;
}

export function Composer({ initial }: ComposerProps) {
  const api = useApi();
  const tunnelHosts = useTunnelHosts();
  const [draft, setDraftState] = useState<ComposeDraft>(() =>
    initial ? draftFromInitial(initial) : (remembered?.draft ?? emptyDraft),
  );
  const [record, setRecord] = useState<RecordState>(() => remembered?.record ?? emptyRecordState);
  const [tab, setTab] = useState<TabId>('body');
  const [dialog, setDialog] = useState<'curl' | 'emulate' | null>(null);
  const [send, setSend, startDelivery] = useDeliveryRun<{ kind: 'confirm' }>();
  const [environments, setEnvironments] = useState<Environment[] | null>(null);
  const [customMethod, setCustomMethod] = useState(() => !standardMethods.includes(draft.method));
  // The name the last emulator filled in: the next emulator replaces it, a name the user typed stays.
  const emulatorName = useRef(remembered?.emulatorName ?? '');
  const emulateButton = useRef<HTMLButtonElement>(null);
  const pasteButton = useRef<HTMLButtonElement>(null);
  const sendButton = useRef<HTMLButtonElement>(null);
  // Switching between the method select and the custom input unmounts the control that had the focus: the one that
  // replaces it takes the focus, or a keyboard user arrowing through the methods is left on the page.
  const methodControl = useRef<HTMLSelectElement & HTMLInputElement>(null);
  const methodSwitched = useRef(false);
  useEffect(() => {
    if (!methodSwitched.current) return;
    methodSwitched.current = false;
    methodControl.current?.focus();
  }, [customMethod]);
  // "Fill merge fields" removes its own paragraph: the Merge fields tab it opens takes the focus instead of the page.
  const composerRoot = useRef<HTMLDivElement>(null);
  const mergeTurnedOn = useRef(false);
  useEffect(() => {
    if (!mergeTurnedOn.current) return;
    mergeTurnedOn.current = false;
    composerRoot.current?.querySelector<HTMLElement>('[role="tab"][data-tab="record"]')?.focus();
  }, [draft.merge]);
  const start = useRef(initial || !remembered ? draft : remembered.start);

  useEffect(() => {
    if (!initial) return;
    const next = draftFromInitial(initial);
    start.current = next;
    setDraftState(next);
    setSend(withoutQuestion);
    setCustomMethod(!standardMethods.includes(next.method));
  }, [initial]);

  // Layout effects: the unsaved mark must be right before the draft or its "sent" answer is painted, or a reload
  // made the moment the answer shows reads the old mark (asks for nothing unsaved, or misses an edit).
  useLayoutEffect(() => {
    remembered = { draft, start: start.current, record, emulatorName: emulatorName.current };
    setUnsaved('composer', JSON.stringify(draft) !== JSON.stringify(start.current));
  }, [draft, record]);

  // A request sent is in the delivery log, so a reload loses nothing of it: only edits made after it count as unsaved.
  const sending = useRef<ComposeDraft | null>(null);
  useLayoutEffect(() => {
    if (send.kind !== 'sent' || sending.current === null) return;
    start.current = sending.current;
    sending.current = null;
    if (remembered) remembered.start = start.current;
    setUnsaved('composer', JSON.stringify(draft) !== JSON.stringify(start.current));
  }, [send.kind, draft]);

  // Edited in another window or by the API: the variables sent are the ones stored now. After the live-event
  // connection reopens too: the changes announced while it was down were missed.
  const [environmentsTick, setEnvironmentsTick] = useState(0);
  useEvent('environments.changed', () => setEnvironmentsTick((t) => t + 1));
  useConnection((reconnected) => reconnected && setEnvironmentsTick((t) => t + 1));
  useEffect(() => {
    api.call('environments.list', {}).then(
      (result) => {
        setEnvironments(result.items);
        // Only until one is chosen: "None" chosen stays None when the list changes or the view is opened again.
        setRecord((r) =>
          r.environmentId === undefined ? { ...r, environmentId: result.items.find((e) => e.active)?.id } : r,
        );
      },
      () => setEnvironments(null),
    );
  }, [api, environmentsTick]);

  const setDraft = useCallback((patch: Partial<ComposeDraft>) => {
    setDraftState((d) => ({ ...d, ...patch }));
    setSend(withoutQuestion);
  }, []);

  const recordValues = useMemo(() => activeRecord(record), [record]);
  const env = useMemo(
    () => environments?.find((e) => e.id === record.environmentId)?.variables ?? {},
    [environments, record.environmentId],
  );
  const built = useMemo(
    () =>
      buildOutgoing(
        {
          method: draft.method,
          url: draft.url,
          headers: enabledHeaders(draft.headers),
          auth: draft.auth,
          bodyMode: draft.bodyMode,
          body: draft.body,
          merge: draft.merge,
          asCaptured: draft.asCaptured,
          // An emulator's body carries the record's values already; editing the body makes it 'manual' again.
          bodyMerged: draft.type === 'emulator',
        },
        recordValues,
        env,
      ),
    [draft, recordValues, env],
  );
  const signing = useMemo(() => signingInUse(draft.signing), [draft.signing]);
  const signPreview = useSignPreview(signing, built.bodyBase64, built.headers);
  const signingHeaders = signPreview && !signPreview.error ? signPreview.headers : [];

  // Problems index the enabled headers only; the table shows every row.
  const enabledRows = draft.headers.flatMap((h, i) => (h.enabled ? [i] : []));
  const headerErrors = Object.fromEntries(
    built.errors
      .filter((e) => e.field.startsWith('headers['))
      .map((e) => [enabledRows[Number(e.field.slice(8, -1))], e.message]),
  );
  const signingBlocked = draft.signing.scheme !== 'none' && signPreview?.error ? signPreview.error : null;
  const nameBlocked = nameProblem(draft.name);
  const blocked = built.errors.length > 0 || signingBlocked !== null || nameBlocked !== null;
  const bodyUnresolved = useMemo(
    () => unresolvedCount(bodyPlaceholders(draft.bodyMode, draft.merge, draft.body, recordValues, env)),
    [draft.bodyMode, draft.merge, draft.body, recordValues, env],
  );
  // An empty URL is not marked while it is still untouched; its problem is listed all the same.
  const urlInvalid = built.errors.some((e) => e.field === 'url') && draft.url !== '';
  const urlErrorId = useId();
  const tabsId = useId();

  const doSend = (allowLoop = false) => {
    sending.current = draft;
    return startDelivery(() =>
      api.call('deliveries.send', {
        request: {
          method: built.method,
          url: built.url,
          headers: wireHeaders(built.headers, draft.headers),
          bodyBase64: built.bodyBase64,
        },
        policy: draft.policy,
        ...(draft.policy === 'ontraport' ? { ontraport: draft.ontraport } : {}),
        ...(signing.scheme !== 'none' ? { signing } : {}),
        ...(draft.name.trim() ? { name: draft.name.trim() } : {}),
        type: draft.type,
        ...(allowLoop ? { allowLoop: true } : {}),
      }),
    );
  };

  const onSend = () => {
    if (blocked || send.kind === 'sending') return;
    if (built.warnings.length > 0 && send.kind !== 'confirm') setSend({ kind: 'confirm' });
    else void doSend();
  };

  const fillFromEmulator = (request: EmulatedRequest, _kind: EmulatorKind) => {
    const contentType = request.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? null;
    // The user's own headers (an API key the endpoint wants) stay; only those the platform sets are replaced. The
    // Content-Type is always the platform's: one it sends without (blank post data) must not keep an earlier one.
    const emulated = new Set(['content-type', ...request.headers.map(([n]) => n.toLowerCase())]);
    const typedName = draft.name !== '' && draft.name !== emulatorName.current;
    if (!typedName) emulatorName.current = request.description.slice(0, 200);
    setDraft({
      method: request.method,
      // A Ping URL filled from the contact its body was (a blank for a field it lacks, as Ontraport sends it).
      ...(request.url !== undefined ? { url: request.url } : {}),
      headers: [
        ...draft.headers.filter((h) => !emulated.has(h.name.trim().toLowerCase())),
        ...request.headers.map(([name, value]) => ({ name, value, enabled: true })),
      ],
      body: request.body,
      bodyMode: modeForBody(request.body, contentType),
      policy: request.policy,
      name: typedName ? draft.name : emulatorName.current,
      type: 'emulator',
      asCaptured: false,
    });
    setTab('body');
  };

  const headerCount = draft.headers.filter((h) => h.enabled).length;

  return (
    <div className="composer" data-testid="composer" ref={composerRoot}>
      <div className="compose-request-line">
        {customMethod ? (
          <input
            ref={methodControl}
            className="compose-method"
            value={draft.method}
            aria-label="Custom method"
            data-testid="compose-method-custom"
            spellCheck={false}
            onChange={(e) => {
              // Upper-cased in the input itself, caret restored: React re-setting a different value would move the
              // caret to the end, so a letter typed mid-word sends the next one to the end.
              const input = e.target;
              const { selectionStart, selectionEnd } = input;
              const method = input.value.toUpperCase();
              if (method !== input.value && method.length === input.value.length) {
                input.value = method;
                input.setSelectionRange(selectionStart, selectionEnd);
              }
              setDraft({ method });
            }}
          />
        ) : (
          <select
            ref={methodControl}
            className="compose-method"
            value={draft.method}
            aria-label="Method"
            data-testid="compose-method"
            onChange={(e) => {
              if (e.target.value === '__custom') {
                methodSwitched.current = true;
                setCustomMethod(true);
                setDraft({ method: 'PURGE' });
              } else setDraft({ method: e.target.value });
            }}
          >
            {standardMethods.map((m) => (
              <option key={m}>{m}</option>
            ))}
            <option value="__custom">Custom…</option>
          </select>
        )}
        {customMethod && (
          <button
            type="button"
            className="btn btn-small btn-ghost"
            title="Back to the standard methods"
            onClick={() => {
              methodSwitched.current = true;
              setCustomMethod(false);
              setDraft({ method: 'POST' });
            }}
          >
            ↺
          </button>
        )}
        <input
          className={`compose-url ${urlInvalid ? 'invalid' : ''}`}
          value={draft.url}
          aria-invalid={urlInvalid}
          aria-describedby={urlInvalid ? urlErrorId : undefined}
          placeholder="https://example.com/webhook?contact_id=[Contact ID]"
          aria-label="URL"
          data-testid="compose-url"
          spellCheck={false}
          onChange={(e) => setDraft({ url: e.target.value })}
          onKeyDown={(e) => {
            // As in the replay dialog; not while an input method is composing a character.
            if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
            e.preventDefault();
            // Sending past warnings or the loop guard takes the explicit button, never a repeated Enter.
            if (send.kind === 'confirm' || send.kind === 'loop') return;
            onSend();
          }}
        />
        <button
          ref={sendButton}
          type="button"
          className="btn btn-primary"
          data-testid="compose-send"
          disabled={blocked}
          // Not `disabled` while sending: a disabled button drops the focus, and "Send anyway" hands it to this one.
          aria-disabled={send.kind === 'sending'}
          onClick={onSend}
        >
          {send.kind === 'sending' ? 'Sending…' : send.kind === 'confirm' ? 'Send anyway' : 'Send'}
        </button>
      </div>

      <div className="compose-toolbar">
        <button
          type="button"
          className="btn btn-small"
          data-testid="compose-paste-curl"
          ref={pasteButton}
          onClick={() => setDialog(dialog === 'curl' ? null : 'curl')}
        >
          Paste cURL
        </button>
        <button
          type="button"
          className="btn btn-small"
          data-testid="compose-emulate"
          ref={emulateButton}
          onClick={() => setDialog(dialog === 'emulate' ? null : 'emulate')}
        >
          Act like Ortto / Ontraport…
        </button>
        <span className="spacer" />
        <label>
          Policy{' '}
          <select
            value={draft.policy}
            data-testid="compose-policy"
            onChange={(e) => setDraft({ policy: e.target.value as Policy })}
          >
            {(['none', 'ortto', 'ontraport', 'standard'] as const).map((p) => (
              <option key={p} value={p}>
                {policyLabels[p]}
              </option>
            ))}
          </select>
        </label>
        {draft.policy === 'ontraport' && (
          <OntraportSettings value={draft.ontraport} onChange={(ontraport) => setDraft({ ontraport })} />
        )}
        <label>
          Name{' '}
          <input
            value={draft.name}
            placeholder="optional"
            data-testid="compose-name"
            maxLength={NAME_MAX_LENGTH}
            aria-invalid={nameBlocked !== null}
            onChange={(e) => setDraft({ name: e.target.value })}
          />
        </label>
      </div>

      {dialog === 'curl' && (
        <PasteCurl
          onParsed={(parsed) => {
            const next = draftFromCurl(parsed, draft);
            setDraft(next);
            setCustomMethod(!standardMethods.includes(next.method));
          }}
          onClose={() => {
            setDialog(null);
            pasteButton.current?.focus();
          }}
        />
      )}
      {dialog === 'emulate' && (
        <EmulatorPicker
          contact={recordValues}
          url={draft.url}
          env={env}
          onPick={fillFromEmulator}
          onClose={() => {
            setDialog(null);
            // The picker had the focus: give it back to its button, not to the page.
            emulateButton.current?.focus();
          }}
        />
      )}

      <SendStatus
        send={send}
        built={built}
        signingBlocked={signingBlocked}
        nameBlocked={nameBlocked}
        urlErrorId={urlErrorId}
        onConfirm={() => {
          sendButton.current?.focus();
          void doSend();
        }}
        onOverrideLoop={() => {
          sendButton.current?.focus();
          void doSend(true);
        }}
        onCancel={() => {
          sendButton.current?.focus();
          setSend({ kind: 'idle' });
        }}
      />

      {!draft.merge && (
        <p className="muted" data-testid="compose-merge-off">
          Merge fields are off for this draft: [Field] and {'{{variable}}'} go out exactly as captured.{' '}
          <button
            type="button"
            className="btn btn-small"
            data-testid="compose-merge-on"
            onClick={() => {
              mergeTurnedOn.current = true;
              setDraft({ merge: true });
              setTab('record');
            }}
          >
            Fill merge fields
          </button>
        </p>
      )}

      <div className="compose-split">
        <div className="compose-editor">
          <Tabs<TabId>
            label="Request parts"
            id={tabsId}
            active={tab}
            onChange={setTab}
            tabs={[
              {
                id: 'body',
                label: 'Body',
                // The body's own, as its editor counts them: the URL's and headers' are listed when sending.
                badge: bodyUnresolved > 0 ? `${bodyUnresolved} unresolved` : null,
              },
              { id: 'headers', label: 'Headers', badge: headerCount || null },
              { id: 'auth', label: 'Auth', badge: draft.auth.kind === 'none' ? null : draft.auth.kind },
              {
                id: 'record',
                label: 'Merge fields',
                badge: draft.merge ? Object.keys(recordValues).length || null : 'off',
              },
              {
                id: 'signing',
                label: 'Signing',
                badge: draft.signing.scheme === 'none' ? null : draft.signing.scheme,
              },
            ]}
          />
          <TabPanel tabsId={tabsId} active={tab} className="compose-tab">
            {tab === 'body' && draft.bodyNote && draft.bodyMode === 'base64' && (
              <p className="muted" data-testid="compose-body-note">
                <VisibleText text={draft.bodyNote} />
              </p>
            )}
            {tab === 'body' && (
              <BodyEditor
                mode={draft.bodyMode}
                body={draft.body}
                record={recordValues}
                env={env}
                merge={draft.merge}
                onMode={(bodyMode) => setDraft(switchBodyMode(draft, bodyMode))}
                onBody={(body) =>
                  setDraft({ body, bodyMode: modeAfterEdit(draft.bodyMode, body), type: 'manual' })
                }
              />
            )}
            {tab === 'headers' && (
              <>
                <PairsEditor<HeaderRow>
                  rows={draft.headers}
                  onChange={(headers) => setDraft({ headers })}
                  make={(name, value) => ({ name, value, enabled: true })}
                  nameLabel="Header"
                  testId="compose-headers"
                  errors={headerErrors}
                />
                <p className="muted">
                  Content-Type is detected from the body (form, JSON or XML, otherwise text) unless you set
                  one here. Currently:{' '}
                  <span className="mono" data-testid="compose-content-type">
                    {built.contentType ??
                      (built.looksLike
                        ? `none, ${noTypeKeptAs(draft.openedFrom)} (the body looks like ${built.looksLike})`
                        : 'none (empty body)')}
                  </span>
                </p>
              </>
            )}
            {tab === 'auth' && <AuthEditor auth={draft.auth} onChange={(auth) => setDraft({ auth })} />}
            {tab === 'record' && (
              <RecordPanel state={record} onChange={setRecord} environments={environments} />
            )}
            {tab === 'signing' && (
              <SigningPanel
                config={draft.signing}
                onChange={(signing) => setDraft({ signing })}
                preview={signPreview}
              />
            )}
          </TabPanel>
        </div>
        <PreviewPanel
          built={built}
          signingHeaders={signingHeaders}
          rows={draft.headers}
          openedFrom={draft.openedFrom}
          tunnelHosts={tunnelHosts}
        />
      </div>
    </div>
  );
}

function SendStatus({
  send,
  built,
  signingBlocked,
  nameBlocked,
  urlErrorId,
  onConfirm,
  onOverrideLoop,
  onCancel,
}: {
  send: SendState;
  built: ReturnType<typeof buildOutgoing>;
  signingBlocked: string | null;
  nameBlocked: string | null;
  /** The id the URL's problem carries, for the URL input's aria-describedby. */
  urlErrorId: string;
  onConfirm: () => void;
  onOverrideLoop: () => void;
  onCancel: () => void;
}) {
  const problems = [
    ...built.errors,
    ...(signingBlocked ? [{ field: 'signing', message: `signing: ${signingBlocked}` }] : []),
    ...(nameBlocked ? [{ field: 'name', message: nameBlocked }] : []),
  ];
  return (
    <div className="compose-status" aria-live="polite">
      {problems.length > 0 && (
        <ul className="compose-problems" data-testid="compose-errors">
          {problems.map(({ field, message }, i) => (
            <li key={i} className="compose-error" id={field === 'url' ? urlErrorId : undefined}>
              <VisibleText text={message} />
            </li>
          ))}
        </ul>
      )}
      {send.kind === 'confirm' && (
        <div className="compose-confirm" data-testid="compose-confirm">
          <ul className="compose-problems">
            {built.warnings.map((w, i) => (
              <li key={i} className="compose-warn">
                <VisibleText text={w.message} />
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="btn btn-small btn-danger"
            data-testid="compose-confirm-send"
            onClick={onConfirm}
          >
            Send anyway
          </button>{' '}
          <button type="button" className="btn btn-small" onClick={onCancel}>
            Keep editing
          </button>
        </div>
      )}
      {send.kind === 'loop' && (
        <LoopConfirm
          message={send.message}
          onConfirm={onOverrideLoop}
          onCancel={onCancel}
          testId="compose-loop"
          confirmTestId="compose-loop-override"
        />
      )}
      {send.kind === 'failed' && (
        <p className="compose-error" data-testid="compose-send-error">
          <VisibleText text={send.message} />
        </p>
      )}
      {send.kind === 'sent' && (
        <p className="compose-sent" data-testid="compose-sent">
          Delivery #{send.delivery.id} <span className="mono">{send.delivery.uid}</span>:{' '}
          {send.delivery.state.replace('_', ' ')}
          {/* The engine's error text already names the status when there is one. */}
          {send.delivery.lastError ? (
            <>
              {' '}
              · <VisibleText text={send.delivery.lastError} />
            </>
          ) : (
            send.delivery.lastStatus !== null && <> · HTTP {send.delivery.lastStatus}</>
          )}
          {send.delivery.lastDurationMs !== null && <> · {formatDuration(send.delivery.lastDurationMs)}</>}
          {send.delivery.attempts > 0 && (
            <>
              {' '}
              · attempt {send.delivery.attempts}/{send.delivery.maxAttempts}
            </>
          )}{' '}
          <a href={deliveryHref(send.delivery.id)} className="btn-link">
            Delivery log
          </a>
        </p>
      )}
    </div>
  );
}
