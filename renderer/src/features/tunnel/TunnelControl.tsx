import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import {
  tunnelHost,
  tunnelSubdomain,
  DEFAULT_TUNNEL_HOST,
} from '../../../../electron/shared/contract/tunnel';
import { useApi, useEvent } from '../../api';
import { CopyButton } from '../../components/CopyButton';
import { Popover } from '../../components/Popover';
import { VisibleText, visibleAttribute } from '../../components/VisibleText';
import { clockTime, inSeconds, phaseLabel, phaseTone } from './format';
import { useTunnelState } from './use-tunnel-state';
import './tunnel.css';

/** A server as saved (its origin), so "https://localtunnel.me/" typed here matches what a start saved from it. */
const savedHost = (host: string) => {
  const parsed = tunnelHost.safeParse(host);
  return parsed.success ? parsed.data : host;
};

const firstIssue = (result: { success: boolean; error?: { issues: Array<{ message: string }> } }) =>
  result.success ? null : (result.error?.issues[0]?.message ?? 'invalid');

/** Top-bar control: start/stop the public URL for the receiver, its options, status and history. */
export function TunnelControl() {
  const { state, setState, error: loadError } = useTunnelState();
  const phase = state?.phase ?? 'idle';
  return (
    <Popover
      className="tunnel-control"
      testId="tunnel-control"
      active={phase !== 'idle'}
      label={
        <>
          <span className={`tunnel-dot tunnel-dot-${phaseTone[phase]}`} aria-hidden />
          Public URL: {phaseLabel[phase]}
        </>
      }
    >
      {() => (
        <div className="tunnel-panel" data-testid="tunnel-panel">
          {loadError && (
            <div className="notice notice-error">
              <VisibleText text={loadError} />
            </div>
          )}
          {state && <TunnelPanel state={state} onState={setState} />}
        </div>
      )}
    </Popover>
  );
}

function TunnelPanel({
  state,
  onState,
}: {
  state: NonNullable<ReturnType<typeof useTunnelState>['state']>;
  onState: (s: typeof state) => void;
}) {
  const api = useApi();
  const [subdomain, setSubdomain] = useState(state.requestedSubdomain ?? '');
  const [host, setHost] = useState(state.host || DEFAULT_TUNNEL_HOST);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(Date.now());
  const [autoStart, setAutoStart] = useState<boolean | null>(null);
  /** The options as last loaded or saved: a field still equal to it was not edited here, so it follows changes. */
  const [shown, setShown] = useState({ subdomain, host });
  const [changedElsewhere, setChangedElsewhere] = useState(false);
  useEffect(() => {
    if (state.nextAttemptAtMs === null) return;
    // The clock stood still since the last countdown (or since the panel opened): without this, a new attempt's
    // delay was counted from then for the first second ("in 62 s" for an attempt due in 2 s).
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [state.nextAttemptAtMs]);
  useEffect(() => {
    let live = true;
    api.call('tunnel.settings.get', {}).then(
      (settings) => {
        if (!live) return;
        setAutoStart(settings.autoStart);
        // The saved options, also while the tunnel runs: they may have changed elsewhere since it started, and Start or
        // Restart saves what the fields hold. A field typed in before they came is kept.
        const saved = { subdomain: settings.subdomain ?? '', host: settings.host };
        setSubdomain((typed) => (typed === shown.subdomain ? saved.subdomain : typed));
        setHost((typed) => (typed === shown.host ? saved.host : typed));
        setShown(saved);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
    // Only when the panel opens (not on every state change), so later typing is never overwritten.
  }, [api]);

  // Saved elsewhere (another window, the CLI, the API, or a start there): a field typed here is kept, not overwritten.
  useEvent('tunnel.settings.changed', (settings) => {
    setAutoStart(settings.autoStart);
    const saved = { subdomain: settings.subdomain ?? '', host: settings.host };
    if (saved.subdomain === shown.subdomain && saved.host === shown.host) return;
    const keptSubdomain = subdomain.trim() !== shown.subdomain && subdomain.trim() !== saved.subdomain;
    const keptHost = savedHost(host) !== savedHost(shown.host) && savedHost(host) !== saved.host;
    if (!keptSubdomain) setSubdomain(saved.subdomain);
    if (!keptHost) setHost(saved.host);
    setChangedElsewhere(keptSubdomain || keptHost);
    setShown(saved);
  });

  // Spaces around it are not part of it (pasted from a chat or a URL, as the server's URL field allows); a space
  // inside is refused, naming the field.
  const subdomainTyped = subdomain.trim();
  const subdomainError = subdomainTyped ? firstIssue(tunnelSubdomain.safeParse(subdomainTyped)) : null;
  const hostError = firstIssue(tunnelHost.safeParse(host));
  const subdomainErrorId = useId();
  const hostErrorId = useId();
  const running = state.phase !== 'idle';

  // The button pressed is disabled while busy, or gone (Stop): the keyboard goes on from Start/Restart, not the page.
  const submit = useRef<HTMLButtonElement>(null);
  const [refocus, setRefocus] = useState(false);
  useEffect(() => {
    if (busy || !refocus) return;
    setRefocus(false);
    if (!document.activeElement || document.activeElement === document.body) submit.current?.focus();
  }, [busy, refocus]);

  const run = async (action: () => Promise<typeof state>) => {
    setRefocus(true);
    setBusy(true);
    setError(null);
    try {
      onState(await action());
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const onStart = (e: FormEvent) => {
    e.preventDefault();
    if (subdomainError || hostError) return;
    void run(() => api.call('tunnel.start', { subdomain: subdomainTyped || null, host }));
  };

  return (
    <>
      <div className="tunnel-status">
        <span
          className={`pill pill-${phaseTone[state.phase] === 'muted' ? 'info' : phaseTone[state.phase]}`}
          data-testid="tunnel-phase"
        >
          {phaseLabel[state.phase]}
        </span>
        {state.localPort !== null && <span className="muted">receiver port {state.localPort}</span>}
        {state.lastProbe && (
          <span className="muted" title={visibleAttribute(state.lastProbe.detail)}>
            probe {state.lastProbe.ok ? 'ok' : state.lastProbe.inconclusive ? 'inconclusive' : 'failed'} at{' '}
            {clockTime(state.lastProbe.atMs)}
            {state.lastProbe.latencyMs !== null ? ` (${state.lastProbe.latencyMs} ms)` : ''}
          </span>
        )}
      </div>
      {state.url && (
        <div className="url-chip url-public tunnel-url" data-testid="tunnel-url">
          <span className="url-value mono">{state.url}</span>
          <CopyButton
            text={state.url}
            label="Copy"
            name="Copy public URL"
            title="Copy public URL"
            className="btn-ghost"
          />
        </div>
      )}
      {state.lastError && state.phase !== 'online' && state.phase !== 'idle' && (
        <div className="notice notice-warn tunnel-last-error" data-testid="tunnel-last-error">
          <VisibleText text={state.lastError.message} />
          {state.nextAttemptAtMs !== null && <> — next attempt {inSeconds(state.nextAttemptAtMs, now)}</>}
        </div>
      )}
      <form className="tunnel-form" onSubmit={onStart}>
        <label>
          <span>
            Subdomain <span className="muted">(optional)</span>
          </span>
          <input
            className="mono"
            value={subdomain}
            placeholder="my-hooks"
            aria-invalid={subdomainError !== null}
            aria-describedby={subdomainError ? subdomainErrorId : undefined}
            // As typed: trimming here dropped each space as it was typed ("my hooks" became "myhooks", unsaid).
            onChange={(e) => setSubdomain(e.target.value)}
          />
        </label>
        {subdomainError && (
          <div className="tunnel-field-error" id={subdomainErrorId}>
            subdomain: <VisibleText text={subdomainError} />
          </div>
        )}
        <label>
          Tunnel server
          <input
            className="mono"
            value={host}
            aria-invalid={hostError !== null}
            aria-describedby={hostError ? hostErrorId : undefined}
            // As typed: trimming here dropped each space as it was typed ("http://a b" became "http://ab", unsaid).
            // Spaces around the URL need no trimming: the URL parser drops them when the server is saved.
            onChange={(e) => setHost(e.target.value)}
          />
        </label>
        {hostError && (
          <div className="tunnel-field-error" id={hostErrorId}>
            host: <VisibleText text={hostError} />
          </div>
        )}
        {autoStart !== null && (
          <label className="tunnel-check">
            <input
              type="checkbox"
              checked={autoStart}
              onChange={(e) => {
                const next = e.target.checked;
                api.call('tunnel.settings.update', { autoStart: next }).then(
                  (saved) => setAutoStart(saved.autoStart),
                  (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
                );
              }}
            />
            Start the public URL when Hookscope starts
          </label>
        )}
        <div className="tunnel-actions">
          <button
            ref={submit}
            type="submit"
            className="btn btn-primary btn-small"
            disabled={busy || subdomainError !== null || hostError !== null}
          >
            {running ? 'Restart' : 'Start'}
          </button>
          {running && (
            <button
              type="button"
              className="btn btn-small"
              disabled={busy}
              onClick={() => void run(() => api.call('tunnel.stop', {}))}
            >
              Stop
            </button>
          )}
        </div>
        {changedElsewhere && (subdomain.trim() !== shown.subdomain || host !== shown.host) && (
          <div className="notice notice-warn" data-testid="tunnel-changed-elsewhere">
            The tunnel options were changed elsewhere (another window, the CLI or the API) while you edited
            them: saved now <span className="mono">{shown.subdomain || '(no subdomain)'}</span> on{' '}
            <span className="mono">{shown.host}</span>. {running ? 'Restart' : 'Start'} uses what is typed
            here.{' '}
            <button
              type="button"
              className="btn btn-small"
              onClick={() => {
                setSubdomain(shown.subdomain);
                setHost(shown.host);
                setChangedElsewhere(false);
              }}
            >
              Use the saved options
            </button>
          </div>
        )}
        {error && (
          <div className="notice notice-error">
            <VisibleText text={error} />
          </div>
        )}
      </form>
      {state.history.length > 0 && (
        <div className="tunnel-history">
          <h3>History</h3>
          <ul data-testid="tunnel-history">
            {state.history.map((entry) => (
              <li key={`${entry.url}-${entry.fromMs}`}>
                <span className="mono">{entry.url}</span>{' '}
                <span className="muted">
                  {clockTime(entry.fromMs)} – {entry.untilMs === null ? 'now' : clockTime(entry.untilMs)}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
