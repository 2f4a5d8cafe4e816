import type Database from 'better-sqlite3';
import type { Clock } from '../util/clock';
import { parseHeaders, type CaptureRow } from './capture-rows';
import type { NewCapture } from './capture-writer';

/**
 * Deleted captures, kept for a few minutes so that a delete can be undone. A kept capture is stored as the inbox holds
 * one (request and response as JSON, the body apart), so undoing puts it back in the inbox under its own id and the
 * filer files it again like any capture: counters, per-minute counts, endpoint counts and the live list follow.
 * Deleting everything empties the trash; so does time (`keepMs`), checked at each delete, undo and retention pass.
 */
export class CaptureTrash {
  private readonly insert: Database.Statement;
  private readonly purgeBefore: Database.Statement;
  private readonly selectIds: Database.Statement;
  private readonly moveOne: Database.Statement;
  private readonly dropOne: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly clock: Clock,
    /** How long a delete can be undone. */
    readonly keepMs = 10 * 60_000,
    /** Deletes of more captures than this are final (copying a million rows to undo a "select all" costs too much). */
    readonly maxUndoable = 10_000,
  ) {
    this.insert = db.prepare(
      'INSERT OR REPLACE INTO capture_trash (id, deleted_at_ms, capture, body) VALUES (?, ?, ?, ?)',
    );
    this.purgeBefore = db.prepare('DELETE FROM capture_trash WHERE deleted_at_ms < ?');
    this.selectIds = db.prepare('SELECT id FROM capture_trash WHERE id = ?').pluck();
    this.moveOne = db.prepare(
      'INSERT INTO capture_inbox (id, capture, body) SELECT id, capture, body FROM capture_trash WHERE id = ?',
    );
    this.dropOne = db.prepare('DELETE FROM capture_trash WHERE id = ?');
  }

  /** Inside the delete's transaction, before the capture's rows go. */
  keep(row: CaptureRow & { body: Buffer | null }): void {
    this.insert.run(row.id, this.clock.now(), JSON.stringify(inboxCapture(row)), row.body ?? Buffer.alloc(0));
  }

  /** Forget captures deleted longer ago than `keepMs`. */
  purgeExpired(): void {
    this.purgeBefore.run(this.clock.now() - this.keepMs);
  }

  clear(): void {
    this.db.exec('DELETE FROM capture_trash');
  }

  /** Moves the kept captures among `ids` back into the inbox, in one transaction; returns the ids moved. */
  moveToInbox(ids: number[]): number[] {
    return this.db.transaction(() => {
      this.purgeExpired();
      const moved: number[] = [];
      for (const id of new Set(ids)) {
        if (this.selectIds.get(id) === undefined) continue;
        this.moveOne.run(id);
        this.dropOne.run(id);
        moved.push(id);
      }
      return moved.sort((a, b) => a - b);
    })();
  }
}

/** A filed capture as the receiver first stored it, with the labels it was filed with (so it is not annotated again). */
function inboxCapture(row: CaptureRow): Omit<NewCapture, 'body'> {
  return {
    receivedAtMs: row.received_at_ms,
    method: row.method,
    path: row.path,
    query: row.query,
    ...(row.empty_query === 1 ? { emptyQuery: true as const } : {}),
    httpVersion: row.http_version,
    headers: parseHeaders(row.headers),
    ...(row.trailers ? { trailers: parseHeaders(row.trailers) } : {}),
    remoteAddress: row.remote_address,
    remotePort: row.remote_port,
    contentType: row.content_type,
    contentEncoding: row.content_encoding,
    bodySizeBytes: row.body_size,
    truncated: row.truncated === 1,
    ...(row.body_not_sent === 1 ? { bodyNotSent: true as const } : {}),
    endpointId: row.endpoint_id,
    source: row.source,
    ...(row.imported_at_ms !== null ? { importedAtMs: row.imported_at_ms } : {}),
    ...(row.har_mime_type !== null ? { harMimeType: row.har_mime_type } : {}),
    publicUrl: row.public_url,
    vendor: row.vendor,
    eventLabel: row.event_label,
    response: row.response ? (JSON.parse(row.response) as NewCapture['response']) : null,
    verification: row.verification ? (JSON.parse(row.verification) as NewCapture['verification']) : null,
    annotate: false,
  };
}
