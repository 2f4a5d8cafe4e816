import type { TunnelState } from '../../shared/contract/tunnel';
import type { CliIo } from '../io';
import { withC1Escaped } from '../json-text';

/** A tunnel that keeps failing its probes cycles every few seconds: say so at most this often. */
export const DEGRADED_REPORT_INTERVAL_MS = 60_000;

/**
 * What `serve` prints as the tunnel's state changes: each new public URL (loudly when it changed), each failed
 * attempt while offline, when the printed URL stops working while the tunnel repairs it (at most once a minute), and —
 * so the last line about a printed URL is never a stale "offline" or "degraded" — when that URL works again or is
 * stopped.
 */
export function createTunnelReporter(io: CliIo, json: boolean): (state: TunnelState) => void {
  let shown: string | null = null;
  /** What the last line said about the tunnel: the shown URL works, or it does not (and why). */
  let told: 'online' | 'offline' | 'degraded' | 'stopped' = 'online';
  let reportedErrorAtMs: number | null = null;
  /** Between going degraded and online again: one episode is one line, however many events it emits. */
  let degradedEpisode = false;
  let degradedReportedAtMs: number | null = null;
  let unreportedDegradations = 0;
  return (state) => {
    if (state.phase === 'online') degradedEpisode = false;
    if (state.phase === 'online' && state.url && state.url !== shown) {
      // The server gave this URL instead of the subdomain asked for: say so, or it reads as the one asked for.
      const taken =
        state.urlChanged?.reason === 'subdomain-taken' && state.urlChanged.url === state.url
          ? state.urlChanged.requestedSubdomain
          : null;
      // With --json-ready stdout stays one JSON object per line, for scripts that read it line by line.
      if (json)
        io.stdout(
          JSON.stringify({
            event: 'tunnel',
            url: state.url,
            changed: shown !== null,
            subdomainTaken: taken,
          }) + '\n',
        );
      else
        io.stdout(
          `${shown ? 'Public URL CHANGED — update the webhook URL at the sender: ' : 'Public:   '}${state.url}` +
            `${taken ? `   (subdomain "${taken}" is taken; the server assigned this URL instead)` : ''}\n`,
        );
      shown = state.url;
      told = 'online';
    } else if (state.phase === 'online' && state.url === shown && told !== 'online') {
      if (json) io.stdout(JSON.stringify({ event: 'tunnel', status: 'online', url: state.url }) + '\n');
      else io.stderr(`tunnel back online: ${state.url}\n`);
      told = 'online';
    } else if (state.phase === 'offline' && state.lastError) {
      // Other events (an endpoint edited) repeat the state of the same failed attempt: report each attempt once.
      if (state.lastError.atMs === reportedErrorAtMs) return;
      reportedErrorAtMs = state.lastError.atMs;
      // A refusal the server would repeat is not retried (nextAttemptAtMs null); its message says what to change.
      const retrying = state.nextAttemptAtMs !== null ? ' (retrying)' : '';
      io.stderr(`tunnel offline: ${printable(state.lastError.message)}${retrying}\n`);
      told = 'offline';
    } else if (state.phase === 'degraded' && shown !== null && told === 'online' && !degradedEpisode) {
      degradedEpisode = true;
      if (
        degradedReportedAtMs !== null &&
        state.sinceMs - degradedReportedAtMs < DEGRADED_REPORT_INTERVAL_MS
      ) {
        unreportedDegradations++;
        return;
      }
      const reason = state.lastError?.message ?? 'the public URL stopped working';
      if (json)
        io.stdout(
          withC1Escaped(
            JSON.stringify({
              event: 'tunnel',
              status: 'degraded',
              url: shown,
              reason,
              degradedSinceLastReport: unreportedDegradations,
            }),
          ) + '\n',
        );
      else {
        const more = unreportedDegradations
          ? `; degraded ${unreportedDegradations} more time${unreportedDegradations === 1 ? '' : 's'} since the last report`
          : '';
        io.stderr(`tunnel degraded: ${printable(reason)} (repairing${more})\n`);
      }
      degradedReportedAtMs = state.sinceMs;
      unreportedDegradations = 0;
      told = 'degraded';
    } else if (state.phase === 'idle' && shown !== null && told !== 'stopped') {
      io.stderr(`tunnel stopped: ${shown} no longer reaches this receiver\n`);
      told = 'stopped';
    }
  };
}

/** The tunnel server's own words end up in error messages: escape control characters before they reach a terminal. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const controlCharacters = /[\u0000-\u001f\u007f-\u009f]/g;

function printable(text: string): string {
  return text.replace(controlCharacters, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
