import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type {
  DeliveryPolicy,
  Environment,
  SavedWebhook,
} from '../../../../electron/shared/contract/delivery';
import { useApi, useConnection, useEvent } from '../../api';
import { downloadBlob } from '../../components/download';
import { PairsEditor, type Pair } from '../compose/PairsEditor';
import { EnvironmentsEditor } from './EnvironmentsEditor';
import { NewCollectionForm } from './NewCollectionForm';
import { resolveSaved } from './send-saved';
import { typedHeaders } from './typed-headers';
import { sendableOptions } from './saved-send-options';
import { LoopConfirm } from './LoopConfirm';
import { loopRefusal } from './loop-refusal';
import { Checkbox } from '../../components/Checkbox';
import { VisibleText, visibleAttribute } from '../../components/VisibleText';
import { useAnnouncement } from '../../lib/use-announcement';
import { ConfirmAction } from '../../components/ConfirmAction';
import { formatCount } from '../../lib/format';
import { useKeptState } from '../../state/kept-state';
import { setUnsaved } from '../../state/unsaved';
import { withLineEndingsOf } from '../../lib/textarea-line-endings';

type Collections = Array<{ id: number; name: string }>;

interface WebhookDraft {
  /** Set while editing a saved webhook; null for a new one. */
  id: number | null;
  /** The version being edited: the engine refuses the save if another client changed it since. */
  updatedAtMs: number | null;
  name: string;
  method: string;
  url: string;
  headers: Pair[];
  body: string;
  policy: DeliveryPolicy;
  /** Kept as saved (retry settings set through the API or an import). */
  options: Record<string, unknown>;
  collectionId: string;
}

const emptyDraft: WebhookDraft = {
  id: null,
  updatedAtMs: null,
  name: '',
  method: 'POST',
  url: '',
  headers: [],
  body: '',
  policy: 'none',
  options: {},
  collectionId: '',
};

const POLICIES: DeliveryPolicy[] = ['none', 'ortto', 'ontraport', 'standard'];

/**
 * The options saved with a policy: another policy's own settings (kept while the user picks) go, since the engine
 * refuses settings their policy would drop and the form has no field to clear them.
 */
function optionsFor(policy: DeliveryPolicy, options: Record<string, unknown>): Record<string, unknown> {
  const { customWaitsMs, ontraport, ...rest } = options;
  return {
    ...rest,
    ...(policy === 'custom' && customWaitsMs !== undefined ? { customWaitsMs } : {}),
    ...(policy === 'ontraport' && ontraport !== undefined ? { ontraport } : {}),
  };
}

/** The same saved content; `updatedAtMs` alone can miss a change, two saves within one millisecond share it. */
const sameSaved = (a: SavedWebhook, b: SavedWebhook) =>
  JSON.stringify({ ...a, updatedAtMs: 0 }) === JSON.stringify({ ...b, updatedAtMs: 0 });

/** Saved webhooks by collection: send (with the active environment), duplicate, delete, import/export JSON. */
export function SavedWebhooks() {
  const api = useApi();
  const [items, setItems] = useState<SavedWebhook[]>([]);
  const [collections, setCollections] = useState<Collections>([]);
  const [environments, setEnvironments] = useState<Environment[]>([]);
  const [message, setMessage] = useAnnouncement<{
    kind: 'ok' | 'error' | 'warn' | 'loop';
    text: string;
    confirm?: () => void;
  }>();
  // The draft outlives the tab, like the composer's: a look at the delivery log and back keeps what was typed.
  const [draft, setDraft] = useKeptState<WebhookDraft>('saved.draft', emptyDraft);
  // The draft as it was opened (blank, or the webhook Edit loaded), to tell typed work from an untouched form.
  const [start, setStart] = useKeptState<WebhookDraft>('saved.start', emptyDraft);
  const openDraft = (next: WebhookDraft) => {
    setDraft(next);
    setStart(next);
  };
  // Before paint, so a reload made the moment "Saved" shows does not still ask.
  useLayoutEffect(
    () => setUnsaved('saved-webhook', JSON.stringify(draft) !== JSON.stringify(start)),
    [draft, start],
  );
  const [tick, setTick] = useState(0);
  const [editingEnvironments, setEditingEnvironments] = useState(false);
  const [creatingCollection, setCreatingCollection] = useState(false);
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const importInput = useRef<HTMLInputElement>(null);
  // Save disables itself as it empties the form, and Edit fills a form further down: both take focus to its first field.
  const nameInput = useRef<HTMLInputElement>(null);
  const environmentsButton = useRef<HTMLButtonElement>(null);
  const reload = () => setTick((t) => t + 1);

  // Another window, the CLI or the API may change them: list again, and again after a reconnect (events were missed).
  useEvent('webhooks.changed', reload);
  useEvent('environments.changed', reload);
  useConnection((reconnected) => reconnected && reload());

  useEffect(() => {
    api.call('webhooks.list', {}).then(
      (r) => {
        setItems(r.items);
        setCollections(r.collections);
        // Deleted elsewhere while being edited: what was typed stays, as a new webhook (see `forget`).
        setDraft((d) =>
          d.id !== null && !r.items.some((w) => w.id === d.id) ? { ...d, id: null, updatedAtMs: null } : d,
        );
      },
      (e: Error) => setMessage({ kind: 'error', text: e.message }),
    );
    api.call('environments.list', {}).then(
      (r) => setEnvironments(r.items),
      () => undefined,
    );
  }, [api, tick]);

  const fail = (e: Error) => setMessage({ kind: 'error', text: e.message });
  // "Send anyway" and the loop question go with their answer: the keyboard goes back to the Send that asked.
  const asker = useRef<HTMLElement | null>(null);
  const answer = (send: boolean) => {
    const confirm = message?.confirm;
    setMessage(null);
    if (asker.current?.isConnected) asker.current.focus();
    if (send) confirm?.();
  };
  const active = environments.find((e) => e.active);
  // "Send anyway" and the loop question were asked with the variables of the environment active then: another one
  // chosen (here or elsewhere), or that one edited, makes them questions about a request that is no longer the one sent.
  const activeVersion = active ? `${active.id}@${active.updatedAtMs}` : null;
  useEffect(() => setMessage((m) => (m?.confirm ? null : m)), [activeVersion]);

  const send = (w: SavedWebhook, confirmed = false, allowLoop = false) => {
    if (!confirmed)
      asker.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const { request, unresolved, warnings, error } = resolveSaved(w, active?.variables ?? {});
    if (error) return setMessage({ kind: 'error', text: error });
    if ((unresolved.length || warnings.length) && !confirmed) {
      setMessage({
        kind: 'warn',
        text: [
          ...(unresolved.length ? [`Unresolved: ${unresolved.join(', ')}. They will be sent as typed.`] : []),
          ...warnings.map((warning) => `${warning}.`),
        ].join(' '),
        confirm: () => sendAsSavedNow(w, false),
      });
      return;
    }
    api
      .call('deliveries.send', {
        request,
        policy: w.policy,
        name: w.name,
        webhookId: w.id,
        type: 'manual',
        ...sendableOptions(w.options),
        ...(allowLoop ? { allowLoop: true } : {}),
      })
      .then(
        (d) => setMessage({ kind: 'ok', text: `Queued delivery ${d.id} to ${d.url}` }),
        (e: Error) => {
          const loop = loopRefusal(e);
          if (loop === null) return fail(e);
          setMessage({ kind: 'loop', text: loop, confirm: () => sendAsSavedNow(w, true) });
        },
      );
  };

  // "Send anyway" and the loop question were asked about the webhook as it was then: edited since (another window, the
  // API), the version saved now is sent instead, and asked about again if it has warnings of its own.
  const sendAsSavedNow = (asked: SavedWebhook, allowLoop: boolean) =>
    api.call('webhooks.list', {}).then((r) => {
      const now = r.items.find((x) => x.id === asked.id);
      if (!now) return setMessage({ kind: 'error', text: `“${asked.name}” was deleted; nothing was sent` });
      if (!sameSaved(now, asked)) return send(now);
      return send(asked, true, allowLoop);
    }, fail);

  const save = () => {
    const typed = typedHeaders(draft.headers);
    if ('error' in typed) return setMessage({ kind: 'error', text: typed.error });
    return api
      .call('webhooks.save', {
        ...(draft.id !== null ? { id: draft.id, ifUpdatedAtMs: draft.updatedAtMs ?? undefined } : {}),
        name: draft.name,
        method: draft.method,
        url: draft.url,
        headers: typed.headers,
        body: draft.body,
        policy: draft.policy,
        options: optionsFor(draft.policy, draft.options),
        collectionId: draft.collectionId ? Number(draft.collectionId) : null,
      })
      .then(() => {
        openDraft({ ...emptyDraft, collectionId: draft.collectionId });
        setMessage(null);
        reload();
        nameInput.current?.focus();
      }, fail);
  };
  const edit = (w: SavedWebhook) => {
    openDraft({
      id: w.id,
      updatedAtMs: w.updatedAtMs,
      name: w.name,
      method: w.method,
      url: w.url,
      headers: w.headers.map(([name, value]) => ({ name, value })),
      body: w.body,
      policy: w.policy,
      options: w.options,
      collectionId: w.collectionId === null ? '' : String(w.collectionId),
    });
    nameInput.current?.focus();
  };

  // A deleted webhook's row goes with the button pressed: the keyboard goes on from the row now in its place (or the
  // one before it), or from the form once no webhook is left, not from the page.
  const view = useRef<HTMLDivElement>(null);
  const refocusRow = useRef<number | null>(null);
  const savedRows = () => [...(view.current?.querySelectorAll('.saved-row') ?? [])];
  useEffect(() => {
    const index = refocusRow.current;
    if (index === null || (document.activeElement && document.activeElement !== document.body)) return;
    refocusRow.current = null;
    const rows = savedRows();
    (rows[Math.min(index, rows.length - 1)]?.querySelector('button') ?? nameInput.current)?.focus();
  }, [items]);
  const remove = (id: number) => {
    const index = savedRows().findIndex((row) => row.contains(document.activeElement));
    return api.call('webhooks.delete', { id }).then(() => {
      refocusRow.current = index < 0 ? null : index;
      forget(id);
    }, fail);
  };

  // A deleted collection's section goes with the button pressed: the keyboard goes on from the No collection group its
  // webhooks moved to, or from "New collection" when no group is left to show.
  const noCollectionHeading = useRef<HTMLHeadingElement>(null);
  const newCollectionButton = useRef<HTMLButtonElement>(null);
  const refocusGroups = useRef(false);
  useEffect(() => {
    if (!refocusGroups.current || (document.activeElement && document.activeElement !== document.body))
      return;
    refocusGroups.current = false;
    (noCollectionHeading.current ?? newCollectionButton.current)?.focus();
  }, [items, collections]);
  const removeCollection = (id: number) =>
    api.call('collections.delete', { id }).then(() => {
      refocusGroups.current = true;
      reload();
    }, fail);

  // The form keeps what was typed for a webhook deleted while it was being edited, as a new one: saving it as an edit
  // could only fail.
  const forget = (id: number) => {
    setDraft((d) => (d.id === id ? { ...d, id: null, updatedAtMs: null } : d));
    reload();
  };

  const importFile = (file: File | undefined) =>
    file?.text().then((content) =>
      api.call('webhooks.import', { content }).then((r) => {
        setMessage({
          kind: r.errors.length || r.redacted.length || r.ignored.length ? 'warn' : 'ok',
          text:
            `Imported ${r.imported}.` +
            (r.errors.length ? ` Skipped: ${r.errors.join('; ')}` : '') +
            (r.ignored.length
              ? ` Left out options this version does not know (the file is from another version): ${r.ignored.join('; ')}.`
              : '') +
            (r.redacted.length
              ? ` Re-enter the secrets exported as [redacted] before sending: ${r.redacted.join('; ')}`
              : ''),
        });
        reload();
      }, fail),
    );

  const groups: Array<{ id: number | null; name: string }> = [
    ...collections,
    { id: null, name: 'No collection' },
  ];

  return (
    <div className="saved-webhooks pad" ref={view}>
      <div className="form-row">
        <label>
          Environment
          <select
            aria-label="Environment"
            value={active?.id ?? ''}
            onChange={(e) =>
              api
                .call('environments.activate', { id: e.target.value ? Number(e.target.value) : null })
                .then(reload, fail)
            }
          >
            <option value="">none</option>
            {environments.map((env) => (
              <option key={env.id} value={env.id}>
                {visibleAttribute(env.name)}
              </option>
            ))}
          </select>
        </label>
        <button
          className="btn btn-small"
          type="button"
          data-testid="environments-edit"
          ref={environmentsButton}
          onClick={() => setEditingEnvironments((v) => !v)}
        >
          Environments…
        </button>
        <span className="spacer" />
        <button
          className="btn btn-small"
          type="button"
          ref={newCollectionButton}
          aria-expanded={creatingCollection}
          onClick={() => setCreatingCollection((v) => !v)}
        >
          New collection
        </button>
        <button
          className="btn btn-small"
          type="button"
          onClick={() =>
            api
              .call('webhooks.export', { redact: !includeSecrets })
              .then((r) => downloadBlob(r.content, r.fileName, 'application/json'), fail)
          }
        >
          Export JSON
        </button>
        <Checkbox
          checked={includeSecrets}
          onChange={setIncludeSecrets}
          testId="webhooks-export-secrets"
          title="Without this, secret headers, URL tokens, body fields and signing secrets are exported as [redacted]"
        >
          Include secrets (backup)
        </Checkbox>
        {/* A button, not a label around the hidden input: a label is not in the tab order. */}
        <button className="btn btn-small" type="button" onClick={() => importInput.current?.click()}>
          Import JSON
        </button>
        <input
          ref={importInput}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="webhooks-import-file"
          onChange={(e) => {
            void importFile(e.target.files?.[0]);
            // Cleared so that choosing the same file again (after fixing it) imports it again.
            e.target.value = '';
          }}
        />
      </div>
      {creatingCollection && (
        <NewCollectionForm
          taken={collections.map((c) => c.name)}
          create={(name) => api.call('collections.save', { name }).then(reload)}
          onClose={() => {
            setCreatingCollection(false);
            newCollectionButton.current?.focus();
          }}
        />
      )}
      {editingEnvironments && (
        <EnvironmentsEditor
          environments={environments}
          onChanged={reload}
          onClose={() => {
            setEditingEnvironments(false);
            environmentsButton.current?.focus();
          }}
        />
      )}
      {message?.kind === 'loop' && (
        <LoopConfirm
          message={message.text}
          onConfirm={() => answer(true)}
          onCancel={() => answer(false)}
          testId="saved-loop"
          confirmTestId="saved-loop-override"
        />
      )}
      {message && message.kind !== 'loop' && (
        <div
          key={message.seq}
          className={`notice notice-${message.kind}`}
          role={message.kind === 'error' ? 'alert' : 'status'}
        >
          <VisibleText text={message.text} />
          {message.confirm && (
            <button className="btn btn-small" type="button" onClick={() => answer(true)}>
              Send anyway
            </button>
          )}
        </div>
      )}
      {groups.map((g) => {
        const inGroup = items.filter((w) => w.collectionId === g.id);
        if (g.id === null && inGroup.length === 0) return null;
        return (
          <section key={g.id ?? 'none'} className="saved-group">
            <h4
              ref={g.id === null ? noCollectionHeading : undefined}
              tabIndex={g.id === null ? -1 : undefined}
            >
              <VisibleText text={g.name} />
              {g.id !== null && (
                <ConfirmAction
                  label="Delete…"
                  openerName={`Delete collection ${visibleAttribute(g.name)}`}
                  confirmLabel="Delete collection"
                  cancelLabel="Keep it"
                  testId="collection-delete"
                  title="Delete this collection (its webhooks are kept, under No collection)"
                  message={`Delete the collection “${visibleAttribute(g.name)}”? Its ${formatCount(inGroup.length, 'webhook')} ${inGroup.length === 1 ? 'stays' : 'stay'}, under No collection.`}
                  onConfirm={() => removeCollection(g.id!)}
                />
              )}
            </h4>
            {inGroup.length === 0 && <p className="muted">Empty.</p>}
            {inGroup.map((w) => (
              // Every row has the same buttons: the group tells a screen reader which webhook they act on.
              <div key={w.id} className="saved-row" role="group" aria-label={visibleAttribute(w.name)}>
                <span className={`method method-${w.method.toLowerCase()}`}>{w.method}</span>
                <span className="saved-name">
                  <VisibleText text={w.name} />
                </span>
                <span className="mono muted cell">
                  <VisibleText text={w.url} />
                </span>
                <span className="pill">{w.policy}</span>
                <span className="spacer" />
                <button className="btn btn-small btn-primary" type="button" onClick={() => send(w)}>
                  Send
                </button>
                <button className="btn btn-small" type="button" onClick={() => edit(w)}>
                  Edit
                </button>
                <button
                  className="btn btn-small"
                  type="button"
                  onClick={() => api.call('webhooks.duplicate', { id: w.id }).then(reload, fail)}
                >
                  Duplicate
                </button>
                <ConfirmAction
                  label="Delete…"
                  confirmLabel="Delete webhook"
                  cancelLabel="Keep it"
                  title="Delete this saved webhook (its deliveries stay in the log)"
                  onConfirm={() => remove(w.id)}
                />
              </div>
            ))}
          </section>
        );
      })}
      <section className="saved-group">
        <h4>
          {draft.id === null ? (
            'Add a webhook'
          ) : (
            <>
              Edit “<VisibleText text={draft.name} />”
            </>
          )}
        </h4>
        <div className="form-row">
          <input
            ref={nameInput}
            aria-label="Name"
            placeholder="Name"
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          />
          <select
            aria-label="Method"
            value={draft.method}
            onChange={(e) => setDraft({ ...draft, method: e.target.value })}
          >
            {[...new Set(['POST', 'PUT', 'PATCH', 'GET', 'DELETE', draft.method])].map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
          <input
            aria-label="URL"
            placeholder="https://… ({{variables}} allowed)"
            value={draft.url}
            onChange={(e) => setDraft({ ...draft, url: e.target.value })}
          />
          <select
            aria-label="Collection"
            value={draft.collectionId}
            onChange={(e) => setDraft({ ...draft, collectionId: e.target.value })}
          >
            <option value="">no collection</option>
            {collections.map((c) => (
              <option key={c.id} value={c.id}>
                {visibleAttribute(c.name)}
              </option>
            ))}
          </select>
          <select
            aria-label="Retry policy"
            value={draft.policy}
            onChange={(e) => setDraft({ ...draft, policy: e.target.value as DeliveryPolicy })}
          >
            {[...new Set([...POLICIES, draft.policy])].map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
          <button
            className="btn btn-small"
            type="button"
            disabled={!draft.name || !draft.url}
            onClick={() => void save()}
          >
            Save
          </button>
          {draft.id !== null && (
            <button className="btn btn-small btn-ghost" type="button" onClick={() => openDraft(emptyDraft)}>
              Cancel edit
            </button>
          )}
        </div>
        <PairsEditor
          rows={draft.headers}
          onChange={(headers) => setDraft({ ...draft, headers })}
          make={(name, value) => ({ name, value })}
          nameLabel="Header"
          valueLabel="Header value"
          testId="saved-webhook-headers"
        />
        <textarea
          aria-label="Body"
          className="mono"
          rows={3}
          placeholder="Body"
          value={draft.body}
          onChange={(e) => setDraft({ ...draft, body: withLineEndingsOf(draft.body, e.target.value) })}
        />
      </section>
    </div>
  );
}
