import { useState } from 'react';
import type { CaptureDetail, CaptureVerification } from '../../../../electron/shared/contract/captures';
import { useApi } from '../../api';
import { formatDateTime } from '../../lib/format';
import { VisibleText } from '../../components/VisibleText';

/**
 * The stored verdict, and a way to check the capture again with its endpoint's current settings (the secret was
 * wrong, or has been rotated since). Without a verdict (the capture came in before its endpoint verified signatures)
 * only the button shows. The pane reloads on the capture's update event with the new verdict.
 */
export function SignatureVerdict({
  d,
  verification,
}: {
  d: CaptureDetail;
  verification: CaptureVerification | null;
}) {
  const api = useApi();
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const recheck = () => {
    setState({ busy: true, error: null });
    api.call('signing.recheck', { id: d.id }).then(
      () => setState({ busy: false, error: null }),
      (e: unknown) => setState({ busy: false, error: e instanceof Error ? e.message : String(e) }),
    );
  };
  return (
    <span data-testid="signature-verdict">
      {verification ? (
        <>
          <span className={`pill ${verification.ok ? 'pill-ok' : 'pill-error'}`}>
            {verification.ok ? 'verified' : 'failed'}
          </span>{' '}
          {verification.scheme} — <VisibleText text={verification.reason} />{' '}
        </>
      ) : (
        <span className="muted">not checked when it arrived </span>
      )}
      {d.source !== 'imported' && (
        <button
          type="button"
          className="btn btn-small"
          data-testid="signature-recheck"
          disabled={state.busy}
          onClick={recheck}
          title="Verify this capture again with its endpoint's current signature settings"
        >
          {verification ? 'Check again' : 'Check signature'}
        </button>
      )}
      {verification?.checkedAtMs !== undefined && (
        <span className="muted" data-testid="signature-checked">
          {' '}
          checked again {formatDateTime(verification.checkedAtMs)}
          {verification.checkedWith && (
            <>
              {' '}
              with <VisibleText text={verification.checkedWith} />
            </>
          )}
        </span>
      )}
      {state.error && (
        <span className="notice-error" role="alert">
          {' '}
          <VisibleText text={state.error} />
        </span>
      )}
    </span>
  );
}
