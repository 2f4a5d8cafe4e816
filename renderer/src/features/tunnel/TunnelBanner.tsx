import { useApi } from '../../api';
import { CopyButton } from '../../components/CopyButton';
import { useTunnelState } from './use-tunnel-state';
import './tunnel.css';

/**
 * Alerts that need the user's attention while the receiver is public: the URL changed (the sender must be
 * updated), endpoints reachable without auth, and the localtunnel reminder page. All text is rendered as text.
 */
export function TunnelBanner() {
  const api = useApi();
  const { state, setState } = useTunnelState();
  if (!state) return null;
  const dismiss = (notice: 'urlChanged' | 'reminder') => {
    api.call('tunnel.dismiss', { notice }).then(setState, () => undefined);
  };
  const changed = state.urlChanged;
  return (
    <div className="tunnel-banners">
      {changed && (
        <div className="tunnel-banner tunnel-banner-alert" role="alert" data-testid="tunnel-url-changed">
          <strong>The public URL changed — update the webhook URL at the sender.</strong>{' '}
          {changed.reason === 'subdomain-taken'
            ? `The subdomain "${changed.requestedSubdomain ?? ''}" was taken, so the server assigned another.`
            : 'The tunnel reconnected with a different URL.'}
          <div className="tunnel-banner-urls">
            {changed.previousUrl && (
              <span>
                Was <span className="mono">{changed.previousUrl}</span>,
              </span>
            )}{' '}
            {changed.previousUrl ? 'now' : 'Now'} <span className="mono">{changed.url}</span>
            <CopyButton text={changed.url} label="Copy new URL" />
            <button type="button" className="btn btn-small" onClick={() => dismiss('urlChanged')}>
              Sender updated
            </button>
          </div>
        </div>
      )}
      {state.publicWithoutAuth && (
        <div
          className="tunnel-banner tunnel-banner-warn"
          role="status"
          data-testid="tunnel-public-without-auth"
        >
          <strong>Public without auth.</strong> Anyone who knows the public URL can send requests to{' '}
          {state.unprotectedEndpoints.length > 0
            ? state.unprotectedEndpoints.map((path, i) => (
                <span key={path}>
                  {i > 0 && ', '}
                  <bdi className="mono">{path}</bdi>
                </span>
              ))
            : 'endpoints without auth'}
          . Set basic auth, a required header or an access_key parameter on them in Endpoints.
        </div>
      )}
      {state.reminderNotice && (
        <div className="tunnel-banner tunnel-banner-info" role="status" data-testid="tunnel-reminder">
          <strong>Reminder page.</strong> {state.reminderNotice.explanation}
          <div className="muted mono tunnel-ua">User-Agent: {state.reminderNotice.userAgent}</div>
          <button type="button" className="btn btn-small" onClick={() => dismiss('reminder')}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
