import { useEffect, useId, useRef, useState } from 'react';
import type { Endpoint } from '../../../../electron/shared/contract/endpoints';
import { useApi } from '../../api';
import { ConfirmAction } from '../../components/ConfirmAction';
import { CopyButton } from '../../components/CopyButton';
import { VisibleText, visibleAttribute } from '../../components/VisibleText';
import { formatCount } from '../../lib/format';
import { useErrorField } from '../../lib/use-error-field';
import {
  draftToProtection,
  protectionToDraft,
  ProtectionEditor,
  type ProtectionDraft,
} from './ProtectionEditor';
import { StoredSecretWarning } from './StoredSecretWarning';
import { draftToRule, ruleToDraft, RuleEditor, type RuleDraft } from './RuleEditor';
import { errorField, inFormTerms } from './error-field';
import { ruleProgressText } from './rule-progress';
import { ruleSummary } from './rule-summary';
import { goneWhileAway, goneWhileEdited, keepEdited, type GoneWhileEdited } from './keep-edited';
import { formToOpen, keepOpenForm, openForm, setOpenFormAside, type FormFields } from './open-form';

interface Props {
  endpoints: Endpoint[];
  receiverUrl: string | null;
  publicUrl: string | null;
  onShowCaptures: (endpointId: number) => void;
}

export function EndpointsPanel({ endpoints, receiverUrl, publicUrl, onShowCaptures }: Props) {
  // A form left open in this view opens again, also when its endpoint was deleted elsewhere meanwhile (as below).
  const [editing, setEditing] = useState<number | 'new' | null>(() => openForm()?.editing ?? null);
  // An endpoint deleted elsewhere while its form is open keeps its form (see `keepEdited`).
  const [listed, setListed] = useState(endpoints);
  const [gone, setGone] = useState<GoneWhileEdited | null>(() => goneWhileAway(endpoints, openForm()));
  if (listed !== endpoints) {
    setListed(endpoints);
    const lost = goneWhileEdited(listed, endpoints, editing);
    if (lost) setGone(lost);
  }
  const cards = keepEdited(endpoints, gone, editing);
  const panel = useRef<HTMLDivElement>(null);
  const closed = useRef<number | 'new' | null>(null);
  const done = (which: number | 'new') => {
    keepOpenForm(null);
    closed.current = which;
    setEditing(null);
  };
  // A closed form hands focus back to what opened it (the card's Edit, or New endpoint), not to the page. An endpoint
  // saved again as new gets its card once the engine says so; one discarded after a delete elsewhere has none.
  useEffect(() => {
    const which = closed.current;
    if (editing !== null || which === null) return;
    const opener =
      which === 'new'
        ? panel.current?.querySelector('[data-testid="endpoint-new"]')
        : panel.current?.querySelector(`[data-endpoint-id="${which}"] [data-testid="endpoint-edit"]`);
    if (!opener) return;
    closed.current = null;
    (opener as HTMLElement).focus();
  }, [editing, endpoints]);
  // A deleted endpoint's card takes the focused Delete button with it: the keyboard goes on to the card that takes
  // its place (the last one when it was last), not back to the top of the page.
  const deleting = useRef<{ id: number; index: number } | null>(null);
  useEffect(() => {
    const which = deleting.current;
    if (which === null || endpoints.some((e) => e.id === which.id)) return;
    deleting.current = null;
    if (document.activeElement && document.activeElement !== document.body) return;
    const edits = panel.current?.querySelectorAll<HTMLElement>(
      '[data-testid="endpoint-card"] [data-testid="endpoint-edit"]',
    );
    const next = edits?.[Math.min(which.index, edits.length - 1)];
    (next ?? panel.current?.querySelector<HTMLElement>('[data-testid="endpoint-new"]'))?.focus();
  }, [endpoints]);
  return (
    <div className="endpoints-panel" data-testid="endpoints-panel" ref={panel}>
      <div className="panel-toolbar">
        <h2>Endpoints</h2>
        <span className="muted">
          Each endpoint has its own URL and answers senders with its response rule.
        </span>
        <span className="spacer" />
        <button
          type="button"
          className="btn btn-primary"
          data-testid="endpoint-new"
          onClick={() => setEditing('new')}
        >
          New endpoint
        </button>
      </div>
      {editing === 'new' && <EndpointForm onDone={() => done('new')} />}
      <div className="endpoint-cards">
        {cards.map((e) =>
          editing === e.id ? (
            <EndpointForm
              key={e.id}
              endpoint={e}
              deleted={!endpoints.some((x) => x.id === e.id)}
              onDone={(createdId) => done(createdId ?? (endpoints.some((x) => x.id === e.id) ? e.id : 'new'))}
            />
          ) : (
            <EndpointCard
              key={e.id}
              endpoint={e}
              receiverUrl={receiverUrl}
              publicUrl={publicUrl}
              onEdit={() => setEditing(e.id)}
              onShowCaptures={() => onShowCaptures(e.id)}
              onDeleting={(deleted) => {
                deleting.current = deleted ? { id: e.id, index: cards.indexOf(e) } : null;
              }}
            />
          ),
        )}
      </div>
    </div>
  );
}

function EndpointCard({
  endpoint: e,
  receiverUrl,
  publicUrl,
  onEdit,
  onShowCaptures,
  onDeleting,
}: {
  endpoint: Endpoint;
  receiverUrl: string | null;
  publicUrl: string | null;
  onEdit: () => void;
  onShowCaptures: () => void;
  /** Called with true as the delete is asked for, and false if it failed. */
  onDeleting: (deleting: boolean) => void;
}) {
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  const local = receiverUrl ? `${receiverUrl.replace(/\/$/, '')}${e.pathPrefix}` : e.pathPrefix;
  const pub = publicUrl ? `${publicUrl.replace(/\/$/, '')}${e.pathPrefix}` : null;
  const progress = ruleProgressText(e);
  return (
    <section className="endpoint-card" data-testid="endpoint-card" data-slug={e.slug} data-endpoint-id={e.id}>
      <header>
        <bdi className="endpoint-name">
          <VisibleText text={e.name} />
        </bdi>
        {e.isDefault && <span className="pill pill-info">catch-all</span>}
        <span className="mono muted">{e.pathPrefix}</span>
        <span className="spacer" />
        <button
          type="button"
          className="btn btn-small btn-link"
          data-testid="endpoint-count"
          onClick={onShowCaptures}
        >
          {formatCount(e.captureCount, 'capture')}
        </button>
      </header>
      <div className="endpoint-urls">
        <div className="url-line">
          <span className="url-label">Local</span>
          <span className="mono">{local}</span>
          <CopyButton
            text={local}
            label="Copy"
            name={`Copy local URL of ${visibleAttribute(e.name)}`}
            title="Copy local URL"
          />
        </div>
        {pub && (
          <div className="url-line">
            <span className="url-label">Public</span>
            <span className="mono">{pub}</span>
            <CopyButton
              text={pub}
              label="Copy"
              name={`Copy public URL of ${visibleAttribute(e.name)}`}
              title="Copy public URL"
            />
          </div>
        )}
      </div>
      <div className="endpoint-rule">
        <span className="muted">Answers</span> <span data-testid="endpoint-rule-text">{ruleSummary(e)}</span>
        {progress && (
          <>
            {' '}
            <span className="muted" data-testid="endpoint-rule-progress">
              ({progress})
            </span>
          </>
        )}
        {e.auth.kind !== 'none' && <span className="pill pill-warn">auth: {e.auth.kind}</span>}
        {e.verify && e.verify.scheme !== 'none' && (
          <span className="pill pill-info" data-testid="endpoint-verify-text">
            verifies {e.verify.scheme}
            {e.verify.onFailure === 'refuse-401' ? ', 401 when it fails' : ''}
          </span>
        )}
        <StoredSecretWarning verify={e.verify} />
        {e.rateLimitPerMinute > 0 && <span className="pill">{e.rateLimitPerMinute}/min per IP</span>}
      </div>
      <div className="row-actions">
        <button type="button" className="btn btn-small" data-testid="endpoint-edit" onClick={onEdit}>
          Edit
        </button>
        {progress && (
          <button
            type="button"
            className="btn btn-small"
            data-testid="endpoint-rule-reset"
            title="Count requests from zero again, as saving the endpoint does"
            onClick={() => {
              setError(null);
              api
                .call('endpoints.resetRule', { id: e.id })
                .catch((err: unknown) => setError(String(err instanceof Error ? err.message : err)));
            }}
          >
            Start count again
          </button>
        )}
        {!e.isDefault && (
          <ConfirmAction
            label="Delete…"
            confirmLabel="Delete endpoint"
            cancelLabel="Keep it"
            testId="endpoint-delete"
            title="Delete this endpoint with its rule, auth and signing secret"
            message={
              <>
                Delete <span className="mono">{e.pathPrefix}</span> with its rule, auth and signing secret?
                Senders still posting to it will get the catch-all endpoint&apos;s answer instead. Its
                captures are kept.
              </>
            }
            onOpen={() => setError(null)}
            onConfirm={() => {
              onDeleting(true);
              return api.call('endpoints.delete', { id: e.id }).catch((err: unknown) => {
                onDeleting(false);
                setError(String(err instanceof Error ? err.message : err));
              });
            }}
          />
        )}
      </div>
      {error && (
        <div className="notice notice-error">
          <VisibleText text={error} />
        </div>
      )}
    </section>
  );
}

const blankRule = {
  status: 200,
  headers: [['Content-Type', 'application/json']] as Array<[string, string]>,
  body: '{"ok":true}',
  delayMs: 0,
  behaviour: { kind: 'fixed' as const },
};

/** What the form edits, to tell whether another window or client changed it while the form was open. */
const editable = (e: Endpoint) =>
  JSON.stringify([e.name, e.slug, e.rule, e.auth, e.verify, e.rateLimitPerMinute]);

const changedElsewhereText =
  'This endpoint was changed elsewhere (another window, the CLI or the API) after this form was opened. ' +
  'Cancel and Edit again to see the saved version before changing it.';

const deletedElsewhereText =
  'This endpoint was deleted elsewhere (another window, the CLI or the API) after this form was opened. ' +
  'Save as new endpoint to create it again as filled in here, or Discard.';

function EndpointForm({
  endpoint,
  deleted = false,
  onDone,
}: {
  endpoint?: Endpoint;
  /** `endpoint` was deleted by another client while the form was open: saving creates it anew. */
  deleted?: boolean;
  /** Called with the id of an endpoint created in place of a deleted one. */
  onDone: (createdId?: number) => void;
}) {
  const api = useApi();
  // `endpoint` follows `endpoint.changed`; the form sends every field, so saving over a newer version would undo it.
  const which = endpoint?.id ?? 'new';
  const [kept] = useState(() => formToOpen(which));
  const [opened] = useState(() => (kept ? kept.opened : endpoint && editable(endpoint)));
  const changedElsewhere = !deleted && endpoint !== undefined && editable(endpoint) !== opened;
  const [start] = useState<FormFields>(
    () =>
      kept?.start ?? {
        name: endpoint?.name ?? '',
        slug: endpoint?.slug ?? '',
        draft: ruleToDraft(endpoint?.rule ?? blankRule),
        protection: protectionToDraft(endpoint ?? {}),
      },
  );
  const [name, setName] = useState((kept?.fields ?? start).name);
  const [slug, setSlug] = useState((kept?.fields ?? start).slug);
  const [draft, setDraft] = useState<RuleDraft>((kept?.fields ?? start).draft);
  const [protection, setProtection] = useState<ProtectionDraft>((kept?.fields ?? start).protection);
  useEffect(
    () =>
      keepOpenForm({ editing: which, fields: { name, slug, draft, protection }, start, opened, endpoint }),
    [which, name, slug, draft, protection, start, opened, endpoint],
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  useEffect(() => nameInput.current?.focus(), []);
  const form = useRef<HTMLFormElement>(null);
  const errorId = useId();
  const [attempt, setAttempt] = useState(0);
  useErrorField(
    form,
    error,
    errorId,
    (e) => {
      const testId = errorField(e);
      return testId && `[data-testid="${testId}"]`;
    },
    attempt,
  );

  const save = async () => {
    setAttempt((n) => n + 1);
    const { rule, error: ruleError } = draftToRule(draft);
    if (!rule) return setError(ruleError);
    const { protection: guard, error: guardError } = draftToProtection(protection);
    if (!guard) return setError(guardError);
    if (!name.trim()) return setError('Name: required');
    if (changedElsewhere) return setError(`Not saved. ${changedElsewhereText}`);
    setBusy(true);
    setError(null);
    try {
      if (deleted) {
        const created = await api.call('endpoints.create', { slug, name: name.trim(), rule, ...guard });
        return onDone(created.id);
      }
      if (endpoint)
        await api.call('endpoints.update', {
          id: endpoint.id,
          name: name.trim(),
          ...(endpoint.isDefault ? {} : { slug }),
          rule,
          ...guard,
        });
      else await api.call('endpoints.create', { slug, name: name.trim(), rule, ...guard });
      onDone();
    } catch (e) {
      setError(inFormTerms(e instanceof Error ? e.message : String(e)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      ref={form}
      className="endpoint-card endpoint-form"
      data-testid="endpoint-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        // Deleted elsewhere, the form has no card to open it again: Save as new or Discard is an explicit choice.
        if (e.key !== 'Escape' || e.defaultPrevented || deleted) return;
        e.preventDefault();
        setOpenFormAside();
        onDone();
      }}
    >
      <div className="form-row">
        <label className="grow">
          Name{' '}
          <input
            data-testid="endpoint-name"
            ref={nameInput}
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="Ortto production"
          />
        </label>
        <label className="grow">
          Slug <span className="muted">(/h/&lt;slug&gt;)</span>
          <input
            data-testid="endpoint-slug"
            value={slug}
            disabled={endpoint?.isDefault}
            onChange={(e) => setSlug(lowercaseInPlace(e.target))}
            placeholder="ortto-prod"
          />
        </label>
      </div>
      <RuleEditor draft={draft} onChange={setDraft} />
      <ProtectionEditor draft={protection} stored={endpoint?.verify} onChange={setProtection} />
      {deleted && (
        <div className="notice notice-warn" role="status" data-testid="endpoint-deleted-elsewhere">
          {deletedElsewhereText}
        </div>
      )}
      {changedElsewhere && !error && (
        <div className="notice notice-warn" data-testid="endpoint-changed-elsewhere">
          {changedElsewhereText}
        </div>
      )}
      {error && (
        <div className="notice notice-error" id={errorId} role="alert" data-testid="endpoint-error">
          <VisibleText text={error} />
        </div>
      )}
      <div className="row-actions">
        <button type="submit" className="btn btn-primary" data-testid="endpoint-save" disabled={busy}>
          {deleted ? 'Save as new endpoint' : endpoint ? 'Save' : 'Create'}
        </button>
        <button type="button" className="btn" data-testid="endpoint-cancel" onClick={() => onDone()}>
          {deleted ? 'Discard' : 'Cancel'}
        </button>
      </div>
    </form>
  );
}

/**
 * Lowercases what was typed in the field itself, keeping the caret: were only the state lowercased, React would write
 * a value differing from the field's and put the caret at the end, so typing "AB" mid-slug would give "a…b".
 */
function lowercaseInPlace(input: HTMLInputElement): string {
  const lower = input.value.toLowerCase();
  if (lower !== input.value) {
    const { selectionStart, selectionEnd } = input;
    input.value = lower;
    input.setSelectionRange(selectionStart, selectionEnd);
  }
  return lower;
}
