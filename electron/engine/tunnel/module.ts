import { randomUUID } from 'node:crypto';
import type { LookupFunction } from 'node:net';
import { ApiError } from '../../shared/contract/errors';
import {
  DEFAULT_TUNNEL_HOST,
  type TunnelSettings,
  type TunnelState,
  type tunnelMethods,
} from '../../shared/contract/tunnel';
import { loopReason } from '../delivery/loop-guard';
import { ownUiReason } from './own-ui-host';
import type { EngineContext, EngineModule } from '../context';
import { isLoopbackPeer } from '../receiver/loopback-peer';
import { tunnelUrlOf, reminderPageExplanation } from './detect';
import { tunnelCannotReach, tunnelLocalHost } from './receiver-reachability';
import { createLocaltunnelProvider } from './localtunnel-provider';
import { createProber, PROBE_PATH, ProbeRegistry } from './probe';
import { PermanentRefusal, type TunnelProvider } from './provider';
import { onForwardingTunnel } from '../../shared/tunnel-sender';
import { TunnelSettingsStore } from './settings-store';
import { TunnelSupervisor, type SupervisorTimings } from './supervisor';

export interface TunnelModuleOptions {
  provider?: TunnelProvider;
  timings?: Partial<SupervisorTimings>;
  probeTimeoutMs?: number;
  /** DNS override for the health probe (tests resolve the public host to the loopback tunnel server). */
  probeLookup?: LookupFunction;
  /** false: start() leaves the saved auto-start to the caller, which starts the tunnel itself (`serve --tunnel`). */
  autoStart?: boolean;
}

export interface TunnelModule extends EngineModule<typeof tunnelMethods> {
  /** Every public URL this profile's receiver has had in this run (the delivery loop guard refuses them). */
  publicUrls(): string[];
  /** The tunnel servers in use: the saved one and the one the tunnel runs on (their subdomains are public URLs). */
  serverHosts(): string[];
  state(): TunnelState;
  /** For `hookscope serve --tunnel`: start with these options (saved as the profile's settings). */
  startTunnel(options?: { subdomain?: string | null; host?: string }): TunnelState;
}

/** Whether this tunnel server's proxy appends the sender's address to X-Forwarded-For (the public localtunnel.me). */
export function appendsForwardedFor(host: string): boolean {
  return onForwardingTunnel(host, false);
}

export function createTunnelModule(ctx: EngineContext, options: TunnelModuleOptions = {}): TunnelModule {
  const settings = new TunnelSettingsStore(ctx.db, () => ctx.clock.now(), ctx.log);
  const registry = new ProbeRegistry();
  /** Why `host` is this app's own receiver or UI rather than a tunnel server, as a refusal naming the field, or null. */
  const ownAddressRefusal = (host: string): string | null => {
    const ownAddress =
      loopReason(host, {
        receiverUrl: ctx.receiverUrl() || null,
        receiverPort: ctx.receiverPort(),
        receiverHost: ctx.config.receiverHost,
        publicUrls: supervisor.knownUrls(),
      }) ?? ownUiReason(host, ctx.controlServerPorts);
    return (
      ownAddress &&
      `host: ${ownAddress}, not a tunnel server; use the tunnel server's URL, like ${DEFAULT_TUNNEL_HOST}`
    );
  };
  const provider =
    options.provider ?? createLocaltunnelProvider({ localHost: tunnelLocalHost(ctx.config.receiverHost) });
  // Requests through the tunnel the receiver is still answering (a slow rule holds their tunnel sockets meanwhile).
  let inFlight = 0;
  const supervisor = new TunnelSupervisor({
    // Checked again at every registration: the saved auto-start runs before `serve` knows its UI port.
    provider: {
      open: (request) => {
        const refusal = ownAddressRefusal(request.host);
        return refusal ? Promise.reject(new PermanentRefusal(refusal)) : provider.open(request);
      },
    },
    clock: ctx.clock,
    log: ctx.log,
    timings: options.timings,
    probe: createProber({
      registry,
      timeoutMs: options.probeTimeoutMs ?? 5_000,
      lookup: options.probeLookup,
    }),
    inFlight: () => inFlight,
  });
  let reminderNotice: TunnelState['reminderNotice'] = null;
  // From the clock at start, so it keeps growing across a restart: a run emits a few states a minute, never one a ms.
  let revision = ctx.clock.now();
  const run = randomUUID();

  // Only while a public URL exists; by path, which is what senders reach (names are free text and need not be unique).
  const unprotected = () =>
    supervisor.getState().url === null
      ? []
      : ctx.endpoints
          .list()
          .filter((endpoint) => endpoint.auth.kind === 'none')
          .map((endpoint) => (endpoint.isDefault ? '/ (catch-all)' : endpoint.pathPrefix));
  const state = (): TunnelState => {
    const unprotectedEndpoints = unprotected();
    return {
      ...supervisor.getState(),
      publicWithoutAuth: unprotectedEndpoints.length > 0,
      unprotectedEndpoints,
      reminderNotice,
      revision,
      run,
    };
  };
  const emit = () => {
    revision++;
    ctx.bus.emit('tunnel.state', state());
  };
  const saveSettings = (patch: Partial<TunnelSettings>): TunnelSettings => {
    if (patch.host !== undefined) {
      const refusal = ownAddressRefusal(settings.merged(patch).host);
      if (refusal) throw new ApiError('invalid_input', refusal);
    }
    const saved = settings.update(patch);
    ctx.bus.emit('tunnel.settings.changed', saved);
    return saved;
  };

  // The public localtunnel.me sits behind a proxy that appends X-Forwarded-For; a self-hosted localtunnel-server adds
  // none, so there the header is only what the sender wrote. What counts is the server the tunnel is running on (the
  // saved settings may already name another), and only for requests that came through it: a local sender reaches
  // the receiver from loopback too, with any X-Forwarded-For it likes.
  ctx.receiverHooks.forwardedForTrusted = (request) => {
    const running = supervisor.getState();
    return (
      running.phase !== 'idle' &&
      running.url !== null &&
      appendsForwardedFor(running.host) &&
      tunnelUrlOf(request.headers, [running.url]) !== null
    );
  };

  // Only from loopback, where the tunnel client connects from, as for filing a capture as tunnel traffic: a LAN sender
  // naming the public host would otherwise be counted, and while counted, a dead tunnel's failed probes are inconclusive.
  ctx.receiverHooks.watchers.push((request) => {
    if (
      request.path === PROBE_PATH ||
      !isLoopbackPeer(request.remoteAddress) ||
      !tunnelUrlOf(request.headers, supervisor.knownUrls())
    )
      return null;
    inFlight++;
    return () => inFlight--;
  });

  // Probes must win before auth and rate limits, so they are neither refused nor counted.
  ctx.receiverHooks.headChecks.unshift((request) => registry.interceptor(request));
  ctx.receiverHooks.annotators.push((capture) => {
    // An imported capture keeps its original URL, even when its Host names this run's tunnel. The tunnel client
    // connects from loopback: a request from elsewhere that names the public host came straight to the receiver.
    if (capture.source === 'imported' || !isLoopbackPeer(capture.remoteAddress)) return {};
    const publicUrl = tunnelUrlOf(capture.headers, supervisor.knownUrls());
    if (!publicUrl) return {};
    // Only the public localtunnel.me shows the reminder page; a self-hosted server has none.
    const reminder = appendsForwardedFor(supervisor.getState().host)
      ? reminderPageExplanation(capture.headers)
      : null;
    if (reminder) {
      reminderNotice = { atMs: capture.receivedAtMs, ...reminder };
      queueMicrotask(emit);
    }
    return { source: 'tunnel', publicUrl };
  });

  const unsubscribers = [
    supervisor.onChange(emit),
    ctx.endpoints.onChange(() => supervisor.getState().phase !== 'idle' && emit()),
  ];

  const start = (input: { subdomain?: string | null; host?: string }): TunnelState => {
    const options = {
      ...(input.subdomain !== undefined ? { subdomain: input.subdomain } : {}),
      ...(input.host !== undefined ? { host: input.host } : {}),
    };
    // Every refusal comes before anything is saved: a start refused leaves the saved options as they were.
    const { host } = settings.merged(options);
    const localPort = ctx.receiverPort();
    if (!localPort)
      throw new ApiError('unavailable', 'The receiver is not listening yet; start it before the tunnel.');
    const refusal = ownAddressRefusal(host);
    if (refusal) throw new ApiError('invalid_input', refusal);
    const unreachable = tunnelCannotReach(ctx.config.receiverHost);
    if (unreachable) throw new ApiError('unavailable', unreachable);
    const saved = saveSettings(options);
    // The notice was about the server the tunnel ran on: another one may show no such page.
    if (saved.host !== supervisor.getState().host) reminderNotice = null;
    supervisor.start({ host: saved.host, subdomain: saved.subdomain, localPort });
    return state();
  };

  return {
    handlers: {
      'tunnel.status': () => state(),
      'tunnel.start': (input) => start(input),
      'tunnel.stop': () => {
        // Nothing is public any more, so no sender can be shown the reminder page (the supervisor's alerts go too).
        reminderNotice = null;
        supervisor.stop();
        return state();
      },
      'tunnel.dismiss': ({ notice }) => {
        if (notice === 'urlChanged') supervisor.acknowledgeUrlChange();
        else reminderNotice = null;
        emit();
        return state();
      },
      'tunnel.settings.get': () => settings.get(),
      'tunnel.settings.update': (patch: Partial<TunnelSettings>) => saveSettings(patch),
    },
    start() {
      if (options.autoStart === false || !settings.get().autoStart) return;
      try {
        start({});
      } catch (error) {
        // Never stop the engine from starting: the tunnel stays off and says why when started by hand.
        ctx.log.warn('tunnel: not started automatically', { error: String((error as Error).message) });
      }
    },
    close() {
      for (const unsubscribe of unsubscribers) unsubscribe();
      supervisor.stop();
    },
    publicUrls: () => supervisor.knownUrls(),
    serverHosts: () => [...new Set([settings.get().host, supervisor.getState().host].filter(Boolean))],
    state,
    startTunnel: (input = {}) => start(input),
  };
}
