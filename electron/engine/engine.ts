import type { Handlers } from '../shared/contract/index';
import { createCoreModule } from './core/module';
import { createSampleModule } from './core/sample-module';
import { streamCaptureExport, type StreamExport } from './captures/export-stream';
import { readCaptureBody } from './captures/capture-body';
import { createDecodeModule } from './decode/module';
import { createSigningModule } from './signing/module';
import { createProtectionModule } from './protection/module';
import { createTunnelModule, type TunnelModule } from './tunnel/module';
import { createDeliveryModule } from './delivery/module';
import { createDesktopModule } from './desktop/module';
import type { EngineConfig, EngineContext, EngineModule, ReceiverHooks } from './context';
import { EventBus } from './events/event-bus';
import { startReceiver, type Receiver } from './receiver/receiver';
import { ResponseRules } from './receiver/response-rules';
import { recordResponsesCutOffByKill } from './receiver/unsent-after-kill';
import { RuleProgressStore } from './store/rule-progress-store';
import { lockDataDir } from './store/data-dir-lock';
import { openStores } from './store/open-stores';
import { receiverAnnotator } from './receiver/annotate';
import { pruneOnce } from './store/retention';
import { backgroundChunks } from './util/background-chunks';
import { systemClock, type Clock } from './util/clock';
import { createLogger, type Logger } from './util/logger';
import { appVersion } from './version';

export interface EngineOptions {
  dataDir: string;
  receiverHost?: string;
  receiverPort?: number;
  mode: EngineConfig['mode'];
  version?: string;
  clock?: Clock;
  log?: Logger;
  durability?: 'process-crash' | 'power-loss';
  /** How often retention is applied (ms). */
  retentionIntervalMs?: number;
  /** The receiver's slow-client timeouts (tests shorten them; see ReceiverOptions). */
  receiverTimeouts?: { headersTimeoutMs?: number; requestTimeoutMs?: number };
  /** The budget of one `*.export` answer (see EngineConfig). */
  exportMaxChars?: number;
  /** Deletes of more captures than this cannot be undone (tests make it small; see CaptureTrash). */
  maxUndoableDelete?: number;
  /** false: the profile's saved tunnel auto-start is not run (`serve --tunnel` starts the tunnel once, itself). */
  tunnelAutoStart?: boolean;
}

export interface Engine {
  ctx: EngineContext;
  handlers: Handlers;
  bus: EventBus;
  receiverUrl: string;
  modules: Record<string, EngineModule>;
  /** The public-URL supervisor (`serve --tunnel` drives it directly). */
  tunnel: TunnelModule;
  /** `captures.export` written piece by piece (browser mode's download route): see streamCaptureExport. */
  streamExport: StreamExport;
  /** `captures.body` as bytes (browser mode's body route): see readCaptureBody. */
  readCaptureBody: (input: Parameters<typeof readCaptureBody>[1]) => Buffer;
  close(): Promise<void>;
}

/** Opens the store, starts the receiver and every engine module. The same engine serves browser mode, Electron and the CLI. */
export async function createEngine(options: EngineOptions): Promise<Engine> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? createLogger();
  const bus = new EventBus();
  const unlock = lockDataDir(options.dataDir);
  let stores: ReturnType<typeof openStores>;
  try {
    stores = openStores({
      dataDir: options.dataDir,
      clock,
      durability: options.durability,
      events: {
        created: (items) => bus.emit('capture.created', { items }),
        deleted: (ids, all) => bus.emit('capture.deleted', { ids, all }),
        updated: (items) => bus.emit('capture.updated', { items }),
        progress: (p) => bus.emit('index.progress', p),
        indexFailed: (error) =>
          log.error('index: a background slice failed; retrying', { error: String(error) }),
        fileFailed: (error) => log.error('store: filing a capture failed', { error: String(error) }),
        fileRecovered: () => log.info('store: filing captures again'),
      },
      filing: 'later',
      maxUndoableDelete: options.maxUndoableDelete,
    });
  } catch (error) {
    unlock();
    throw error;
  }
  const { db, captures, endpoints, settings } = stores;
  const responseRules = new ResponseRules(Math.random, new RuleProgressStore(db));
  const persistRuleProgress = () => {
    try {
      responseRules.persist();
    } catch (error) {
      log.error("receiver: could not keep the response rules' counts", { error: String(error) });
    }
  };
  const ruleProgressTimer = setInterval(persistRuleProgress, 1_000);
  ruleProgressTimer.unref();
  // Reset first, so the event reports the count the edited rule starts from.
  endpoints.onChange((endpoint, deletedId) => responseRules.reset(endpoint?.id ?? deletedId ?? -1));
  endpoints.onChange((endpoint, deletedId) =>
    bus.emit('endpoint.changed', {
      endpoint: endpoint && { ...endpoint, ...responseRules.progressOf(endpoint) },
      deletedId,
    }),
  );
  const receiverHooks: ReceiverHooks = {
    headChecks: [],
    interceptors: [],
    watchers: [],
    annotators: [],
    forwardedForTrusted: () => false,
  };
  let receiver: Receiver | null = null;
  const config: EngineConfig = {
    dataDir: options.dataDir,
    receiverHost: options.receiverHost ?? '127.0.0.1',
    receiverPort: options.receiverPort ?? 0,
    mode: options.mode,
    version: options.version ?? appVersion,
    exportMaxChars: options.exportMaxChars,
  };
  const ctx: EngineContext = {
    config,
    db,
    captures,
    endpoints,
    settings,
    bus,
    clock,
    log,
    receiverHooks,
    responseRules,
    receiverUrl: () => {
      if (!receiver) throw new Error('The receiver is not listening yet.');
      return receiver.url;
    },
    receiverPort: () => {
      if (!receiver) throw new Error('The receiver is not listening yet.');
      return receiver.port;
    },
    controlServerPorts: new Set(),
  };

  const core = createCoreModule(ctx);
  const decode = createDecodeModule(ctx);
  const signing = createSigningModule(ctx);
  const protection = createProtectionModule(ctx);
  const sample = createSampleModule(ctx);
  const tunnel = createTunnelModule(ctx, { autoStart: options.tunnelAutoStart });
  const delivery = createDeliveryModule(ctx);
  const desktop = createDesktopModule();
  delivery.setPublicUrlProvider(() => tunnel.publicUrls());
  delivery.setTunnelServerProvider(() => tunnel.serverHosts());
  const modules: Record<string, EngineModule> = {
    core,
    decode,
    signing,
    protection,
    sample,
    tunnel,
    delivery,
    desktop,
  };
  // Spelled out (not merged in a loop) so the compiler proves every method of the contract has a handler.
  const handlers: Handlers = {
    ...core.handlers,
    ...decode.handlers,
    ...signing.handlers,
    ...protection.handlers,
    ...sample.handlers,
    ...tunnel.handlers,
    ...delivery.handlers,
    ...desktop.handlers,
  };

  captures.startFiling(receiverAnnotator(ctx));
  recordResponsesCutOffByKill(ctx);
  const started: EngineModule[] = [];
  try {
    receiver = await startReceiver(ctx, {
      host: config.receiverHost,
      port: config.receiverPort,
      ...options.receiverTimeouts,
    });
    for (const module of Object.values(modules)) {
      started.push(module);
      await module.start?.();
    }
  } catch (error) {
    // Undo everything that started, or the filer and checkpointer run on against a closed database.
    for (const module of started.reverse()) {
      try {
        await module.close?.();
      } catch {
        // the startup error is the one to report
      }
    }
    await receiver?.close();
    clearInterval(ruleProgressTimer);
    captures.close();
    db.close();
    unlock();
    throw error;
  }

  // Retention runs in the background one chunk per event-loop turn, so a large prune (say, a 1M-capture history cut
  // to 1,000) never holds requests for longer than one chunk; a chunk that fails is logged and tried next interval.
  const prune = backgroundChunks(
    () => (closed ? 0 : pruneOnce(db, captures, settings.get(), clock.now())),
    (error) => log.error('retention: prune failed; retrying at the next interval', { error: String(error) }),
  );
  const retentionTimer = setInterval(prune, options.retentionIntervalMs ?? 30_000);
  retentionTimer.unref();
  settings.onChange(() => setImmediate(prune));
  captures.indexer.poke(0);

  let closed = false;
  return {
    ctx,
    handlers,
    bus,
    receiverUrl: receiver.url,
    modules,
    tunnel,
    streamExport: (input, begin, write) => streamCaptureExport(ctx, input, begin, write),
    readCaptureBody: (input) => readCaptureBody(captures, input),
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(retentionTimer);
      for (const module of Object.values(modules).reverse()) await module.close?.();
      await receiver?.close();
      clearInterval(ruleProgressTimer);
      persistRuleProgress();
      captures.close();
      db.close();
      unlock();
    },
  };
}
