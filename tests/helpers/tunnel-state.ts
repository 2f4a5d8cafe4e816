import type { TunnelState } from '../../electron/shared/contract/tunnel';

/** The tunnel as the engine reports it before it is started, with `patch` on top. */
export const tunnelState = (patch: Partial<TunnelState> = {}): TunnelState => ({
  phase: 'idle',
  url: null,
  host: 'https://localtunnel.me',
  requestedSubdomain: null,
  localPort: null,
  sinceMs: 0,
  history: [],
  lastError: null,
  urlChanged: null,
  attempt: 0,
  nextAttemptAtMs: null,
  lastProbe: null,
  publicWithoutAuth: false,
  unprotectedEndpoints: [],
  reminderNotice: null,
  revision: 0,
  run: 'run-1',
  ...patch,
});
