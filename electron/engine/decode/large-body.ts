import type { CustomDictionary } from '../../shared/decode/index';
import type { EngineContext } from '../context';
import { annotate, BACKGROUND_MAX_BYTES, FILING_MAX_BYTES } from './annotate';

/**
 * Filing classifies bodies up to 64 KB only (it shares a few-millisecond slice with the receiver; a 1 MB JSON body
 * takes about 20 ms). Received captures with bigger bodies and no label are classified here afterwards, one per
 * event-loop turn, and their labels stored and announced (`capture.updated`) as the Relabeller does.
 */
export class LargeBodyClassifier {
  private readonly queue: number[] = [];
  private pending: ReturnType<typeof setImmediate> | null = null;
  private readonly off: () => void;

  constructor(
    private readonly ctx: EngineContext,
    private readonly custom: () => CustomDictionary | undefined,
  ) {
    this.off = ctx.bus.on('capture.created', ({ items }) => {
      for (const c of items) {
        const big = c.bodySizeBytes > FILING_MAX_BYTES && c.bodySizeBytes <= BACKGROUND_MAX_BYTES;
        if (big && c.vendor === null && !c.truncated && c.source !== 'imported') this.queue.push(c.id);
      }
      this.schedule();
    });
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
      this.classify(this.queue.shift()!);
      this.schedule();
    });
    this.pending.unref?.();
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
    const summary = this.ctx.captures.setLabels(id, vendor, eventLabel);
    if (!summary) return;
    this.ctx.captures.indexer.relabelled([id]);
    this.ctx.bus.emit('capture.updated', { items: [summary] });
  }
}
