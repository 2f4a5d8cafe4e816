import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NewCapture } from '../../../electron/engine/store/capture-writer';
import { openStores } from '../../../electron/engine/store/open-stores';
import { inboxRangeSql } from '../../../electron/engine/store/capture-filer';
import { pruneOnce } from '../../../electron/engine/store/retention';
import { newCapture } from '../../helpers/new-capture';
import { useTempStores } from '../../helpers/temp-stores';

const t = useTempStores();

const capture = (over: Partial<NewCapture> = {}) =>
  newCapture({ receivedAtMs: t.clock.now(), endpointId: 1, ...over });

/** The paths of the captures a full-text search lists, sorted. */
const searchPaths = (text: string) =>
  t.stores.captures
    .list({ filter: { text }, limit: 10 })
    .items.map((c) => c.path)
    .sort();

describe('capture store', () => {
  it('commits a burst in one group and resolves every id', async () => {
    const ids = await Promise.all(
      Array.from({ length: 50 }, (_, i) => t.stores.captures.add(capture({ path: `/p/${i}` }))),
    );
    expect(new Set(ids).size).toBe(50);
    expect(t.stores.captures.count()).toBe(50);
    expect(t.stores.captures.stats().bodyBytes).toBe(50 * 17);
  });

  it('pages newest first by keyset with no gaps or repeats', async () => {
    for (let i = 0; i < 23; i++) await t.stores.captures.add(capture({ path: `/p/${i}` }));
    const seen: number[] = [];
    let cursor: number | null = null;
    do {
      const page = t.stores.captures.list({ cursor, limit: 5 });
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toHaveLength(23);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
  });

  it('filters by method, status, content type family, endpoint, time and header', async () => {
    await t.stores.captures.add(capture({ method: 'GET', contentType: null, body: Buffer.alloc(0) }));
    t.clock.advance(1000);
    await t.stores.captures.add(capture({ contentType: 'application/x-www-form-urlencoded', endpointId: 2 }));
    t.clock.advance(1000);
    await t.stores.captures.add(
      capture({
        response: { status: 500, headers: [], bodyBase64: '', delayMs: 0, reason: null },
        headers: [['X-Sig', 'abc']],
      }),
    );
    const count = (filter: object) => t.stores.captures.list({ filter, limit: 50 }).items.length;
    expect(count({ methods: ['get'] })).toBe(1);
    expect(count({ statuses: [500] })).toBe(1);
    expect(count({ contentTypes: ['application/*'] })).toBe(2);
    expect(count({ contentTypes: ['none'] })).toBe(1);
    expect(count({ endpointId: 2 })).toBe(1);
    expect(count({ fromMs: t.clock.now() - 1500 })).toBe(2);
    expect(count({ header: { name: 'x-sig' } })).toBe(1);
    expect(count({ header: { name: 'x-sig', value: 'nope' } })).toBe(0);
    expect(t.stores.captures.count({ methods: ['POST'] })).toBe(2);
  });

  it('filters by vendor in any letter case', async () => {
    const ontraport = await t.stores.captures.add(capture({ vendor: 'Ontraport' }));
    const wpFusion = await t.stores.captures.add(capture({ vendor: 'WP Fusion' }));
    await t.stores.captures.add(capture({ vendor: null }));
    t.stores.captures.fileWaiting();
    const ids = (vendor: string) =>
      t.stores.captures.list({ filter: { vendor }, limit: 50 }).items.map((c) => c.id);
    expect(ids('Ontraport')).toEqual([ontraport]);
    expect(ids('ontraport')).toEqual([ontraport]);
    expect(ids('wp fusion')).toEqual([wpFusion]);
    expect(ids('ortto')).toEqual([]);
    expect(t.stores.captures.count({ vendor: 'ONTRAPORT' })).toBe(1);
  });

  it('a header filter parses the headers only of captures whose stored headers name it, and matches as before', async () => {
    const headers: Array<[string, string]> = [
      ['X-Sig', 'abc'],
      ['X_Pct%', 'a"b\\c'],
      ['X-Name', 'José'],
    ];
    const named = await t.stores.captures.add(capture({ headers }));
    await t.stores.captures.add(capture({ headers: [['XzPct%', 'a"b\\c']] }));
    // A row whose headers are not JSON at all: a filter for a header it does not name must not need to read it.
    const unread = await t.stores.captures.add(capture({ headers: [['X-Other', '1']] }));
    t.stores.captures.fileWaiting();
    expect(
      t.stores.db.prepare("UPDATE captures SET headers = 'not json' WHERE id = ?").run(unread).changes,
    ).toBe(1);
    const ids = (header: { name: string; value?: string }) =>
      t.stores.captures.list({ filter: { header }, limit: 50 }).items.map((c) => c.id);
    expect(ids({ name: 'x-sig' })).toEqual([named]);
    expect(ids({ name: 'X-SIG', value: 'abc' })).toEqual([named]);
    expect(ids({ name: 'x-sig', value: 'ABC' })).toEqual([]);
    expect(ids({ name: 'x_pct%', value: 'a"b\\c' })).toEqual([named]);
    expect(ids({ name: 'x-name', value: 'José' })).toEqual([named]);
    expect(ids({ name: 'abc' })).toEqual([]);
    expect(t.stores.captures.count({ header: { name: 'x-sig' } })).toBe(1);
  });

  it('a header name filter matches names in any ASCII case, once per capture, request headers only', async () => {
    const add = (headers: Array<[string, string]>, over: Partial<NewCapture> = {}) =>
      t.stores.captures.add(capture({ headers, ...over }));
    const a = await add([
      ['Content-Type', 'application/json'],
      ['X-Dup', '1'],
      ['x-dup', '2'],
    ]);
    const b = await add(
      [
        ['content-type', 'text/plain'],
        ['X-Ünï', 'v'],
      ],
      { method: 'PUT' },
    );
    const c = await add(
      [
        ['CONTENT-TYPE', 'application/json'],
        ['X_Pct%', 'a"b\\c'],
      ],
      {
        trailers: [['X-Trailer', 't']],
        body: Buffer.from('needle'),
      },
    );
    await add([['X-Other', '1']], { trailers: [['Content-Type', 'x']] });
    const e = await add([['X-Name', 'José']]);
    t.stores.captures.indexer.drain();
    const ids = (filter: object) => t.stores.captures.list({ filter, limit: 50 }).items.map((x) => x.id);
    const both = (header: { name: string; value?: string }, more: object = {}) => {
      const filter = { header, ...more };
      const listed = ids(filter);
      expect(t.stores.captures.count(filter)).toBe(listed.length);
      expect(t.stores.captures.countWithNewest(filter).newestId).toBe(listed[0] ?? null);
      return listed;
    };
    expect(both({ name: 'content-type' })).toEqual([c, b, a]);
    expect(both({ name: 'Content-TYPE' })).toEqual([c, b, a]);
    expect(both({ name: 'content-type', value: 'application/json' })).toEqual([c, a]);
    expect(both({ name: 'x-dup' })).toEqual([a]);
    expect(both({ name: 'X-DUP', value: '2' })).toEqual([a]);
    expect(both({ name: 'x-dup', value: '3' })).toEqual([]);
    // SQLite's lower() folds ASCII only, as the filter always has.
    expect(both({ name: 'x-Ünï' })).toEqual([b]);
    expect(both({ name: 'x-ünï' })).toEqual([]);
    expect(both({ name: 'x-trailer' })).toEqual([]);
    expect(both({ name: 'x_pct%', value: 'a"b\\c' })).toEqual([c]);
    expect(both({ name: 'x-pct%' })).toEqual([]);
    expect(both({ name: 'x-name', value: 'José' })).toEqual([e]);
    expect(both({ name: 'content' })).toEqual([]);
    expect(both({ name: 'content-type' }, { methods: ['put'] })).toEqual([b]);
    expect(both({ name: 'content-type' }, { text: 'needle' })).toEqual([c]);
    expect(both({ name: 'content-type' }, { text: '-needle' })).toEqual([b, a]);
    const page = t.stores.captures.list({ filter: { header: { name: 'content-type' } }, limit: 2 });
    expect(page.items.map((x) => x.id)).toEqual([c, b]);
    expect(
      t.stores.captures
        .list({ filter: { header: { name: 'content-type' } }, limit: 2, cursor: page.nextCursor })
        .items.map((x) => x.id),
    ).toEqual([a]);

    // A deleted capture leaves the filter, an undone delete comes back, deleting everything leaves nothing.
    t.stores.captures.delete([a], { undoable: true });
    expect(both({ name: 'content-type' })).toEqual([c, b]);
    expect(t.stores.captures.restore([a])).toEqual([a]);
    expect(both({ name: 'x-dup' })).toEqual([a]);
    t.stores.captures.delete([a, b]);
    expect(both({ name: 'content-type' })).toEqual([c]);
    t.stores.captures.deleteAll();
    await add([['Content-Type', 'text/plain']]);
    expect(both({ name: 'content-type' })).toHaveLength(1);
    expect(t.stores.db.prepare('SELECT COUNT(*) FROM capture_header_names').pluck().get()).toBe(1);
  });

  it('a header name filter pages and counts from the index of names, not from the stored headers', async () => {
    const named = await t.stores.captures.add(capture({ headers: [['User-Agent', 'x']] }));
    await t.stores.captures.add(capture({ headers: [['Accept', '*/*']] }));
    t.stores.captures.fileWaiting();
    // Headers the filter cannot read: only the index of names can still find this capture.
    t.stores.db.prepare("UPDATE captures SET headers = '[]' WHERE id = ?").run(named);
    const filter = { header: { name: 'user-agent' } };
    expect(t.stores.captures.list({ filter, limit: 50 }).items.map((c) => c.id)).toEqual([named]);
    expect(t.stores.captures.count(filter)).toBe(1);
    expect((await t.stores.captures.countWithNewestInBackground(filter)).count).toBe(1);
  });

  it('counts with the newest capture the count includes, for no filter, a column filter and a search', async () => {
    expect(t.stores.captures.countWithNewest()).toEqual({ count: 0, newestId: null });
    const a = await t.stores.captures.add(capture({ method: 'GET', body: Buffer.from('alpha beta') }));
    const b = await t.stores.captures.add(capture({ body: Buffer.from('alpha gamma') }));
    const c = await t.stores.captures.add(capture({ body: Buffer.from('delta') }));
    t.stores.captures.indexer.drain();
    expect(t.stores.captures.countWithNewest()).toEqual({ count: 3, newestId: c });
    expect(t.stores.captures.countWithNewest({ methods: ['get'] })).toEqual({ count: 1, newestId: a });
    expect(t.stores.captures.countWithNewest({ text: 'alpha' })).toEqual({ count: 2, newestId: b });
    expect(t.stores.captures.countWithNewest({ text: 'nowhere' })).toEqual({ count: 0, newestId: null });
  });

  it('finds captures by full-text once indexed, including field IDs written with colons', async () => {
    await t.stores.captures.add(
      capture({ body: Buffer.from('{"field_id":"act::ta","attr":{"str::cn":"Spring sale"}}') }),
    );
    await t.stores.captures.add(capture({ path: '/other', body: Buffer.from('nothing to see') }));
    expect(t.stores.captures.stats().indexLagRows).toBe(2);
    t.stores.captures.indexer.drain();
    expect(t.stores.captures.stats().indexLagRows).toBe(0);
    expect(searchPaths('spring')).toEqual(['/hook']);
    expect(searchPaths('str::cn')).toEqual(['/hook']);
    expect(searchPaths('"unbalanced')).toEqual([]);
    expect(searchPaths('other')).toEqual(['/other']);
    expect(searchPaths('nothin')).toEqual(['/other']);
  });

  it('matches a finished word exactly and a word still being typed as a prefix', async () => {
    await t.stores.captures.add(capture({ path: '/a', body: Buffer.from('{"name":"spring"}') }));
    await t.stores.captures.add(capture({ path: '/b', body: Buffer.from('{"name":"springtime"}') }));
    t.stores.captures.indexer.drain();
    expect(searchPaths('spring')).toEqual(['/a']);
    expect(searchPaths('sprin')).toEqual(['/a', '/b']);
    expect(searchPaths('springti')).toEqual(['/b']);
    expect(searchPaths('SPRINGTIME')).toEqual(['/b']);
    expect(t.stores.captures.count({ text: 'sprin' })).toBe(2);
    // A trailing * asks for every word starting with it, whole indexed word or not, in any position.
    expect(searchPaths('spring*')).toEqual(['/a', '/b']);
    expect(searchPaths('spring** name')).toEqual(['/a', '/b']);
    expect(searchPaths('"spring"*')).toEqual(['/a', '/b']);
    expect(t.stores.captures.count({ text: 'spring*' })).toBe(2);
  });

  it('reads "phrases", -word, OR and AND as search boxes do, and never as words to find', async () => {
    await t.stores.captures.add(capture({ path: '/a', body: Buffer.from('{"plan":"trial onboarding"}') }));
    await t.stores.captures.add(capture({ path: '/b', body: Buffer.from('{"plan":"onboarding trial"}') }));
    await t.stores.captures.add(capture({ path: '/c', body: Buffer.from('{"plan":"renewal","id":42}') }));
    t.stores.captures.indexer.drain();
    expect(searchPaths('trial OR renewal')).toEqual(['/a', '/b', '/c']);
    expect(searchPaths('plan AND renewal')).toEqual(['/c']);
    expect(searchPaths('"trial onboarding"')).toEqual(['/a']);
    expect(searchPaths('-trial')).toEqual(['/c']);
    expect(searchPaths('plan -renewal')).toEqual(['/a', '/b']);
    expect(searchPaths('-"onboarding trial" plan')).toEqual(['/a', '/c']);
    expect(searchPaths('"id":42')).toEqual(['/c']);
    expect(t.stores.captures.count({ text: '-trial' })).toBe(1);
    expect(t.stores.captures.countWithNewest({ text: 'trial OR renewal' }).count).toBe(3);
  });

  it('finds Chinese, Japanese and Korean words inside longer runs of text', async () => {
    await t.stores.captures.add(
      capture({ path: '/zh', body: Buffer.from('{"city":"東京都渋谷区","note":"欢迎光临本店"}') }),
    );
    await t.stores.captures.add(
      capture({ path: '/ko', body: Buffer.from('{"greeting":"안녕하세요 고객님"}') }),
    );
    await t.stores.captures.add(
      capture({ path: '/ja', body: Buffer.from('{"msg":"ご注文ありがとうございます"}') }),
    );
    await t.stores.captures.add(capture({ path: '/latin', body: Buffer.from('{"city":"Tokyo"}') }));
    t.stores.captures.indexer.drain();
    expect(searchPaths('渋谷')).toEqual(['/zh']);
    expect(searchPaths('光临')).toEqual(['/zh']);
    expect(searchPaths('東京都渋谷区')).toEqual(['/zh']);
    expect(searchPaths('하세요')).toEqual(['/ko']);
    expect(searchPaths('ありがとう')).toEqual(['/ja']);
    expect(searchPaths('区')).toEqual(['/zh']);
    expect(searchPaths('渋谷 tokyo')).toEqual([]);
    expect(searchPaths('渋谷 city')).toEqual(['/zh']);
    expect(searchPaths('京都')).toEqual(['/zh']);
    expect(searchPaths('大阪')).toEqual([]);
    expect(t.stores.captures.count({ text: '渋谷' })).toBe(1);
  });

  it('finds full-width, ligature and soft-hyphenated spellings of a word, and is found by them', async () => {
    await t.stores.captures.add(capture({ path: '/wide', body: Buffer.from('{"name":"Ｏ\'Ｒｅｉｌｌｙ"}') }));
    await t.stores.captures.add(capture({ path: '/shy', body: Buffer.from('{"name":"Mac\u00adDonald"}') }));
    await t.stores.captures.add(capture({ path: '/liga', body: Buffer.from('{"note":"ﬁnal oﬀer"}') }));
    await t.stores.captures.add(capture({ path: '/kana', body: Buffer.from('{"k":"ｶﾀｶﾅ"}') }));
    await t.stores.captures.add(capture({ path: '/plain', body: Buffer.from('{"name":"Smith"}') }));
    t.stores.captures.indexer.drain();
    expect(searchPaths('reilly')).toEqual(['/wide']);
    expect(searchPaths('Ｒｅｉｌｌｙ')).toEqual(['/wide']);
    expect(searchPaths('macdonald')).toEqual(['/shy']);
    expect(searchPaths('Mac\u00adDonald')).toEqual(['/shy']);
    expect(searchPaths('final offer')).toEqual(['/liga']);
    expect(searchPaths('カタカナ')).toEqual(['/kana']);
    expect(searchPaths('Ｓｍｉｔｈ')).toEqual(['/plain']);
  });

  it('indexes words from registered extractors (decoded labels)', async () => {
    t.stores.captures.addSearchTextExtractor((c) => (c.path === '/ortto' ? 'Campaign name Tag added' : ''));
    await t.stores.captures.add(capture({ path: '/ortto' }));
    t.stores.captures.indexer.drain();
    expect(t.stores.captures.list({ filter: { text: 'tag added' }, limit: 5 }).items).toHaveLength(1);
  });

  it('deletes from the table, the index and the counters', async () => {
    const a = await t.stores.captures.add(capture({ body: Buffer.from('alpha') }));
    await t.stores.captures.add(capture({ body: Buffer.from('beta') }));
    t.stores.captures.indexer.drain();
    expect(t.stores.captures.delete([a, 9999])).toEqual({ deleted: 1, undoable: false });
    expect(t.stores.captures.count()).toBe(1);
    expect(t.stores.captures.list({ filter: { text: 'alpha' }, limit: 5 }).items).toHaveLength(0);
    expect(t.stores.captures.deleteAll()).toBe(1);
    expect(t.stores.captures.stats()).toMatchObject({ count: 0, bodyBytes: 0 });
    // Ids are never reused after deletes, so cursors and the index watermark stay valid.
    const next = await t.stores.captures.add(capture({ body: Buffer.from('gamma') }));
    expect(next).toBeGreaterThan(a + 1);
    t.stores.captures.indexer.drain();
    expect(t.stores.captures.list({ filter: { text: 'gamma' }, limit: 5 }).items).toHaveLength(1);
  });

  it('gives the space of deleted captures back to the disk when everything is deleted', async () => {
    for (let i = 0; i < 50; i++) await t.stores.captures.add(capture({ body: Buffer.alloc(100_000, 1) }));
    t.stores.captures.fileWaiting();
    const pages = () => t.stores.db.pragma('page_count', { simple: true }) as number;
    expect(pages()).toBeGreaterThan(600);
    t.stores.captures.deleteAll();
    expect(pages()).toBeLessThan(100);
    expect(t.stores.db.pragma('freelist_count', { simple: true })).toBe(0);
    // VACUUM writes through the WAL, which kept the old pages' size until a restart trimmed it (to 32 MB at most).
    expect(statSync(join(t.dir.path, 'hookscope.sqlite-wal')).size).toBe(0);
    expect(t.stores.captures.stats().dbSizeBytes).toBeLessThan(2_000_000);
  });

  it('prunes by count and by age', async () => {
    for (let i = 0; i < 10; i++) {
      await t.stores.captures.add(capture({ path: `/p/${i}` }));
      t.clock.advance(60_000);
    }
    const settings = t.stores.settings.update({ retention: { maxCount: 6, maxAgeMs: null } });
    expect(pruneOnce(t.stores.db, t.stores.captures, settings, t.clock.now())).toBe(4);
    expect(
      t.stores.captures
        .list({ limit: 50 })
        .items.map((c) => c.path)
        .at(-1),
    ).toBe('/p/4');
    const byAge = t.stores.settings.update({ retention: { maxCount: null, maxAgeMs: 3 * 60_000 } });
    expect(pruneOnce(t.stores.db, t.stores.captures, byAge, t.clock.now())).toBe(3);
    expect(t.stores.captures.count()).toBe(3);
  });

  it('lists, deletes and prunes what is filed while a full disk keeps an acknowledged capture from being filed', async () => {
    for (let i = 0; i < 4; i++) await t.stores.captures.add(capture({ path: `/p/${i}` }));
    t.stores.captures.current();
    const settings = t.stores.settings.update({ retention: { maxCount: 2, maxAgeMs: null } });
    // Room for the big capture in the inbox, not for a second copy of it in the captures table.
    const pages = t.stores.db.pragma('page_count', { simple: true }) as number;
    t.stores.db.pragma(`max_page_count = ${pages + 30}`);
    const waiting = await t.stores.captures.add(capture({ path: '/big', body: Buffer.alloc(200_000, 1) }));
    expect(t.stores.captures.list({ limit: 10 }).items.map((c) => c.path)).toEqual([
      '/p/3',
      '/p/2',
      '/p/1',
      '/p/0',
    ]);
    expect(t.stores.captures.delete([1])).toEqual({ deleted: 1, undoable: false });
    expect(pruneOnce(t.stores.db, t.stores.captures, settings, t.clock.now())).toBe(1);
    expect(t.stores.captures.count()).toBe(2);
    expect(t.stores.captures.stats().storageProblem).toMatch(/disk holding the data directory is full/);
    t.stores.db.pragma('max_page_count = 1000000');
    expect(t.stores.captures.get(waiting).path).toBe('/big');
    expect(t.stores.captures.stats().storageProblem).toBeNull();
  });

  it('refuses invalid settings naming the field and keeps the old ones', () => {
    expect(() => t.stores.settings.update({ bodyLimitBytes: 10 })).toThrow(/bodyLimitBytes/);
    expect(t.stores.settings.get().bodyLimitBytes).toBe(25 * 1024 * 1024);
  });
});

describe('filing while the disk is full', () => {
  afterEach(() => vi.useRealTimers());

  it('retries less and less often, reports the failure once, and reports when filing works again', async () => {
    t.stores.captures.close();
    t.stores.db.close();
    const failures: unknown[] = [];
    let recovered = 0;
    t.stores = openStores({
      dataDir: t.dir.path,
      clock: t.clock,
      events: { fileFailed: (error) => failures.push(error), fileRecovered: () => recovered++ },
    });
    // Room for the capture in the inbox, not for a second copy of it in the captures table.
    const pages = t.stores.db.pragma('page_count', { simple: true }) as number;
    t.stores.db.pragma(`max_page_count = ${pages + 30}`);
    // Only the filer's retries use the global setTimeout here (the index runs on the test's t.clock).
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    await t.stores.captures.add(capture({ path: '/big', body: Buffer.alloc(200_000, 1) }));
    await new Promise((resolve) => setImmediate(resolve)); // the first filing slice, which fails
    const waits: number[] = [];
    for (let i = 0; i < 9; i++) {
      const before = Date.now();
      vi.advanceTimersToNextTimer();
      waits.push(Date.now() - before);
    }
    expect(waits).toEqual([50, 100, 200, 400, 800, 1600, 3200, 5000, 5000]);
    expect(failures).toHaveLength(1);
    expect(String(failures[0])).toMatch(/disk is full/);
    expect(recovered).toBe(0);

    t.stores.db.pragma('max_page_count = 1000000');
    vi.advanceTimersToNextTimer();
    expect(recovered).toBe(1);
    expect(t.stores.captures.stats().storageProblem).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
    expect(t.stores.captures.list({ limit: 1 }).items.map((c) => c.path)).toEqual(['/big']);
    expect(failures).toHaveLength(1);
  });
});

describe('a write refused for a full disk', () => {
  it('is reported until there is room again, not until the next capture is stored', async () => {
    await t.stores.captures.add(capture({ path: '/small' }));
    t.stores.db.pragma(`max_page_count = ${t.stores.db.pragma('page_count', { simple: true }) as number}`);
    await expect(t.stores.captures.add(capture({ body: Buffer.alloc(200_000, 1) }))).rejects.toThrow(/full/);
    expect(t.stores.captures.stats().storageProblem).toMatch(/disk holding the data directory is full/);
    t.clock.advance(1000);
    expect(t.stores.captures.stats().storageProblem).toMatch(/disk holding the data directory is full/);

    t.stores.db.pragma('max_page_count = 1000000');
    t.clock.advance(1000);
    expect(t.stores.captures.stats().storageProblem).toBeNull();
    // The check stored nothing.
    expect(t.stores.captures.stats().count).toBe(1);
    expect(t.stores.captures.list({ limit: 10 }).items.map((c) => c.path)).toEqual(['/small']);
  });
});

describe('inbox reads', () => {
  it('find the inbox range from the key, without scanning the rows waiting', () => {
    const plan = t.stores.db.prepare(`EXPLAIN QUERY PLAN ${inboxRangeSql}`).all() as { detail: string }[];
    const details = plan.map((p) => p.detail).join('\n');
    expect(details).not.toMatch(/SCAN capture_inbox/);
    expect(details).toMatch(/capture_inbox/);
    // The same question in one SELECT scans: the check above can fail.
    const scanning = t.stores.db
      .prepare('EXPLAIN QUERY PLAN SELECT MIN(id), MAX(id) FROM capture_inbox')
      .all() as { detail: string }[];
    expect(scanning.map((p) => p.detail).join('\n')).toMatch(/SCAN capture_inbox/);
  });
});
