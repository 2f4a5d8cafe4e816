import type { Statement } from 'better-sqlite3';
import type { CustomDictionary } from '../../shared/decode/index';
import type { EngineContext } from '../context';
import { decodeContentEncoding } from '../store/body-text';
import { annotate, BACKGROUND_MAX_BYTES, FILING_MAX_BYTES } from './annotate';

/**
 * Filing classifies bodies up to 64 KB only (it shares a few-millisecond slice with the receiver; a 1 MB JSON body
 * takes about 20 ms). Received captures with bigger bodies and no label are classified here afterwards, one per
 * event-loop turn, and their labels stored and announced (`capture.updated`) as the Relabeller does. That includes
 * compressed bodies small on the wire that expand past 64 KB (a gzipped batch of contacts), which filing gave up on.
 */
export class LargeBodyClassifier {
  private readonly queue: Array<{ id: number; encoding?: string }> = [];
  private readonly encodingsOf: Statement<number[], { id: number; content_encoding: string }>[] = [];
  private pending: ReturnType<typeof setImmediate> | null = null;
  private readonly off: () => void;

  constructor(
    private readonly ctx: EngineContext,
    private readonly custom: () => CustomDictionary | undefined,
  ) {
    this.off = ctx.bus.on('capture.created', ({ items }) => {
      const small: number[] = [];
      for (const c of items) {
        if (c.vendor !== null || c.truncated || c.source === 'imported') continue;
        if (c.bodySizeBytes > FILING_MAX_BYTES) {
          if (c.bodySizeBytes <= BACKGROUND_MAX_BYTES) this.queue.push({ id: c.id });
        } else if (c.bodySizeBytes > 0) small.push(c.id);
      }
      for (const { id, content_encoding } of this.compressed(small))
        this.queue.push({ id, encoding: content_encoding });
      this.schedule();
    });
  }

  /** Which of these captures came with a Content-Encoding (most webhooks do not: one indexed lookup per batch). */
  private compressed(ids: number[]): { id: number; content_encoding: string }[] {
    if (ids.length === 0) return [];
    const statement = (this.encodingsOf[ids.length] ??= this.ctx.db.prepare(
      `SELECT id, content_encoding FROM captures WHERE id IN (${ids.map(() => '?').join(',')})
       AND content_encoding IS NOT NULL AND trim(lower(content_encoding)) NOT IN ('', 'identity')`,
    ));
    return statement.all(...ids);
  }

  stop(): void {
    this.off();
    if (this.pending) clearImmediate(this.pending);
    this.pending = null;
    this.queue.length = 0;
  }

  private schedule(): void {
    if (this.pending || this.queue.length === 0) return;
    this.pending = setImmediate(() => {
      this.pending = null;
      const next = this.queue.shift()!;
      if (next.encoding === undefined || this.expandsPastFiling(next.id, next.encoding))
        this.classify(next.id);
      this.schedule();
    });
    this.pending.unref?.();
  }

  /** A body filing could expand within its 64 KB was classified then; only the ones that outgrew it are left. */
  private expandsPastFiling(id: number, encoding: string): boolean {
    let body: Buffer;
    try {
      body = this.ctx.captures.body(id);
    } catch {
      return false; // deleted meanwhile
    }
    if (body.length > BACKGROUND_MAX_BYTES) return false;
    return decodeContentEncoding(body, encoding, FILING_MAX_BYTES).overCap === true;
  }

  private classify(id: number): void {
    let detail;
    try {
      detail = this.ctx.captures.get(id);
    } catch {
      return; // deleted meanwhile
    }
    if (detail.vendor !== null) return;
    const { vendor = null, eventLabel = null } = annotate(
      { ...detail, body: Buffer.from(detail.bodyBase64, 'base64'), contentEncoding: detail.contentEncoding },
      this.custom,
      BACKGROUND_MAX_BYTES,
    );
    if (vendor === null) return;
    const [summary] = this.ctx.captures.setLabels([{ id, vendor, eventLabel }]);
    if (!summary) return;
    this.ctx.captures.indexer.relabelled([id]);
    this.ctx.bus.emit('capture.updated', { items: [summary] });
  }
}
