import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync, gzipSync, zstdCompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { databaseFileName } from '../../../electron/engine/store/database';
import { orttoClickedEmail } from '../../helpers/ortto-clicked-email';
import { instanceSchema } from '../../unit/decode/instance-schema';
import { useLabelApp } from './label-app';

const fixtures = join(import.meta.dirname, '../../unit/decode/fixtures');
const fixture = (name: string) => readFileSync(join(fixtures, name));

const t = useLabelApp();
const { ok } = t;

async function post(
  path: string,
  body: Uint8Array | string,
  headers: Record<string, string>,
): Promise<number> {
  const res = await fetch(`${t.app.receiverUrl}${path}`, {
    method: 'POST',
    body: typeof body === 'string' ? body : new Blob([new Uint8Array(body)]),
    headers,
  });
  await res.arrayBuffer();
  const id = Number(res.headers.get('x-hookscope-capture-id'));
  expect(id).toBeGreaterThan(0);
  return id;
}

/** Bounded wait for the asynchronous full-text index to catch up. */
async function indexed() {
  for (let i = 0; i < 200; i++) {
    const stats = await ok<{ indexLagRows: number }>('app.stats');
    if (stats.indexLagRows === 0) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('index did not catch up within 5 s');
}

interface Summary {
  id: number;
  vendor: string | null;
  eventLabel: string | null;
}
const search = async (text: string) =>
  (await ok<{ items: Summary[] }>('captures.list', { filter: { text }, limit: 50 })).items.map((c) => c.id);

let orttoId = 0;
let ontraportId = 0;
let clickedId = 0;
let otherCodings: number[] = [];

describe('decode in the engine', () => {
  it('the receiver annotates vendor and event label as captures arrive', async () => {
    orttoId = await post('/h', fixture('ortto-activity-webhook-subscribed-to-email.json'), {
      'content-type': 'application/json',
    });
    ontraportId = await post('/h', fixture('ontraport-sub-tag-lightweight.form.txt'), {
      'content-type': 'application/x-www-form-urlencoded',
    });
    clickedId = await post('/h', gzipSync(orttoClickedEmail), {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
    });
    // Every coding the Decoded tab undoes: raw deflate (no zlib header), two in a row, zstd.
    otherCodings = [
      await post('/h', deflateRawSync(orttoClickedEmail), {
        'content-type': 'application/json',
        'content-encoding': 'deflate',
      }),
      await post('/h', gzipSync(gzipSync(orttoClickedEmail)), {
        'content-type': 'application/json',
        'content-encoding': 'gzip, gzip',
      }),
      await post('/h', zstdCompressSync(orttoClickedEmail), {
        'content-type': 'application/json',
        'content-encoding': 'zstd',
      }),
    ];
    const plain = await post('/h', 'hello', { 'content-type': 'text/plain' });
    const { items } = await ok<{ items: Summary[] }>('captures.list', { limit: 10 });
    const byId = new Map(items.map((c) => [c.id, c]));
    expect([byId.get(orttoId)?.vendor, byId.get(orttoId)?.eventLabel]).toEqual([
      'Ortto',
      'Subscribed to email',
    ]);
    expect([byId.get(ontraportId)?.vendor, byId.get(ontraportId)?.eventLabel]).toEqual([
      'Ontraport',
      'Tag added (4)',
    ]);
    expect([byId.get(clickedId)?.vendor, byId.get(clickedId)?.eventLabel]).toEqual([
      'Ortto',
      'Clicked email',
    ]);
    for (const id of otherCodings)
      expect([byId.get(id)?.vendor, byId.get(id)?.eventLabel]).toEqual(['Ortto', 'Clicked email']);
    expect(byId.get(plain)?.vendor).toBeNull();
  });

  it('decode.capture returns the decoded tree (output checked against the contract)', async () => {
    const r = await ok<{
      vendor: string;
      sections: {
        children: {
          key: string;
          label: string;
          children: { key: string; label: string; display: string }[] | null;
        }[];
      }[];
    }>('decode.capture', { id: clickedId });
    expect(r.vendor).toBe('Ortto');
    const activity = r.sections[0]!.children.find((c) => c.key === 'activity')!;
    const attr = activity.children!.find((c) => c.key === 'attr') as unknown as {
      children: { key: string; label: string; display: string }[];
    };
    expect(attr.children.map((c) => [c.key, c.label, c.display])).toEqual([
      ['str::cn', 'Campaign name', 'Product review survey'],
      ['str::c', 'URL clicked', 'https://example.com'],
    ]);
    const missing = await t.app.rpc('decode.capture', { id: 999_999 });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.code).toBe('not_found');
  });

  it('decode.capture reads UTF-16 BE bodies, by their byte-order mark or by a declared charset without one', async () => {
    const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();
    const json = '{"name":"Zoë Ravenclaw"}';
    const withBom = await post('/utf16be/bom', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(json)]), {
      'content-type': 'application/json',
    });
    const declared = await post('/utf16be/declared', utf16be(json), {
      'content-type': 'application/json; charset=utf-16be',
    });
    for (const id of [withBom, declared]) {
      const r = await ok<{
        bodyFormat: string;
        sections: { children: { key: string; display: string }[] }[];
      }>('decode.capture', { id });
      expect(r.bodyFormat).toBe('json');
      expect(r.sections[0]!.children.map((c) => [c.key, c.display])).toEqual([['name', 'Zoë Ravenclaw']]);
    }
  });

  it('search by meaning: labels and IDs find the captures', async () => {
    await indexed();
    const clickedAll = [clickedId, ...otherCodings].sort((a, b) => b - a);
    expect(await search('"Clicked email"')).toEqual(clickedAll);
    expect(await search('"Campaign name"')).toEqual(clickedAll);
    expect(await search('"Tag added"')).toEqual([ontraportId]);
    expect(await search('"Subscribed to email"')).toEqual([orttoId]);
    expect(await search('"Resubscribe globally"')).toEqual([orttoId]);
  });

  it('decode.payload decodes text that is not stored', async () => {
    const r = await ok<{ vendor: string; eventLabel: string }>('decode.payload', {
      body: fixture('ontraport-object-create-notify.json').toString(),
      contentType: 'application/json',
    });
    expect([r.vendor, r.eventLabel]).toEqual(['Ontraport', 'Contact created (0)']);
  });

  it('decode.payload refuses a body that is not canonical base64, naming the field', async () => {
    const body = fixture('ontraport-object-create-notify.json').toString('base64');
    const r = await ok<{ vendor: string }>('decode.payload', { body, bodyEncoding: 'base64' });
    expect(r.vendor).toBe('Ontraport');
    for (const bad of ['%%%not base64%%%', body.slice(0, -1), `${body}A`]) {
      const res = await t.app.rpc('decode.payload', { body: bad, bodyEncoding: 'base64' });
      expect(res.ok).toBe(false);
      if (res.ok) continue;
      expect(res.error.code).toBe('invalid_input');
      expect(res.error.message).toContain('body: not base64');
    }
    // The same text as utf8 is decoded as text, as before.
    expect((await t.app.rpc('decode.payload', { body: '%%%not base64%%%' })).ok).toBe(true);
  });
});

describe('custom dictionaries in SQLite', () => {
  let dictId = 0;

  it('imports an instance schema that overrides built-ins for new decodes and annotations', async () => {
    const changed: unknown[] = [];
    const off = t.app.engine.bus.on('dictionary.changed', (p) => changed.push(p));
    const res = await ok<{
      dictionary: { id: number; entryCount: number; source: string };
      imported: number;
      errors: string[];
    }>('dictionary.custom.import', { name: 'Acme instance', content: JSON.stringify(instanceSchema) });
    off();
    dictId = res.dictionary.id;
    expect([res.imported, res.dictionary.entryCount, res.dictionary.source, res.errors]).toEqual([
      6,
      6,
      'ortto-schema',
      [],
    ]);
    expect(changed).toEqual([{ dictionaryId: dictId }]);
    const r = await ok<{ eventLabel: string }>('decode.capture', { id: orttoId });
    expect(r.eventLabel).toBe('Opted in to email');
    const id = await post('/h', fixture('ortto-activity-webhook-subscribed-to-email.json'), {
      'content-type': 'application/json',
    });
    const { items } = await ok<{ items: Summary[] }>('captures.list', { limit: 1 });
    expect([items[0]!.id, items[0]!.eventLabel]).toEqual([id, 'Opted in to email']);
  });

  it('edits, lists, exports and validates', async () => {
    await ok('dictionary.custom.upsertEntry', {
      dictionaryId: dictId,
      entry: { fieldId: 'str::cn', label: 'Journey or campaign' },
    });
    const got = await ok<{ entries: { fieldId: string; label: string }[] }>('dictionary.custom.get', {
      id: dictId,
    });
    expect(got.entries.find((e) => e.fieldId === 'str::cn')?.label).toBe('Journey or campaign');
    const entries = await ok<{ items: { id: string; origin: string; label: string }[] }>(
      'dictionary.entries',
    );
    expect(entries.items.find((e) => e.origin === 'custom' && e.id === 'str::cn')?.label).toBe(
      'Journey or campaign',
    );
    expect(entries.items.filter((e) => e.origin === 'built-in').length).toBeGreaterThan(2000);
    const onlyCustom = await ok<{ items: { origin: string }[] }>('dictionary.entries', { origin: 'custom' });
    expect(onlyCustom.items.length).toBe(7);
    expect(onlyCustom.items.every((e) => e.origin === 'custom')).toBe(true);
    const csv = await ok<{ content: string; fileName: string }>('dictionary.custom.export', {
      id: dictId,
      format: 'csv',
    });
    expect(csv.fileName).toBe('Acme-instance.csv');
    expect(csv.content).toContain('str::cn,Journey or campaign');
    const json = await ok<{ content: string }>('dictionary.custom.export', { id: dictId, format: 'json' });
    expect(JSON.parse(json.content).entries).toHaveLength(7);
    const bad = await t.app.rpc('dictionary.custom.upsertEntry', {
      dictionaryId: dictId,
      entry: { fieldId: 'str::x', label: '' },
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/entry\.label/);
    const badType = await t.app.rpc('dictionary.custom.upsertEntry', {
      dictionaryId: dictId,
      entry: { fieldId: 'int:cm:price', label: 'Price', displayType: 'curency' },
    });
    expect(!badType.ok && badType.error.message).toMatch(/^entry\.displayType: "curency" is not an Ortto/);
    const badImport = await t.app.rpc('dictionary.custom.import', {
      name: 'x',
      format: 'json',
      content: '{oops',
    });
    expect(!badImport.ok && badImport.error.message).toMatch(/^content: not valid JSON/);
    const deleted = await ok<{ deleted: boolean }>('dictionary.custom.deleteEntry', {
      dictionaryId: dictId,
      fieldId: 'str::cn',
    });
    expect(deleted.deleted).toBe(true);
  });

  it('search follows the labels in force: captures from before an import are found by the new label, and not after it is deleted', async () => {
    const before = await post(
      '/h',
      JSON.stringify({ activity: { field_id: 'act::c', attr: { 'str:cm:zz-field': 'x' } } }),
      { 'content-type': 'application/json' },
    );
    await indexed();
    expect(await search('Quokkalabel')).toEqual([]);
    const res = await ok<{ dictionary: { id: number } }>('dictionary.custom.import', {
      name: 'Quokka',
      content: 'id,label\nstr:cm:zz-field,Quokkalabel',
      format: 'csv',
    });
    const eventuallyFound = async (want: number[]) => {
      for (let i = 0; i < 200; i++) {
        await new Promise((r) => setTimeout(r, 25));
        const stats = await ok<{ indexLagRows: number }>('app.stats');
        if (stats.indexLagRows === 0 && JSON.stringify(await search('Quokkalabel')) === JSON.stringify(want))
          return;
      }
      expect(await search('Quokkalabel')).toEqual(want);
    };
    await eventuallyFound([before]);
    await ok('dictionary.custom.delete', { id: res.dictionary.id });
    await eventuallyFound([]);
  });

  it('survives a restart (stored in SQLite) and is deleted cleanly', async () => {
    await t.restart();
    const list = await ok<{ items: { id: number; name: string; entryCount: number }[] }>(
      'dictionary.custom.list',
    );
    expect(list.items.map((d) => [d.name, d.entryCount])).toEqual([['Acme instance', 6]]);
    expect((await ok<{ eventLabel: string }>('decode.capture', { id: orttoId })).eventLabel).toBe(
      'Opted in to email',
    );
    expect((await ok<{ deleted: boolean }>('dictionary.custom.delete', { id: dictId })).deleted).toBe(true);
    expect((await ok<{ eventLabel: string }>('decode.capture', { id: orttoId })).eventLabel).toBe(
      'Subscribed to email',
    );
    const db = new Database(join(t.dataDir, databaseFileName), { readonly: true, fileMustExist: true });
    try {
      const rows = db.prepare('SELECT COUNT(*) AS n FROM decode_dictionary_entries').get() as { n: number };
      expect(rows.n).toBe(0);
    } finally {
      db.close();
    }
  });
});

describe('decode.value', () => {
  it('gives a stored capture’s long value whole, where the tree cuts it at 1,000 characters', async () => {
    const long = `${'é'.repeat(3_000)}END`;
    const id = await post('/long-value', JSON.stringify({ message: long }), {
      'content-type': 'application/json',
    });
    const tree = await ok<{
      sections: Array<{ children: Array<{ path: string; raw: string; rawClipped?: boolean }> }>;
    }>('decode.capture', { id });
    const node = tree.sections[0]!.children.find((c) => c.path === '$.message')!;
    expect(node.rawClipped).toBe(true);
    expect(node.raw).not.toContain('END');
    expect((await ok<{ raw: string }>('decode.value', { id, path: '$.message' })).raw).toBe(
      JSON.stringify(long),
    );
  });

  it('gives an object or array as its JSON, not the tree’s "2 keys"', async () => {
    const id = await post('/object-value', '{"contact":{"str::first":"Alex","tags":["a","b"]}}', {
      'content-type': 'application/json',
    });
    expect((await ok<{ raw: string }>('decode.value', { id, path: '$.contact' })).raw).toBe(
      '{"str::first":"Alex","tags":["a","b"]}',
    );
    expect((await ok<{ raw: string }>('decode.value', { id, path: '$.contact.tags' })).raw).toBe('["a","b"]');
  });

  it('names the path or the id when there is nothing there', async () => {
    const id = await post('/short-value', '{"a":1}', { 'content-type': 'application/json' });
    const missingPath = await t.app.rpc('decode.value', { id, path: '$.b' });
    expect(missingPath.ok || missingPath.error).toMatchObject({ code: 'not_found' });
    expect(missingPath.ok ? '' : missingPath.error.message).toMatch(/^path: .*\$\.b/);
    const missingId = await t.app.rpc('decode.value', { id: 987_654, path: '$.a' });
    expect(missingId.ok ? '' : missingId.error.message).toMatch(/987654/);
  });
});
