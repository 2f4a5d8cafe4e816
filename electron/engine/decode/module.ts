import { ApiError } from '../../shared/contract/errors';
import type { CustomDictionaryInfo, DictionaryEntryRow, decodeMethods } from '../../shared/contract/decode';
import {
  compileCustomDictionary,
  decodeCapture,
  dictionaryEntries,
  findDecodedNode,
  entriesToCsv,
  isInstanceSchema,
  parseCustomDictionary,
  type CustomDictionary,
  type DecodeInput,
} from '../../shared/decode/index';
import type { CaptureDetail } from '../../shared/contract/captures';
import type { EngineContext, EngineModule } from '../context';
import { annotate } from './annotate';
import { CustomDictionaryStore } from './custom-store';
import { customEntryRow } from '../../shared/decode/custom-row';
import { displayTypeProblem } from '../../shared/decode/display-types';
import { LargeBodyClassifier } from './large-body';
import { Relabeller } from './relabel';
import { BackgroundWriteRetry } from '../store/background-write-retry';
import { decoderSearchText } from './search-extractor';
import { budgetedExport } from '../captures/export-budget';

export interface DecodeModule extends EngineModule<typeof decodeMethods> {
  /** The compiled custom labels in force (for tests and other modules). */
  custom(): CustomDictionary | undefined;
}

/** How long after the last dictionary change the search index is rebuilt with the new labels. */
const REINDEX_AFTER_MS = 1_000;

const fromBase64 = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'));

/** What the decoder reads of a stored capture: its decoded body when Content-Encoding was undone. */
const decodeInputOf = (detail: CaptureDetail): DecodeInput => ({
  method: detail.method,
  path: detail.path,
  query: detail.query,
  headers: detail.headers,
  contentType: detail.contentType,
  harContentType: detail.harContentType ?? null,
  body: fromBase64(detail.decodedBodyBase64 ?? detail.bodyBase64),
});

export function createDecodeModule(ctx: EngineContext): DecodeModule {
  const store = new CustomDictionaryStore(ctx.db, () => ctx.clock.now());
  let compiled: CustomDictionary | undefined;
  let stale = true;
  const storedCapture = (id: number): CaptureDetail => {
    try {
      return ctx.captures.get(id);
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw new ApiError('not_found', `id: no capture ${id}.`, { id });
    }
  };
  const custom = (): CustomDictionary | undefined => {
    if (stale) {
      const all = store.allEntries();
      compiled = all.length > 0 ? compileCustomDictionary(all) : undefined;
      stale = false;
    }
    return compiled;
  };
  // Search reads the labels a capture was indexed with, and the list the vendor/event label stored on arrival: after
  // the labels change, index everything again and re-classify stored captures (once a burst of edits has settled).
  const relabeller = new Relabeller(ctx, custom);
  const largeBodies = new LargeBodyClassifier(ctx, custom);
  const reindexStorage = new BackgroundWriteRetry(ctx.clock, ctx.log, 'search index rebuild');
  let reindex: ReturnType<typeof setTimeout> | null = null;
  /** From 0: index everything again and relabel from the oldest capture; otherwise resume a pass after that id. */
  const scheduleRelabel = (afterId: number) => {
    if (reindex) clearTimeout(reindex);
    reindexStorage.stop();
    const relabel = () => {
      if (afterId === 0 && !reindexStorage.attempt(() => ctx.captures.indexer.reindexAll(), relabel)) return;
      relabeller.start(afterId);
    };
    reindex = setTimeout(() => {
      reindex = null;
      relabel();
    }, REINDEX_AFTER_MS);
    reindex.unref?.();
  };
  const changed = (dictionaryId: number | null) => {
    stale = true;
    relabeller.markDue();
    ctx.bus.emit('dictionary.changed', { dictionaryId });
    scheduleRelabel(0);
  };
  // The engine stopped after a change but before the pass over stored captures finished: finish it now.
  const unfinished = relabeller.unfinished();
  if (unfinished !== null) scheduleRelabel(unfinished);
  const mustGet = (id: number): CustomDictionaryInfo => {
    const d = store.get(id);
    if (!d) throw new ApiError('not_found', `id: no custom dictionary ${id}.`, { id });
    return d;
  };

  ctx.receiverHooks.annotators.push((capture) => {
    const labels = annotate(capture, custom);
    largeBodies.noteFiled(capture, labels);
    return labels;
  });
  ctx.captures.addSearchTextExtractor(decoderSearchText(custom));

  return {
    custom,
    close: () => {
      if (reindex) clearTimeout(reindex);
      reindex = null;
      reindexStorage.stop();
      relabeller.stop();
      largeBodies.stop();
    },
    handlers: {
      'decode.capture': ({ id }) => {
        const detail = storedCapture(id);
        const result = decodeCapture(decodeInputOf(detail), custom());
        if (detail.truncated) {
          result.warnings.unshift({
            code: 'truncated',
            severity: 'warning',
            path: '',
            message: `Only the first ${detail.storedBodyBytes} of ${detail.bodySizeBytes} bytes were stored; the decode covers those.`,
          });
        }
        return result;
      },
      'decode.value': ({ id, path }) => {
        const result = decodeCapture(decodeInputOf(storedCapture(id)), custom(), {
          fullRaw: true,
          rawAt: path,
        });
        const node = findDecodedNode(result.sections, path);
        if (!node)
          throw new ApiError('not_found', `path: capture ${id} has no decoded value at ${path}.`, {
            id,
            path,
          });
        return { raw: node.raw ?? node.display };
      },
      'decode.payload': (input) => {
        const body =
          input.bodyEncoding === 'base64' ? fromBase64(input.body) : new TextEncoder().encode(input.body);
        const q = input.query.startsWith('?') ? input.query.slice(1) : input.query;
        return decodeCapture(
          {
            method: input.method,
            path: input.path,
            query: q,
            headers: input.headers,
            contentType: input.contentType,
            body,
          },
          custom(),
        );
      },
      'dictionary.entries': ({ origin }) => {
        const builtIn: DictionaryEntryRow[] =
          origin === 'custom'
            ? []
            : dictionaryEntries().map((e) => ({ ...e, origin: 'built-in', dictionaryId: null }));
        const customRows: DictionaryEntryRow[] = (origin === 'built-in' ? [] : store.allEntries()).map((e) =>
          customEntryRow(e, e.dictionaryId),
        );
        return { items: [...customRows, ...builtIn] };
      },
      'dictionary.custom.list': () => ({ items: store.list() }),
      'dictionary.custom.get': ({ id }) => ({ dictionary: mustGet(id), entries: store.entries(id) }),
      'dictionary.custom.create': ({ name }) => {
        const d = store.create(name, 'manual');
        changed(d.id);
        return d;
      },
      'dictionary.custom.rename': ({ id, name }) => {
        mustGet(id);
        const d = store.rename(id, name)!;
        changed(id);
        return d;
      },
      'dictionary.custom.import': ({ name, format, content, dictionaryId }) => {
        let parsed;
        try {
          parsed = parseCustomDictionary(content, format);
        } catch (error) {
          throw new ApiError('invalid_input', error instanceof Error ? error.message : String(error));
        }
        if (parsed.entries.length === 0) {
          throw new ApiError(
            'invalid_input',
            `content: no usable entries found${parsed.errors.length ? ` (${parsed.errors.slice(0, 3).join('; ')})` : ''}.`,
            { errors: parsed.errors },
          );
        }
        const source =
          parsed.exportedSource ??
          (format === 'auto'
            ? content.trimStart().startsWith('{') || content.trimStart().startsWith('[')
              ? isInstanceSchema(content)
                ? 'ortto-schema'
                : 'json'
              : 'csv'
            : format);
        const target = dictionaryId !== null ? mustGet(dictionaryId) : store.create(name, source);
        const imported = store.upsert(target.id, parsed.entries);
        changed(target.id);
        return { dictionary: mustGet(target.id), imported, skipped: parsed.skipped, errors: parsed.errors };
      },
      'dictionary.custom.upsertEntry': ({ dictionaryId, entry }) => {
        mustGet(dictionaryId);
        // A display type the dictionary already holds came from an import that takes them as given (an instance
        // schema): relabelling or moving that entry keeps it.
        const problem =
          entry.displayType !== null && store.holdsDisplayType(dictionaryId, entry.displayType)
            ? null
            : displayTypeProblem(entry.displayType);
        if (problem)
          throw new ApiError('invalid_input', `entry.displayType: ${problem}`, {
            issues: [{ path: 'entry.displayType', message: problem }],
          });
        store.upsert(dictionaryId, [entry]);
        changed(dictionaryId);
        return { entry };
      },
      'dictionary.custom.deleteEntry': ({ dictionaryId, fieldId, activityId }) => {
        mustGet(dictionaryId);
        const deleted = store.deleteEntry(dictionaryId, fieldId, activityId);
        if (deleted) changed(dictionaryId);
        return { deleted };
      },
      'dictionary.custom.delete': ({ id }) => {
        const deleted = store.delete(id);
        if (deleted) changed(id);
        return { deleted };
      },
      'dictionary.custom.export': ({ id, format }) => {
        const d = mustGet(id);
        const entries = store.entries(id);
        const base = d.name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || `dictionary-${id}`;
        return budgetedExport(
          () =>
            format === 'csv'
              ? { content: entriesToCsv(entries), fileName: `${base}.csv`, mimeType: 'text/csv' }
              : {
                  content: JSON.stringify({ name: d.name, source: d.source, entries }, null, 2),
                  fileName: `${base}.json`,
                  mimeType: 'application/json',
                },
          'entries',
          ctx.config.exportMaxChars,
        );
      },
    },
  };
}
