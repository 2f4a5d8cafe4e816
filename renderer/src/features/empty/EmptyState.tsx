import { useState } from 'react';
import { useApi } from '../../api';
import { CopyButton } from '../../components/CopyButton';
import { VisibleText } from '../../components/VisibleText';

export function EmptyState({
  receiverUrl,
  onSent,
  onImport,
  heldBack = 0,
  onResume,
}: {
  receiverUrl: string | null;
  onSent: (id: number) => void;
  /** Opens the export/import dialog: the list's toolbar, its other way in, is not shown until there is a capture. */
  onImport: () => void;
  /** Captures that arrived while live updates are paused: the list is frozen empty, but they are no longer awaited. */
  heldBack?: number;
  onResume?: () => void;
}) {
  if (heldBack > 0)
    return (
      <div className="empty-state" data-testid="empty-state">
        <div className="empty-icon" aria-hidden>
          ◎
        </div>
        <h2>
          {heldBack === 1 ? '1 webhook' : `${heldBack.toLocaleString()} webhooks`} arrived while live updates
          are paused
        </h2>
        <p className="muted">The list is frozen as it was when you paused it. Resume to see what arrived.</p>
        <button type="button" className="btn btn-primary" data-testid="empty-resume" onClick={onResume}>
          Resume live updates
        </button>
      </div>
    );
  return <WaitingForFirstWebhook receiverUrl={receiverUrl} onSent={onSent} onImport={onImport} />;
}

function WaitingForFirstWebhook({
  receiverUrl,
  onSent,
  onImport,
}: {
  receiverUrl: string | null;
  onSent: (id: number) => void;
  onImport: () => void;
}) {
  const api = useApi();
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  // Until app.info answers the address is unknown: a guessed port would be copied and sent to the wrong place.
  const curl =
    receiverUrl &&
    `curl -X POST ${receiverUrl}/hello -H 'Content-Type: application/json' -d '{"event":"test","ok":true}'`;
  return (
    <div className="empty-state" data-testid="empty-state">
      <div className="empty-icon" aria-hidden>
        ◎
      </div>
      <h2>Waiting for the first webhook</h2>
      <p className="muted">
        Point a sender at the receiver below. Every request is kept byte-for-byte and shows up here live.
      </p>
      {receiverUrl && curl ? (
        <>
          <div className="empty-url">
            <span className="mono">{receiverUrl}</span>
            <CopyButton text={receiverUrl} label="Copy URL" />
          </div>
          <div className="empty-curl">
            <pre className="mono">{curl}</pre>
            <CopyButton text={curl} label="Copy curl" />
          </div>
        </>
      ) : (
        <div className="empty-url muted">Looking up the receiver's address…</div>
      )}
      <button
        type="button"
        className="btn btn-primary"
        data-testid="send-sample"
        disabled={state.busy}
        onClick={() => {
          setState({ busy: true, error: null });
          api.call('app.sendSample', {}).then(
            (r) => {
              setState({
                busy: false,
                error: r.captureId === null ? `The receiver answered ${r.status} and kept nothing.` : null,
              });
              if (r.captureId !== null) onSent(r.captureId);
            },
            (e: unknown) => setState({ busy: false, error: e instanceof Error ? e.message : String(e) }),
          );
        }}
      >
        {state.busy ? 'Sending…' : 'Send a sample Ortto webhook'}
      </button>
      <button type="button" className="btn" data-testid="empty-import" onClick={onImport}>
        Import a HAR file…
      </button>
      {state.error && (
        <div className="notice notice-error">
          <VisibleText text={state.error} />
        </div>
      )}
    </div>
  );
}
