import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../../electron/cli/main';
import { wantsColour } from '../../../electron/cli/colour';
import { intFlag, UsageError } from '../../../electron/cli/io';
import { exportCaptures } from '../../../electron/engine/captures/export';
import { appVersion } from '../../../electron/engine/version';
import { parseCurl } from '../../../electron/shared/send/curl';
import { formatPretty, run as tail } from '../../../electron/cli/commands/tail';
import { serve } from '../../../electron/cli/commands/serve';
import { createEngine, type Engine } from '../../../electron/engine/engine';
import { openStores } from '../../../electron/engine/store/open-stores';
import { systemClock } from '../../../electron/engine/util/clock';
import { silentLogger } from '../../../electron/engine/util/logger';
import { rawExchange, send } from '../../helpers/raw-http';
import { newCapture } from '../../helpers/new-capture';
import { tempDir } from '../../helpers/temp-dir';
import { cliIo as io } from '../../helpers/cli-io';

let engine: Engine;
let dir: ReturnType<typeof tempDir>;
beforeAll(async () => {
  dir = tempDir();
  engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
  await send(`${engine.receiverUrl}/hook/json?x=1`, {
    method: 'POST',
    headers: [
      ['Content-Type', 'application/json'],
      ['Authorization', 'Bearer top-secret'],
    ],
    body: '{"activity":{"field_id":"act::ta"}}',
  });
  await send(`${engine.receiverUrl}/hook/form`, {
    method: 'POST',
    headers: [['Content-Type', 'application/x-www-form-urlencoded']],
    body: 'First_Name=Mary&Email=mary%40example.com',
  });
  await send(`${engine.receiverUrl}/hook/bin`, { method: 'PUT', body: Buffer.from([0, 1, 2, 255]) });
});
afterAll(async () => {
  await engine.close();
  dir.cleanup();
});

/** A data folder whose app stopped before indexing its one capture (an Ortto "Clicked" with campaign "Autumn sale"). */
async function stoppedBeforeIndexing() {
  const own = tempDir();
  const app = await createEngine({ dataDir: own.path, mode: 'test', log: silentLogger });
  await send(`${app.receiverUrl}/ortto/clicked`, {
    method: 'POST',
    headers: [['Content-Type', 'application/json']],
    body: JSON.stringify({ activity: { field_id: 'act::c', attr: { 'str::cn': 'Autumn sale' } } }),
  });
  app.ctx.captures.indexer.drain();
  await app.close();
  const stores = openStores({ dataDir: own.path, clock: systemClock, filing: 'never' });
  stores.db.exec("INSERT INTO captures_fts (captures_fts) VALUES ('delete-all')");
  stores.db.prepare('UPDATE idx.index_state SET indexed_upto = 0').run();
  stores.captures.close();
  stores.db.close();
  return own;
}

describe('hookscope CLI', () => {
  it('prints help and names a bad flag', async () => {
    const help = io();
    expect(await main(['--help'], help.io)).toBe(0);
    expect(help.out()).toContain('serve');
    // Without a command the usage is an error: on stderr, so `hookscope > out` writes no data that is not data.
    const helpTopic = io();
    expect(await main(['help', 'export'], helpTopic.io)).toBe(0);
    expect(helpTopic.out()).toContain('Usage: hookscope export [options]');
    const none = io();
    expect(await main([], none.io)).toBe(2);
    expect(none.out()).toBe('');
    expect(none.err()).toContain('Usage: hookscope <command>');
    const bad = io();
    expect(await main(['export', '--formt', 'har'], bad.io)).toBe(2);
    expect(bad.err()).toContain("'--formt'");
    const badValue = io();
    expect(await main(['export', '--data-dir', dir.path, '--format', 'xml'], badValue.io)).toBe(2);
    expect(badValue.err()).toContain('--format');
    const tunnelFlag = io();
    expect(await main(['serve', '--subdomain', 'myhooks'], tunnelFlag.io)).toBe(2);
    expect(tunnelFlag.err()).toContain('--subdomain: only applies with --tunnel');
    const badSub = io();
    expect(await main(['serve', '--tunnel', '--subdomain', 'No!'], badSub.io)).toBe(2);
    expect(badSub.err()).toContain('--subdomain');
    const openNoUi = io();
    const openArgs = ['serve', '--data-dir', dir.path, '--receiver-port', '0', '--no-ui', '--open'];
    expect(await main(openArgs, openNoUi.io)).toBe(2);
    expect(openNoUi.err()).toContain('--open: there is no UI to open with --no-ui');
    const durability = io();
    const durabilityArgs = ['serve', '--data-dir', dir.path, '--receiver-port', '0', '--durability', 'full'];
    expect(await main(durabilityArgs, durability.io)).toBe(2);
    expect(durability.err()).toContain('--durability: expected process-crash or power-loss, got "full"');
    // An unset `--host "$HOST"`: Node would listen on every interface (bounded, in case it starts serving).
    const emptyHost = io();
    const emptyHostArgs = ['serve', '--data-dir', dir.path, '--receiver-port', '0', '--no-ui', '--host', ''];
    let timer: NodeJS.Timeout | undefined;
    const started = await Promise.race([
      main(emptyHostArgs, emptyHost.io),
      new Promise((resolve) => (timer = setTimeout(() => resolve('serving'), 5000))),
    ]);
    clearTimeout(timer);
    expect(started).toBe(2);
    expect(emptyHost.err()).toContain('--host: empty; give an address');
    const samePort = io();
    const samePortArgs = ['serve', '--data-dir', dir.path, '--receiver-port', '45123', '--ui-port', '45123'];
    expect(await main(samePortArgs, samePort.io)).toBe(2);
    expect(samePort.err()).toContain('--ui-port 45123: the same port as --receiver-port');
    const unknown = io();
    expect(await main(['frobnicate'], unknown.io)).toBe(2);
    expect(unknown.err()).toContain('unknown command "frobnicate"\n');
    for (const [typed, meant] of [
      ['expor', 'export'],
      ['tial', 'tail'],
      ['server', 'serve'],
      ['Send', 'send'],
    ]) {
      const typo = io();
      expect(await main([typed!], typo.io)).toBe(2);
      expect(typo.err()).toContain(`unknown command "${typed}"; did you mean "${meant}"?`);
    }
    // A name every object has is not a command either.
    const inherited = io();
    expect(await main(['constructor'], inherited.io)).toBe(2);
    expect(inherited.err()).toContain('unknown command "constructor"');
  });

  it('serve --durability power-loss opens the database with synchronous=FULL, as the README offers', async () => {
    const own = tempDir();
    const served = await serve({
      dataDir: own.path,
      receiverPort: 0,
      uiPort: 0,
      host: '127.0.0.1',
      ui: false,
      durability: 'power-loss',
    });
    try {
      // 2 is FULL; the default, NORMAL, is 1.
      expect(served.engine.ctx.db.pragma('synchronous', { simple: true })).toBe(2);
    } finally {
      await served.close();
      own.cleanup();
    }
  });

  it('takes digits only for a number flag: an empty --receiver-port is not port 0, nor 1e3 a --limit', async () => {
    expect(() => intFlag('', '--receiver-port', 8787)).toThrow(
      '--receiver-port: expected a whole number from 0 to 65535, got ""',
    );
    expect(() => intFlag('0x1f90', '--receiver-port', 8787)).toThrow(/got "0x1f90"$/);
    expect(intFlag('08080', '--receiver-port', 8787)).toBe(8080);
    const limit = io();
    expect(await main(['export', '--data-dir', dir.path, '--limit', '1e3'], limit.io)).toBe(2);
    expect(limit.err()).toContain('--limit: expected a whole number from 1 to 10000000, got "1e3"');
  });

  it('checks --base-url and an inline --contact, naming the flag', async () => {
    const base = io();
    expect(await main(['export', '--data-dir', dir.path, '--base-url', 'notaurl'], base.io)).toBe(2);
    expect(base.err()).toContain('--base-url: expected an http(s) URL');
    const withQuery = io();
    const queryArgs = [
      'export',
      '--data-dir',
      dir.path,
      '--format',
      'har',
      '--base-url',
      'https://x.test/in?t=1',
    ];
    expect(await main(queryArgs, withQuery.io)).toBe(2);
    expect(withQuery.out()).toBe('');
    expect(withQuery.err()).toContain('--base-url: give it without a query or fragment');
    const contact = io();
    expect(
      await main(['emulate', 'ortto-test', '--to', 'http://127.0.0.1:9/x', '--contact', '{bad'], contact.io),
    ).toBe(2);
    expect(contact.err()).toMatch(/--contact: .*JSON/i);
    expect(contact.err()).not.toContain('ENOENT');
    const missing = io();
    expect(
      await main(
        ['emulate', 'ortto-test', '--to', 'http://127.0.0.1:9/x', '--contact', '/nope.json'],
        missing.io,
      ),
    ).toBe(2);
    expect(missing.err()).toContain('--contact: cannot read the file "/nope.json" (ENOENT)');
  });

  it('tail refuses an --until that has passed without --last: it would wait in silence for what cannot match', async () => {
    const stop = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    // Bounded, and stopped after: a tail that follows would never return.
    const outcome = await Promise.race([
      tail(['--data-dir', dir.path, '--until', '2h'], io().io, stop.signal).then(
        () => 'followed',
        (error: unknown) => error,
      ),
      new Promise((resolve) => (timer = setTimeout(() => resolve('following'), 3000))),
    ]);
    clearTimeout(timer);
    stop.abort();
    expect(outcome).toBeInstanceOf(UsageError);
    expect((outcome as Error).message).toContain('--until 2h: that time has passed');
  });

  it('export and tail refuse a --since after --until instead of finding nothing', async () => {
    for (const command of ['export', 'tail']) {
      const out = io();
      expect(await main([command, '--data-dir', dir.path, '--since', '1h', '--until', '2h'], out.io)).toBe(2);
      expect(out.err()).toMatch(/--since \(.+\) is after --until \(.+\): no capture can match/);
    }
  });

  it('export and tail refuse a day the month does not have instead of reading it as one in the next month', async () => {
    for (const [command, flag, value] of [
      ['export', '--since', '2026-02-30'],
      ['tail', '--until', '2026-02-31T10:00'],
      ['export', '--until', '2026-04-31T10:00:00Z'],
    ] as const) {
      const out = io();
      expect(await main([command, '--data-dir', dir.path, flag, value], out.io)).toBe(2);
      expect(out.err()).toContain(
        `${flag}: expected an ISO time, epoch ms or a duration like 2h, got "${value}"`,
      );
    }
  });

  it('export reads --since/--until as the app time filter does (tail shares the flags): local, --until through its second, minute or day', async () => {
    const zone = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      const newest = engine.ctx.captures.list({ limit: 1 }).items[0]!;
      const d = new Date(newest.receivedAtMs);
      const pad = (n: number) => String(n).padStart(2, '0');
      const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
      const minute = `${day}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
      const second = `${minute}:${pad(d.getSeconds())}`;
      // The app's From/To boxes set to this minute, and a To of this (local) day: both hold the newest capture. So
      // does its second as `tail` shows it (…:05.412), written without the milliseconds.
      for (const range of [
        ['--since', minute, '--until', minute],
        ['--since', day, '--until', day],
        ['--since', second, '--until', second],
      ]) {
        const out = io();
        expect(await main(['export', '--data-dir', dir.path, ...range], out.io)).toBe(0);
        const ids = out
          .out()
          .split('\n')
          .filter(Boolean)
          .map((line) => (JSON.parse(line) as { id: number }).id);
        expect(ids, range.join(' ')).toContain(newest.id);
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('export --until a local minute the clocks go back over includes its second occurrence, as the To box does', async () => {
    const own = tempDir();
    const stores = openStores({ dataDir: own.path, clock: systemClock });
    // 01:30 BST and, an hour later, 01:30 GMT: both show as 01:30 in London.
    const first = await stores.captures.add(newCapture({ receivedAtMs: Date.parse('2026-10-25T00:30:00Z') }));
    const again = await stores.captures.add(newCapture({ receivedAtMs: Date.parse('2026-10-25T01:30:00Z') }));
    stores.captures.close();
    stores.db.close();
    const zone = process.env.TZ;
    process.env.TZ = 'Europe/London';
    try {
      const out = io();
      const range = ['--since', '2026-10-25T01:00', '--until', '2026-10-25T01:59'];
      expect(await main(['export', '--data-dir', own.path, ...range], out.io)).toBe(0);
      const ids = out
        .out()
        .split('\n')
        .filter(Boolean)
        .map((line) => (JSON.parse(line) as { id: number }).id);
      expect(ids.sort()).toEqual([first, again].sort());
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
      own.cleanup();
    }
  });

  it('send names the flag of a file it cannot read: --data-file and --rows', async () => {
    for (const flag of ['--data-file', '--rows']) {
      const out = io();
      expect(await main(['send', 'http://127.0.0.1:9/x', flag, '/nonexistent-file'], out.io)).toBe(2);
      expect(out.err()).toContain(`${flag}: cannot read /nonexistent-file: ENOENT`);
    }
  });

  it('export and tail refuse a data folder with no database instead of creating an empty one', async () => {
    const missing = join(dir.path, 'typo', 'sub');
    for (const command of ['export', 'tail']) {
      const out = io();
      expect(await main([command, '--data-dir', missing], out.io)).toBe(2);
      expect(out.err()).toContain(`--data-dir: no Hookscope database in ${missing}`);
    }
    expect(existsSync(join(dir.path, 'typo'))).toBe(false);
    const empty = io();
    expect(await main(['export', '--data-dir', ''], empty.io)).toBe(2);
    expect(empty.err()).toContain('--data-dir: empty');
  });

  it('exports valid HAR 1.2 with secrets redacted by default', async () => {
    const out = io();
    expect(await main(['export', '--data-dir', dir.path, '--format', 'har'], out.io)).toBe(0);
    const har = JSON.parse(out.out()) as {
      log: {
        version: string;
        entries: Array<{
          request: {
            method: string;
            url: string;
            headers: { name: string; value: string }[];
            postData?: { text: string };
          };
        }>;
      };
    };
    expect(har.log.version).toBe('1.2');
    expect(har.log.entries).toHaveLength(3);
    const json = har.log.entries.find((e) => e.request.url.endsWith('/hook/json?x=1'))!;
    expect(json.request.postData?.text).toBe('{"activity":{"field_id":"act::ta"}}');
    expect(json.request.headers.find((h) => h.name === 'Authorization')?.value).toBe('[redacted]');
    expect(out.out()).not.toContain('top-secret');
    const raw = io();
    await main(['export', '--data-dir', dir.path, '--format', 'har', '--no-redact'], raw.io);
    expect(raw.out()).toContain('top-secret');
  });

  it("export --search indexes what the app has not yet with the decoder's labels, so the app finds them too", async () => {
    const own = await stoppedBeforeIndexing();
    try {
      const out = io();
      expect(await main(['export', '--data-dir', own.path, '--search', 'Campaign name'], out.io)).toBe(0);
      expect(
        out
          .out()
          .trim()
          .split('\n')
          .map((l) => (JSON.parse(l) as { path: string }).path),
      ).toEqual(['/ortto/clicked']);
      // Repeated, every one must match (the last one alone was kept, silently).
      const both = io();
      await main(
        ['export', '--data-dir', own.path, '--search', 'zzznothing', '--search', 'Campaign'],
        both.io,
      );
      expect(both.out()).toBe('');
      const reopened = await createEngine({ dataDir: own.path, mode: 'test', log: silentLogger });
      try {
        const found = reopened.ctx.captures.list({ limit: 5, filter: { text: '"Campaign name" Autumn' } });
        expect(found.items.map((c) => c.path)).toEqual(['/ortto/clicked']);
      } finally {
        await reopened.close();
      }
    } finally {
      own.cleanup();
    }
  });

  it('export streams capture by capture, writing what the one-string export writes, byte for byte', async () => {
    const store = engine.ctx.captures;
    const all = store.ids({}, 100).map((id) => store.get(id));
    const redaction = engine.ctx.endpoints.secretNames();
    expect(all.length).toBeGreaterThanOrEqual(3);
    for (const format of ['jsonl', 'json', 'har'] as const)
      for (const redact of [true, false])
        for (const captures of [all, all.slice(0, 1), []]) {
          const out = io();
          const writes: string[] = [];
          const args = ['export', '--data-dir', dir.path, '--format', format];
          if (!redact) args.push('--no-redact');
          if (captures.length === 1) args.push('--limit', '1');
          if (captures.length === 0) args.push('--method', 'OPTIONS');
          const counting = { ...out.io, stdout: (s: string) => (writes.push(s), out.io.stdout(s)) };
          expect(await main(args, counting)).toBe(0);
          const whole = exportCaptures(
            captures,
            format,
            'http://127.0.0.1:8787',
            redact ? redaction : null,
            appVersion,
          );
          // Plus a final newline for the terminal (JSONL's last item has one already).
          expect(out.out()).toBe(whole.content + (format === 'jsonl' ? '' : '\n'));
          // Never the whole export in one string: one write per capture, between the opening and the closing.
          expect(writes.length).toBe(captures.length + 2);
        }
  });

  it('exports JSONL filtered by method and content type', async () => {
    const out = io();
    expect(await main(['export', '--data-dir', dir.path, '--method', 'put'], out.io)).toBe(0);
    const lines = out.out().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ method: 'PUT', path: '/hook/bin', bodyBase64: 'AAEC/w==' });
    const form = io();
    await main(
      ['export', '--data-dir', dir.path, '--content-type', 'application/x-www-form-urlencoded'],
      form.io,
    );
    expect(form.out().trim().split('\n')).toHaveLength(1);
    // As a Content-Type header reads: parameters and case as sent, matched as the stored media type.
    const withParams = io();
    await main(
      [
        'export',
        '--data-dir',
        dir.path,
        '--content-type',
        'Application/X-WWW-Form-Urlencoded; charset=utf-8',
      ],
      withParams.io,
    );
    expect(withParams.out()).toBe(form.out());
  });

  it('export says how many matching captures --limit left out, and nothing when it left none out', async () => {
    const limited = io();
    expect(
      await main(['export', '--data-dir', dir.path, '--method', 'POST', '--limit', '1'], limited.io),
    ).toBe(0);
    expect(limited.out().trim().split('\n')).toHaveLength(1);
    expect(limited.err()).toContain(
      '1 more capture(s) match but are not in this export (--limit 1); raise --limit to include them',
    );
    const exact = io();
    expect(await main(['export', '--data-dir', dir.path, '--method', 'POST', '--limit', '2'], exact.io)).toBe(
      0,
    );
    expect(exact.out().trim().split('\n')).toHaveLength(2);
    expect(exact.err()).not.toContain('more capture(s) match');
  });

  it('exports a cURL script for a POSIX shell that re-sends a binary body byte for byte', async () => {
    const out = io();
    expect(
      await main(
        [
          'export',
          '--data-dir',
          dir.path,
          '--format',
          'curl',
          '--method',
          'PUT',
          '--base-url',
          'http://t.test',
        ],
        out.io,
      ),
    ).toBe(0);
    const command = out
      .out()
      .split('\n')
      .find((l) => l.includes('curl'))!;
    // A pipe, not bash's <<< "$(…)", which dash refuses and which drops NUL bytes and trailing newlines.
    expect(command).not.toContain('<<<');
    expect(command).toMatch(/^printf %s \S+ \| base64 -d \| curl /);
    const parsed = parseCurl(command);
    expect(parsed.url).toBe('http://t.test/hook/bin');
    expect(Buffer.from(parsed.bodyBase64!, 'base64')).toEqual(Buffer.from([0, 1, 2, 255]));
  });

  it('tails new captures live, pretty and as JSON lines', async () => {
    const pretty = io();
    const tailing = tail(['--data-dir', dir.path, '--exit-after', '2', '--interval', '20'], pretty.io);
    await new Promise((r) => setTimeout(r, 150));
    await send(`${engine.receiverUrl}/live/one`, { method: 'POST', body: 'a' });
    await send(`${engine.receiverUrl}/live/two?q=%1b[31m`, { method: 'PATCH', body: 'b' });
    expect(await tailing).toBe(0);
    const lines = pretty.out().trim().split('\n');
    expect(lines[0]).toContain('POST');
    expect(lines[0]).toContain('/live/one');
    expect(lines[1]).toContain('PATCH');
    expect(pretty.out()).not.toContain('\x1b[31m');

    const json = io();
    const jsonTail = tail(
      ['--data-dir', dir.path, '--json', '--exit-after', '1', '--interval', '20', '--method', 'DELETE'],
      json.io,
    );
    await new Promise((r) => setTimeout(r, 150));
    await send(`${engine.receiverUrl}/live/ignored`, { method: 'POST', body: 'no' });
    await send(`${engine.receiverUrl}/live/three`, { method: 'DELETE' });
    expect(await jsonTail).toBe(0);
    expect(JSON.parse(json.out().trim())).toMatchObject({ method: 'DELETE', path: '/live/three' });
  });

  it('tail prints a capture brought back by undoing a delete again, marked restored, though its id is an old one', async () => {
    const res = await send(`${engine.receiverUrl}/live/undone`, { method: 'POST', body: 'u' });
    const id = Number(res.headers['x-hookscope-capture-id']);
    expect(engine.ctx.captures.delete([id], { undoable: true })).toEqual({ deleted: 1, undoable: true });
    for (const json of [false, true]) {
      const out = io();
      // The tail sees the capture in the trash as it starts; the capture sent after the undo is newer. The first time
      // the restored capture is the newest; the second time, below the newest the tail starts from.
      const tailing = tail(
        ['--data-dir', dir.path, '--exit-after', '1', '--interval', '20', ...(json ? ['--json'] : [])],
        out.io,
      );
      expect(engine.ctx.captures.restore([id])).toEqual([id]);
      await send(`${engine.receiverUrl}/live/after-undo`, { method: 'POST', body: 'n' });
      expect(await tailing).toBe(0);
      if (json)
        expect(JSON.parse(out.out().trim())).toMatchObject({ id, path: '/live/undone', restored: true });
      else expect(out.out()).toMatch(new RegExp(`/live/undone .*  #${id}  \\[restored\\]\n$`));
      expect(engine.ctx.captures.delete([id], { undoable: true }).deleted).toBe(1);
    }
  });

  it('tail prints local times, as the app shows them, with the date for a capture from another day', async () => {
    const zone = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      const out = io();
      expect(await tail(['--data-dir', dir.path, '--last', '1', '--exit-after', '1'], out.io)).toBe(0);
      const newest = engine.ctx.captures.list({ limit: 1 }).items[0]!;
      const d = new Date(newest.receivedAtMs);
      const pad = (n: number) => String(n).padStart(2, '0');
      // -05:00 here, so the UTC clock this used to print is never the local one.
      expect(out.out()).toContain(`${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.`);
      const lastWeek = formatPretty(
        { ...newest, receivedAtMs: Date.UTC(2026, 10, 17, 4, 51, 57, 480) },
        false,
        Date.UTC(2026, 10, 24, 12),
      );
      expect(lastWeek.startsWith('2026-11-16 23:51:57.480  ')).toBe(true);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('tail and export write no C1 control characters from a sender (U+009B is CSI to a terminal)', async () => {
    const own = tempDir();
    const app = await createEngine({ dataDir: own.path, mode: 'test', log: silentLogger });
    try {
      const port = Number(new URL(app.receiverUrl).port);
      const head = 'POST /c1 HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain';
      const tailEnd = '31mEVIL\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi';
      await rawExchange(port, Buffer.concat([Buffer.from(head), Buffer.from([0x9b]), Buffer.from(tailEnd)]));
      const stored = app.ctx.captures.get(app.ctx.captures.list({ limit: 1 }).items[0]!.id);
      expect(stored.headers.find(([n]) => n === 'Content-Type')?.[1]).toMatch(/^text\/plain\u009b31mEVIL$/i);
      const c1 = /[\u0080-\u009f]/;
      for (const json of [false, true]) {
        const out = io();
        const args = ['--data-dir', own.path, '--last', '1', '--exit-after', '1'];
        expect(await tail(json ? [...args, '--json'] : args, out.io)).toBe(0);
        expect(out.out()).toContain('/c1');
        expect(out.out()).not.toMatch(c1);
        if (json) expect(JSON.parse(out.out()).contentType).toMatch(/^text\/plain\u009b31mEVIL$/i);
      }
      for (const format of ['jsonl', 'json', 'har']) {
        const out = io();
        expect(
          await main(['export', '--data-dir', own.path, '--format', format, '--no-redact'], out.io),
        ).toBe(0);
        expect(out.out()).toMatch(/EVIL/i);
        expect(out.out()).not.toMatch(c1);
        expect(() => JSON.parse(format === 'jsonl' ? out.out().trim() : out.out())).not.toThrow();
      }
    } finally {
      await app.close();
      own.cleanup();
    }
  });

  it('tail --json and export show a header value sent as UTF-8 as its text, other bytes as Latin-1', async () => {
    const own = tempDir();
    const app = await createEngine({ dataDir: own.path, mode: 'test', log: silentLogger });
    try {
      const port = Number(new URL(app.receiverUrl).port);
      const wire = Buffer.from(
        'POST /hdr HTTP/1.1\r\nHost: x\r\nX-Val: caf\xc3\xa9\r\nX-Lat: caf\xe9\r\n',
        'latin1',
      );
      await rawExchange(
        port,
        Buffer.concat([wire, Buffer.from('Content-Length: 0\r\nConnection: close\r\n\r\n')]),
      );
      const values = (headers: Array<[string, string]>) => headers.filter(([n]) => n.startsWith('X-'));
      const out = io();
      expect(await tail(['--data-dir', own.path, '--last', '1', '--exit-after', '1', '--json'], out.io)).toBe(
        0,
      );
      expect(values((JSON.parse(out.out()) as { headers: Array<[string, string]> }).headers)).toEqual([
        ['X-Val', 'café'],
        ['X-Lat', 'caf\u00e9'],
      ]);
      const exported = io();
      expect(await main(['export', '--data-dir', own.path, '--limit', '1'], exported.io)).toBe(0);
      expect(values((JSON.parse(exported.out()) as { headers: Array<[string, string]> }).headers)).toEqual([
        ['X-Val', 'café'],
        ['X-Lat', 'caf\u00e9'],
      ]);
    } finally {
      await app.close();
      own.cleanup();
    }
  });

  it('export says how many acknowledged captures it left out because the app has not filed them yet', async () => {
    const own = tempDir();
    const app = await createEngine({ dataDir: own.path, mode: 'test', log: silentLogger });
    await send(`${app.receiverUrl}/filed`, { method: 'POST', body: 'a' });
    await app.close();
    // As after a kill -9: rows committed to the inbox (acknowledged) that nothing has filed.
    const stores = openStores({ dataDir: own.path, clock: systemClock, filing: 'never' });
    await Promise.all([stores.captures.add(newCapture()), stores.captures.add(newCapture())]);
    stores.captures.close();
    stores.db.close();
    try {
      const out = io();
      expect(await main(['export', '--data-dir', own.path], out.io)).toBe(0);
      expect(out.out().trim().split('\n')).toHaveLength(1);
      expect(out.err()).toContain('exported 1 capture(s)');
      expect(out.err()).toContain('2 capture(s) are waiting for the app to file them');
      // Filtered, the count is still of every waiting capture (which of them match is known once filed): said so.
      const filtered = io();
      expect(await main(['export', '--data-dir', own.path, '--endpoint', 'default'], filtered.io)).toBe(0);
      expect(filtered.err()).toContain(
        '2 capture(s) in all, matching these filters or not, are waiting for the app to file them; any that match are not in this export',
      );
      const none = io();
      expect(await main(['export', '--data-dir', dir.path], none.io)).toBe(0);
      expect(none.err()).not.toContain('waiting');
    } finally {
      own.cleanup();
    }
  });

  it('tail --search reads bodies as export does: Content-Encoding undone', async () => {
    const out = io();
    const tailing = tail(
      ['--data-dir', dir.path, '--json', '--exit-after', '1', '--interval', '20', '--search', 'zebrafish'],
      out.io,
    );
    await new Promise((r) => setTimeout(r, 150));
    await send(`${engine.receiverUrl}/live/plain`, { method: 'POST', body: '{"animal":"cat"}' });
    await send(`${engine.receiverUrl}/live/gz`, {
      method: 'POST',
      headers: [
        ['Content-Type', 'application/json'],
        ['Content-Encoding', 'gzip'],
      ],
      body: gzipSync('{"animal":"zebrafish"}'),
    });
    expect(await tailing).toBe(0);
    expect(JSON.parse(out.out().trim())).toMatchObject({ path: '/live/gz' });
  });

  it('tail --search matches what the app search matches: words in any order, decoded field labels, whole words', async () => {
    // Each tail stops at its first match, or after a bounded wait (then it has printed nothing).
    const follow = (search: string) => {
      const out = io();
      const done = tail(
        ['--data-dir', dir.path, '--json', '--exit-after', '1', '--interval', '20', '--search', search],
        out.io,
        AbortSignal.timeout(10_000),
      );
      return { done, path: async () => (await done, out.out() ? JSON.parse(out.out().trim()).path : null) };
    };
    const queries = ['Campaign name', 'Spring Clicked', 'clicked SPRING', 'pring'];
    const tails = queries.map(follow);
    await new Promise((r) => setTimeout(r, 150));
    // "spring" holds "pring" but no word starting with it; the app's search does not find it.
    await send(`${engine.receiverUrl}/live/plain-spring`, { method: 'POST', body: '{"season":"spring"}' });
    await send(`${engine.receiverUrl}/live/ortto`, {
      method: 'POST',
      headers: [['Content-Type', 'application/json']],
      body: JSON.stringify({ activity: { field_id: 'act::c', attr: { 'str::cn': 'Spring' } } }),
    });
    await send(`${engine.receiverUrl}/live/pringles`, { method: 'POST', body: '{"snack":"pringles"}' });
    const printed = await Promise.all(tails.map((t) => t.path()));
    // The app's own search, over the captures just sent.
    const meta = { transport: 'in-process' } as const;
    const appFinds = await Promise.all(
      queries.map(
        async (text) =>
          (await engine.handlers['captures.list']({ filter: { text }, limit: 1, complete: true }, meta))
            .items[0]?.path ?? null,
      ),
    );
    expect(appFinds).toEqual(['/live/ortto', '/live/ortto', '/live/ortto', '/live/pringles']);
    expect(printed).toEqual(appFinds);
  });

  it('tail says so when captures wait for an app that is not indexing them, instead of waiting in silence', async () => {
    const own = await stoppedBeforeIndexing();
    try {
      const out = io();
      const code = await tail(
        ['--data-dir', own.path, '--interval', '50', '--search', 'Autumn'],
        out.io,
        AbortSignal.timeout(4500),
      );
      expect(code).toBe(0);
      expect(out.out()).toBe('');
      expect(out.err()).toContain('1 capture(s) are waiting for the app to file and index them');
    } finally {
      own.cleanup();
    }
  });

  it('tail colours its lines only on a terminal, unless FORCE_COLOR or NO_COLOR says otherwise', async () => {
    const tailLast = async () => {
      const out = io();
      expect(await tail(['--data-dir', dir.path, '--last', '1', '--exit-after', '1'], out.io)).toBe(0);
      return out.out();
    };
    try {
      vi.stubEnv('FORCE_COLOR', '1');
      expect(await tailLast()).toContain('\x1b[');
      vi.stubEnv('FORCE_COLOR', '0');
      expect(await tailLast()).not.toContain('\x1b[');
    } finally {
      vi.unstubAllEnvs();
    }
    expect(wantsColour({}, true)).toBe(true);
    expect(wantsColour({}, false)).toBe(false);
    expect(wantsColour({ NO_COLOR: '1' }, true)).toBe(false);
    expect(wantsColour({ NO_COLOR: '' }, true)).toBe(true);
    expect(wantsColour({ NO_COLOR: '1', FORCE_COLOR: '1' }, false)).toBe(true);
    expect(wantsColour({ FORCE_COLOR: 'false' }, true)).toBe(false);
  });

  it('tail --exit-after counts the --last captures: --last 3 --exit-after 1 prints one, the first of the three', async () => {
    const all = io();
    expect(await tail(['--data-dir', dir.path, '--last', '3', '--exit-after', '3'], all.io)).toBe(0);
    const three = all.out().trim().split('\n');
    expect(three).toHaveLength(3);
    const one = io();
    expect(
      await tail(
        ['--data-dir', dir.path, '--last', '3', '--exit-after', '1'],
        one.io,
        AbortSignal.timeout(10_000),
      ),
    ).toBe(0);
    expect(one.out().trim().split('\n')).toEqual([three[0]]);
  });
});
