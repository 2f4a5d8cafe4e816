import { ApiError } from '../../shared/contract/index';
import type { appMethods, captureMethods, endpointMethods } from '../../shared/contract/index';
import { readCaptureBody } from '../captures/capture-body';
import { withDecodedResponse } from '../captures/decoded-response';
import { exportCaptures } from '../captures/export';
import { parseHar } from '../captures/har-import';
import { beyondRetention } from '../store/retention';
import type { EngineContext, EngineModule } from '../context';

type CoreMethods = typeof appMethods & typeof captureMethods & typeof endpointMethods;

/** App info, settings, captures and endpoints: the core of the API. */
export function createCoreModule(ctx: EngineContext): EngineModule<CoreMethods> {
  return {
    handlers: {
      'app.info': () => ({
        name: 'Hookscope',
        version: ctx.config.version,
        receiverUrl: ctx.receiverUrl(),
        dataDir: ctx.config.dataDir,
        mode: ctx.config.mode,
        maxUndoableDelete: ctx.captures.maxUndoable,
      }),
      'app.stats': () => ctx.captures.stats(),
      'settings.get': () => ctx.settings.get(),
      'settings.update': (patch) => {
        const saved = ctx.settings.update(patch);
        ctx.bus.emit('settings.changed', saved);
        return saved;
      },

      'captures.list': (input) => {
        if (input.complete && input.filter?.text) ctx.captures.indexer.drain();
        return ctx.captures.listInBackground(input);
      },
      'captures.count': (input) => ctx.captures.countWithNewestInBackground(input.filter),
      'captures.breakdown': ({ filter, ...window }) => ctx.captures.breakdownInBackground(filter, window),
      'captures.get': (input) => withDecodedResponse(ctx.captures.get(input.id, input.inlineBodyMaxBytes)),
      'captures.body': (input) => ({ bodyBase64: readCaptureBody(ctx.captures, input).toString('base64') }),
      'captures.delete': (input) => ctx.captures.delete(input.ids, { undoable: true }),
      'captures.restore': (input) => {
        const restored = ctx.captures.restore(input.ids);
        const expiring = beyondRetention(ctx.db, ctx.captures, ctx.settings.get(), ctx.clock.now(), restored);
        return { restored, expiring };
      },
      'captures.deleteAll': () => ({ deleted: ctx.captures.deleteAll() }),
      'captures.export': (input) => {
        if (input.filter?.text) ctx.captures.indexer.drain();
        const ids = input.ids ?? ctx.captures.ids(input.filter, input.limit);
        const captures = ids.flatMap((id) => ctx.captures.getIfPresent(id) ?? []);
        const out = exportCaptures(
          captures,
          input.format,
          ctx.receiverUrl(),
          input.redact ? ctx.endpoints.secretNames() : null,
          ctx.config.version,
          ctx.config.exportMaxChars,
        );
        return { ...out, count: captures.length, missing: ids.length - captures.length };
      },
      'captures.importHar': async (input) => {
        const importedAtMs = ctx.clock.now();
        const parsed = parseHar(input.har, importedAtMs);
        if (
          parsed.captures.length === 0 &&
          parsed.errors.length > 0 &&
          parsed.errors[0]!.startsWith('har:')
        ) {
          throw new ApiError('invalid_input', parsed.errors[0]!, { errors: parsed.errors });
        }
        // Oldest first, so ids follow time and the newest-first list shows them as they were received, whatever
        // order the file lists them in (Hookscope's own exports are newest first).
        // Checked against what was stored before this call (before the import's first call, when it continues one), so
        // identical entries within one file all come in.
        const fresh = input.duplicates
          ? parsed.captures
          : parsed.captures.filter((c) => !ctx.captures.holdsImported(c, input.continuesImportAtMs));
        const oldestFirst = [...fresh].sort((a, b) => a.receivedAtMs - b.receivedAtMs);
        await Promise.all(oldestFirst.map((c) => ctx.captures.add(c)));
        return {
          imported: fresh.length,
          importedAtMs,
          skipped: parsed.skipped,
          duplicates: parsed.captures.length - fresh.length,
          errors: parsed.errors.slice(0, 100),
          warnings: parsed.warnings.slice(0, 100),
        };
      },

      'endpoints.list': () => ({
        items: ctx.endpoints.list().map((e) => ({ ...e, ...ctx.responseRules.progressOf(e) })),
      }),
      'endpoints.create': (input) => ctx.endpoints.create(input),
      'endpoints.update': ({ id, ...patch }) => ctx.endpoints.update(id, patch),
      'endpoints.delete': (input) => ({ deleted: ctx.endpoints.delete(input.id) }),
      'endpoints.resetRule': (input) => {
        const endpoint = ctx.endpoints.get(input.id);
        ctx.responseRules.reset(endpoint.id);
        const reset = { ...endpoint, ...ctx.responseRules.progressOf(endpoint) };
        ctx.bus.emit('endpoint.changed', { endpoint: reset, deletedId: null });
        return reset;
      },
    },
  };
}
