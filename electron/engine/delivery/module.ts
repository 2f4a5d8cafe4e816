import type { deliveryMethods } from '../../shared/contract/delivery';
import type { EngineContext, EngineModule } from '../context';
import type { HttpSender } from './http-attempt';
import { DeliveryService } from './service';
import { budgetedExport } from '../captures/export-budget';

export interface DeliveryModule extends EngineModule<typeof deliveryMethods> {
  service: DeliveryService;
  /** The tunnel feature registers its public URLs here so the loop guard refuses them too. */
  setPublicUrlProvider(provider: () => string[]): void;
  /** The tunnel feature names its servers here: attempts to their public URLs carry bypass-tunnel-reminder. */
  setTunnelServerProvider(provider: () => string[]): void;
}

export function createDeliveryModule(
  ctx: EngineContext,
  options: { send?: HttpSender } = {},
): DeliveryModule {
  let publicUrls: () => string[] = () => [];
  let tunnelServers: () => string[] = () => [];
  const receiver = () => {
    try {
      return {
        receiverUrl: ctx.receiverUrl() || null,
        receiverPort: ctx.receiverPort() || null,
        receiverHost: ctx.config.receiverHost,
      };
    } catch {
      return { receiverUrl: null, receiverPort: null }; // the receiver is not listening yet
    }
  };
  const service = new DeliveryService({
    db: ctx.db,
    clock: ctx.clock,
    log: ctx.log,
    emit: (event, payload) => ctx.bus.emit(event, payload),
    getCapture: (id) => ctx.captures.get(id),
    loopTargets: () => ({ ...receiver(), publicUrls: publicUrls() }),
    tunnelHosts: () => ({ publicUrls: publicUrls(), serverHosts: tunnelServers() }),
    send: options.send,
  });
  const webhooks = service.webhooks;
  let retentionTimer: ReturnType<typeof setInterval> | undefined;
  let stopWatchingSettings = () => {};
  const environments = service.environments;
  // Other windows and clients list saved webhooks and environments again on these: edits there would be overwritten.
  const webhooksChanged = <T>(value: T): T => (ctx.bus.emit('webhooks.changed', {}), value);
  const environmentsChanged = <T>(value: T): T => (ctx.bus.emit('environments.changed', {}), value);
  return {
    service,
    setPublicUrlProvider(provider) {
      publicUrls = provider;
    },
    setTunnelServerProvider(provider) {
      tunnelServers = provider;
    },
    start: () => {
      service.start();
      const prune = () => service.pruneFinished(ctx.settings.get().deliveryRetention);
      retentionTimer = setInterval(prune, 30_000);
      retentionTimer.unref();
      stopWatchingSettings = ctx.settings.onChange(() => setImmediate(prune));
      prune();
    },
    close: () => {
      clearInterval(retentionTimer);
      stopWatchingSettings();
      return service.close();
    },
    handlers: {
      'deliveries.send': (input) => service.send(input),
      'deliveries.replay': (input) => service.replay(input),
      'deliveries.list': (input) => service.queue.store.list(input.filter, input.cursor, input.limit),
      'deliveries.get': (input) => service.get(input.id),
      'deliveries.cancel': (input) => service.cancel(input.id),
      'deliveries.retryNow': (input) => service.retryNow(input.id),
      'deliveries.log': (input) => service.queue.store.log(input.filter, input.cursor, input.limit),
      'deliveries.clearFinished': (input) => service.clearFinished(input.finishedBeforeMs),
      'deliveries.exportLog': (input) =>
        budgetedExport(() => service.exportLog(input), 'deliveries', ctx.config.exportMaxChars),
      'webhooks.list': (input) => webhooks.list(input.collectionId),
      'webhooks.save': (input) => webhooksChanged(webhooks.save(input)),
      'webhooks.delete': (input) => webhooksChanged({ ok: webhooks.delete(input.id) }),
      'webhooks.duplicate': (input) => webhooksChanged(webhooks.duplicate(input.id)),
      'webhooks.export': (input) =>
        budgetedExport(() => webhooks.export(input.ids, input.redact), 'webhooks', ctx.config.exportMaxChars),
      'webhooks.import': (input) => webhooksChanged(webhooks.import(input.content)),
      'collections.save': (input) => webhooksChanged(webhooks.saveCollection(input)),
      'collections.delete': (input) => webhooksChanged({ ok: webhooks.deleteCollection(input.id) }),
      'environments.list': () => ({ items: environments.list() }),
      'environments.save': (input) => environmentsChanged(environments.save(input)),
      'environments.delete': (input) => environmentsChanged({ ok: environments.delete(input.id) }),
      'environments.activate': (input) => (
        environments.activate(input.id),
        environmentsChanged({ ok: true })
      ),
      'bulk.start': (input) => service.startBulk(input),
      'bulk.get': (input) => service.bulk.progress(input.id),
      'bulk.list': () => ({ items: service.bulk.list() }),
      'bulk.pause': (input) => service.bulk.pause(input.id),
      'bulk.resume': (input) => service.bulk.resume(input.id),
      'bulk.stop': (input) => service.bulk.stop(input.id),
      'bulk.delete': (input) => service.deleteBulk(input.id),
      'emulate.send': (input) => service.emulate(input),
    },
  };
}
