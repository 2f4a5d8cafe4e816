import type Database from 'better-sqlite3';
import type { HeaderPair } from '../../shared/contract/index';

export interface NewCapture {
  receivedAtMs: number;
  method: string;
  path: string;
  query: string;
  /** The target ended in a bare `?` (see querySuffix). */
  emptyQuery?: true;
  httpVersion: string;
  headers: HeaderPair[];
  /** Trailer fields after a chunked body, as sent; absent when there were none. */
  trailers?: HeaderPair[];
  remoteAddress: string;
  remotePort: number | null;
  contentType: string | null;
  contentEncoding: string | null;
  body: Uint8Array;
  bodySizeBytes: number;
  truncated: boolean;
  /** Refused before `100 Continue`: the body was never sent. */
  bodyNotSent?: true;
  endpointId: number | null;
  source: 'receiver' | 'tunnel' | 'imported';
  /** When an imported capture was imported (age retention counts from then); absent for received ones. */
  importedAtMs?: number;
  /** An imported capture's postData.mimeType as given, when its headers had no Content-Type (see harContentType). */
  harMimeType?: string;
  publicUrl: string | null;
  vendor: string | null;
  eventLabel: string | null;
  response: {
    status: number;
    headers: HeaderPair[];
    bodyBase64: string;
    delayMs: number;
    reason: string | null;
    /** An imported response's content.mimeType as given, when its headers had no Content-Type. */
    harMimeType?: string;
    /** An imported response's HTTP version (as `harHttpVersion` reads it), when not 1.1, the receiver's own. */
    httpVersion?: string;
    /** The response rule's step this answered, to give back if the response is never sent (kept off the API). */
    ruleStep?: number;
    /** The count that took that step (as `ruleStepVersion`): an edited or saved rule never gets it (kept off the API). */
    ruleVersion?: string;
  } | null;
  verification: { scheme: string; ok: boolean; reason: string } | null;
  /** Run the receiver's annotators (vendor, verification, tunnel) when the capture is filed. */
  annotate?: boolean;
}

interface Pending {
  capture: NewCapture;
  resolve: (id: number) => void;
  reject: (error: unknown) => void;
}

/**
 * The acknowledge path's half of the store. Group commit: every capture that arrives in one event-loop turn is written
 * to the inbox in one transaction, and each request is acknowledged only after that COMMIT — one row per request and
 * nothing else, so durability costs little throughput (PERFORMANCE-NOTES: one commit per request ran at 0.34×). The
 * CaptureFiler turns inbox rows into captures afterwards.
 */
export class CaptureWriter {
  private pending: Pending[] = [];
  private scheduled = false;
  private readonly insertBatch: (batch: NewCapture[]) => number[];

  constructor(
    db: Database.Database,
    private readonly onCommitted: (count: number) => void,
    /** With the bytes the batch's bodies would have taken. */
    private readonly onFailed: (error: unknown, bytes: number) => void = () => {},
  ) {
    const insert = db.prepare('INSERT INTO capture_inbox (capture, body) VALUES (?, ?)');
    this.insertBatch = db.transaction((batch: NewCapture[]) => {
      const ids: number[] = [];
      for (const c of batch) ids.push(Number(insert.run(inboxJson(c), c.body).lastInsertRowid));
      return ids;
    });
  }

  /** Resolves with the capture's id once its row is committed. */
  enqueue(capture: NewCapture): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pending.push({ capture, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Writes everything queued now (also used on shutdown). */
  flush(): void {
    this.scheduled = false;
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    let ids: number[];
    try {
      ids = this.insertBatch(batch.map((p) => p.capture));
    } catch (error) {
      for (const p of batch) p.reject(error);
      this.onFailed(
        error,
        batch.reduce((sum, p) => sum + p.capture.body.byteLength, 0),
      );
      return;
    }
    for (let i = 0; i < batch.length; i++) batch[i]!.resolve(ids[i]!);
    this.onCommitted(batch.length);
  }

  get queued(): number {
    return this.pending.length;
  }
}

/** Everything but the body, which has its own column. */
const inboxJson = (c: NewCapture): string => JSON.stringify({ ...c, body: undefined });
