import type Database from 'better-sqlite3';
import { withLineBreaksEscaped } from '../../shared/json-line-breaks';
import { z } from 'zod';
import type { HeaderPair } from '../../shared/contract/captures';
import { collectionNameTaken, sameCollectionName } from '../../shared/collection-name';
import { ApiError } from '../../shared/contract/errors';
import { savedWebhookInput, type DeliveryPolicy, type SavedWebhook } from '../../shared/contract/delivery';
import { assertPolicyOptions } from './policy-options';
import { redactedFields, redactWebhook } from './webhook-export-redaction';

interface Row {
  id: number;
  collection_id: number | null;
  name: string;
  method: string;
  url: string;
  headers_json: string;
  body: string;
  policy: DeliveryPolicy;
  options_json: string;
  created_at_ms: number;
  updated_at_ms: number;
}

type Input = z.output<typeof savedWebhookInput>;

const toWebhook = (r: Row): SavedWebhook => ({
  id: r.id,
  collectionId: r.collection_id,
  name: r.name,
  method: r.method,
  url: r.url,
  headers: JSON.parse(r.headers_json) as HeaderPair[],
  body: r.body,
  policy: r.policy,
  options: knownOptions(JSON.parse(r.options_json) as Record<string, unknown>),
  createdAtMs: r.created_at_ms,
  updatedAtMs: r.updated_at_ms,
});

/** The export file: a versioned list of saved webhooks with their collection names. */
const exportFile = z.object({
  format: z.literal('hookscope-webhooks'),
  version: z.literal(1),
  webhooks: z.array(
    savedWebhookInput
      .omit({ id: true, collectionId: true })
      .extend({ collection: z.string().nullable().optional() }),
  ),
});

export class SavedWebhookStore {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => number,
  ) {}

  list(collectionId?: number | null) {
    const rows = (
      collectionId === undefined
        ? this.db.prepare('SELECT * FROM saved_webhooks ORDER BY name, id').all()
        : this.db
            .prepare('SELECT * FROM saved_webhooks WHERE collection_id IS ? ORDER BY name, id')
            .all(collectionId)
    ) as Row[];
    const collections = this.db
      .prepare('SELECT id, name, created_at_ms FROM webhook_collections ORDER BY name, id')
      .all() as Array<{
      id: number;
      name: string;
      created_at_ms: number;
    }>;
    return {
      items: rows.map(toWebhook),
      collections: collections.map((c) => ({ id: c.id, name: c.name, createdAtMs: c.created_at_ms })),
    };
  }

  get(id: number): SavedWebhook {
    const row = this.db.prepare('SELECT * FROM saved_webhooks WHERE id = ?').get(id) as Row | undefined;
    if (!row) throw new ApiError('not_found', `id: no saved webhook ${id}`);
    return toWebhook(row);
  }

  exists(id: number): boolean {
    return this.db.prepare('SELECT 1 FROM saved_webhooks WHERE id = ?').get(id) !== undefined;
  }

  save(input: Input): SavedWebhook {
    assertPolicyOptions({ ...input.options, policy: input.policy });
    if (input.collectionId !== null) this.collection(input.collectionId);
    const now = this.now();
    const values = [
      input.collectionId,
      input.name,
      input.method,
      input.url,
      JSON.stringify(input.headers),
      input.body,
      input.policy,
      JSON.stringify(input.options),
    ];
    if (input.id !== undefined) {
      const id = input.id;
      // Checked and written holding the write lock, so another process's save cannot come between the two.
      return this.db
        .transaction(() => {
          const current = this.get(id);
          if (input.ifUpdatedAtMs !== undefined && current.updatedAtMs !== input.ifUpdatedAtMs)
            throw new ApiError(
              'conflict',
              `ifUpdatedAtMs: saved webhook ${id} ("${current.name}") was changed elsewhere after it was opened ` +
                'for editing; open it again to edit the saved version',
            );
          // updatedAtMs is the version ifUpdatedAtMs checks: it must change on a save in the same millisecond too.
          this.db
            .prepare(
              'UPDATE saved_webhooks SET collection_id=?, name=?, method=?, url=?, headers_json=?, body=?, policy=?, options_json=?, updated_at_ms=? WHERE id=?',
            )
            .run(...values, Math.max(now, current.updatedAtMs + 1), id);
          return this.get(id);
        })
        .immediate();
    }
    const info = this.db
      .prepare(
        'INSERT INTO saved_webhooks (collection_id, name, method, url, headers_json, body, policy, options_json, created_at_ms, updated_at_ms) VALUES (?,?,?,?,?,?,?,?,?,?)',
      )
      .run(...values, now, now);
    return this.get(Number(info.lastInsertRowid));
  }

  delete(id: number): boolean {
    return this.db.prepare('DELETE FROM saved_webhooks WHERE id = ?').run(id).changes > 0;
  }

  duplicate(id: number): SavedWebhook {
    const { id: _id, createdAtMs: _c, updatedAtMs: _u, ...rest } = this.get(id);
    // Within the 200 characters a name may have, or the copy could not be saved again after an edit.
    return this.save({ ...rest, name: `${rest.name.slice(0, 200 - ' (copy)'.length)} (copy)` });
  }

  /** `redact` (the default) replaces secrets with `[redacted]`; false writes them, for a backup. */
  export(ids?: number[], redact = true): { content: string; count: number; fileName: string } {
    const names = new Map(this.list().collections.map((c) => [c.id, c.name]));
    const items = ids ? ids.map((id) => this.get(id)) : this.list().items;
    const webhooks = items.map((w) => ({
      name: w.name,
      method: w.method,
      url: w.url,
      headers: w.headers,
      body: w.body,
      policy: w.policy,
      options: w.options,
      collection: w.collectionId === null ? null : (names.get(w.collectionId) ?? null),
    }));
    if (redact) webhooks.forEach((w, i) => (webhooks[i] = redactWebhook(w)));
    return {
      content: withLineBreaksEscaped(
        JSON.stringify({ format: 'hookscope-webhooks', version: 1, webhooks }, null, 2),
      ),
      count: webhooks.length,
      fileName: 'hookscope-webhooks.json',
    };
  }

  /**
   * Import all valid entries in one transaction; invalid ones are named by index and field, and so are the fields of
   * imported ones that still hold a `[redacted]` placeholder (from a redacted export), to fill in again.
   */
  import(content: string): { imported: number; errors: string[]; redacted: string[]; ignored: string[] } {
    let data: unknown;
    try {
      data = JSON.parse(content);
    } catch (error) {
      throw new ApiError('invalid_input', `content: not valid JSON (${(error as Error).message})`);
    }
    const envelope = z
      .object({
        format: z.literal('hookscope-webhooks'),
        version: z.literal(1),
        webhooks: z.array(z.unknown()),
      })
      .safeParse(data);
    if (!envelope.success)
      throw new ApiError(
        'invalid_input',
        'content: not a Hookscope webhooks export (expected format "hookscope-webhooks", version 1)',
      );
    const entry = exportFile.shape.webhooks.element;
    const errors: string[] = [];
    const redacted: string[] = [];
    const ignored: string[] = [];
    let imported = 0;
    this.db.transaction(() => {
      envelope.data.webhooks.forEach((raw, index) => {
        const { entry: known, unknownOptions } = withoutUnknownOptions(raw);
        const parsed = entry.safeParse(known);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          // An entry that is not an object fails at its own path: named by its index alone, never `webhooks[0].`.
          const field = [`webhooks[${index}]`, ...(issue?.path ?? []).map(String)].join('.');
          errors.push(`${field}: ${issue?.message ?? 'invalid'}`);
          return;
        }
        const { collection, ...rest } = parsed.data;
        try {
          assertPolicyOptions({ ...rest.options, policy: rest.policy });
        } catch (error) {
          errors.push(`webhooks[${index}].options.${(error as Error).message}`);
          return;
        }
        const collectionId = collection ? this.collectionForImport(collection) : null;
        this.save({ ...rest, collectionId });
        imported++;
        const fields = redactedFields(rest);
        if (fields.length) redacted.push(`webhooks[${index}] "${rest.name}": ${fields.join(', ')}`);
        if (unknownOptions.length)
          ignored.push(`webhooks[${index}] "${rest.name}": options.${unknownOptions.join(', options.')}`);
      });
    })();
    return { imported, errors, redacted, ignored };
  }

  /**
   * A name another collection has (ignoring case and surrounding spaces) is refused, on create and on rename. A
   * collection may always keep or re-case its own name, even when a database from before the rule holds another
   * collection with it.
   */
  saveCollection(input: { id?: number; name: string }) {
    const name = input.name.trim();
    const current = input.id === undefined ? null : this.collection(input.id);
    const keepsItsName = current !== null && sameCollectionName(current.name, name);
    if (!keepsItsName && this.collectionsNamed(name).some((id) => id !== input.id))
      throw new ApiError('conflict', `name: ${collectionNameTaken(name)}`);
    if (input.id !== undefined) {
      this.db.prepare('UPDATE webhook_collections SET name = ? WHERE id = ?').run(name, input.id);
      return this.collection(input.id);
    }
    const info = this.db
      .prepare('INSERT INTO webhook_collections (name, created_at_ms) VALUES (?, ?)')
      .run(name, this.now());
    return this.collection(Number(info.lastInsertRowid));
  }

  deleteCollection(id: number): boolean {
    return this.db.prepare('DELETE FROM webhook_collections WHERE id = ?').run(id).changes > 0;
  }

  private collection(id: number) {
    const row = this.db
      .prepare('SELECT id, name, created_at_ms FROM webhook_collections WHERE id = ?')
      .get(id) as { id: number; name: string; created_at_ms: number } | undefined;
    if (!row) throw new ApiError('not_found', `collectionId: no collection ${id}`);
    return { id: row.id, name: row.name, createdAtMs: row.created_at_ms };
  }

  /**
   * The collection an imported webhook goes into: the existing one with that name (ignoring case and surrounding
   * spaces), so importing merges into it; a new one only when none has the name. A blank name means no collection.
   */
  private collectionForImport(name: string): number | null {
    if (!name.trim()) return null;
    return this.collectionsNamed(name)[0] ?? this.saveCollection({ name }).id;
  }

  /** The ids, oldest first, of the collections with this name by the shared rule (a database from before it may hold several). */
  private collectionsNamed(name: string): number[] {
    const rows = this.db.prepare('SELECT id, name FROM webhook_collections ORDER BY id').all() as Array<{
      id: number;
      name: string;
    }>;
    return rows.filter((row) => sameCollectionName(row.name, name)).map((row) => row.id);
  }
}

const knownOptionKeys = new Set(Object.keys(savedWebhookInput.shape.options.unwrap().shape));

/**
 * Earlier versions kept `allowLoop` and `name` in saved options: left out when read, so they are never sent and an edit
 * of such a webhook can be saved again.
 */
function knownOptions(options: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(options).filter(([key]) => knownOptionKeys.has(key)));
}

/**
 * An export written by another version may carry options this one does not know: those are left out (and named) so the
 * webhook still imports, instead of the whole entry being refused. Everything else is checked as usual.
 */
function withoutUnknownOptions(raw: unknown): { entry: unknown; unknownOptions: string[] } {
  if (typeof raw !== 'object' || raw === null || !('options' in raw))
    return { entry: raw, unknownOptions: [] };
  const options = (raw as { options: unknown }).options;
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    return { entry: raw, unknownOptions: [] };
  const unknownOptions = Object.keys(options).filter((key) => !knownOptionKeys.has(key));
  if (unknownOptions.length === 0) return { entry: raw, unknownOptions };
  return { entry: { ...raw, options: knownOptions(options as Record<string, unknown>) }, unknownOptions };
}
