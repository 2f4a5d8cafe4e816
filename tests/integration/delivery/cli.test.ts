import { createHmac } from 'node:crypto';
import { truncateSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run as send } from '../../../electron/cli/commands/send';
import { run as emulate } from '../../../electron/cli/commands/emulate';
import { main } from '../../../electron/cli/main';
import { ontraportEncodings, ontraportFormats } from '../../../electron/shared/send/emulators';
import { cliIo } from '../../helpers/cli-io';
import { useCliSendFixture } from './cli-send-fixture';

const fixture = useCliSendFixture();

describe('hookscope send', () => {
  it('prints each attempt with status, duration and next wait; Ortto time-scaled; exits 0 once delivered', async () => {
    const server = await fixture.server((n) => ({ status: n < 2 ? 503 : 200 }));
    const t = cliIo();
    const code = await send(
      [
        `${server.url}/cli`,
        '-d',
        'a=1&b=2',
        '-H',
        'X-Test: yes',
        '--policy',
        'ortto',
        '--time-scale',
        '0.0001',
      ],
      t.io,
    );
    expect(code).toBe(0);
    const lines = t.out().trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^#1 {2}\S+Z {2}503 {2}[\d.]+ ms {2}next in 30 ms$/);
    expect(lines[1]).toMatch(/^#2 .* 503 .* next in 90 ms$/);
    expect(lines[2]).toMatch(/^#3 .* 200 .* delivered$/);
    expect(server.received[0]!.method).toBe('POST');
    expect(server.received[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(server.received[0]!.headers['x-test']).toBe('yes');
  });

  it('sends a header value typed beyond ASCII as its UTF-8 bytes, as curl does', async () => {
    const server = await fixture.server(() => ({ status: 200 }));
    expect(await send([`${server.url}/utf8`, '-H', 'X-City: São Paulo'], cliIo().io)).toBe(0);
    const raw = server.received[0]!.rawHeaders;
    const value = raw[raw.findIndex((n) => n.toLowerCase() === 'x-city') + 1]!;
    expect(Buffer.from(value, 'latin1').toString('utf8')).toBe('São Paulo');
  });

  it("reads -H as curl does: 'N:' sends no N at all (no detected Content-Type either), 'N;' sends N empty", async () => {
    const server = await fixture.server(() => ({ status: 200 }));
    const args = [
      '-d',
      '{"a":1}',
      '-H',
      'Content-Type:',
      '-H',
      'X-Empty;',
      '-H',
      'X-Gone: 1',
      '-H',
      'X-Gone:',
    ];
    expect(await send([`${server.url}/no-type`, ...args], cliIo().io)).toBe(0);
    expect(await send([`${server.url}/flag-none`, '-d', '{"a":1}', '--content-type', ''], cliIo().io)).toBe(
      0,
    );
    const [omitted, none] = server.received;
    const names = (raw: string[]) => raw.filter((_, i) => i % 2 === 0).map((n) => n.toLowerCase());
    expect(names(omitted!.rawHeaders)).not.toContain('content-type');
    expect(names(omitted!.rawHeaders)).not.toContain('x-gone');
    expect(omitted!.headers['x-empty']).toBe('');
    expect(names(none!.rawHeaders)).not.toContain('content-type');
  });

  it('sends a --data-file that is not UTF-8 as application/octet-stream, byte for byte', async () => {
    const server = await fixture.server(() => ({ status: 200 }));
    // Mostly ASCII text (so a lossy decode looks like text) with bytes that are never valid UTF-8.
    const bytes = Buffer.concat([Buffer.from('hello world '), Buffer.from([0xff, 0xfe, 0x80, 0xc3])]);
    const file = fixture.file('random.bin', bytes);
    expect(await send([`${server.url}/bin`, '--data-file', file], cliIo().io)).toBe(0);
    expect(server.received[0]!.headers['content-type']).toBe('application/octet-stream');
    expect(server.received[0]!.body).toEqual(bytes);
    // A Content-Type given by the user still wins; a UTF-8 file is still detected.
    expect(
      await send([`${server.url}/bin`, '--data-file', file, '--content-type', 'image/png'], cliIo().io),
    ).toBe(0);
    expect(server.received[1]!.headers['content-type']).toBe('image/png');
    writeFileSync(file, '{"a":"é"}');
    expect(await send([`${server.url}/json`, '--data-file', file], cliIo().io)).toBe(0);
    expect(server.received[2]!.headers['content-type']).toBe('application/json');
  });

  it('exits 1 when the delivery finally fails (Ortto does not retry 404)', async () => {
    const server = await fixture.server(() => ({ status: 404 }));
    const t = cliIo();
    expect(await send([server.url, '-X', 'PUT', '--policy', 'ortto'], t.io)).toBe(1);
    expect(server.received).toHaveLength(1);
    expect(t.err()).toMatch(/never retries/);
  });

  it('signs with --sign/--secret and sends one request per --rows row', async () => {
    const server = await fixture.server(() => ({ status: 200 }));
    const rows = fixture.file('rows.csv', 'First Name,id\nAda,1\nGrace,2\n');
    const t = cliIo();
    const code = await send(
      [
        `${server.url}/r/[id]`,
        '-d',
        '{"name":"[First Name]"}',
        '--rows',
        rows,
        '--sign',
        'github',
        '--secret',
        's3cret',
        '--rate',
        '600/min',
      ],
      t.io,
    );
    expect(code).toBe(0);
    expect(server.received.map((r) => r.url).sort()).toEqual(['/r/1', '/r/2']);
    const ada = server.received.find((r) => r.url === '/r/1')!;
    expect(ada.body.toString()).toBe('{"name":"Ada"}');
    expect(ada.headers['x-hub-signature-256']).toBe(
      `sha256=${createHmac('sha256', 's3cret').update(ada.body).digest('hex')}`,
    );
    expect(t.out()).toMatch(/2 delivered, 0 failed, 0 skipped of 2 rows/);
  });

  it('--fields-not-columns send-as-typed sends a [Field] that is no column as typed', async () => {
    const server = await fixture.server(() => ({ status: 200 }));
    const rows = fixture.file('rows.csv', 'id\n1\n');
    const args = ['send', `${server.url}/r/[id]`, '-d', 'id=[id]&note=[Not A Field]', '--rows', rows];
    const refused = cliIo();
    expect(await main(args, refused.io)).toBe(2);
    expect(refused.err()).toContain('--data: [Not A Field] is not a column of the file');
    const t = cliIo();
    expect(await main([...args, '--fields-not-columns', 'send-as-typed'], t.io)).toBe(0);
    expect(server.received.map((r) => r.body.toString())).toEqual(['id=1&note=[Not A Field]']);
    const bad = cliIo();
    expect(await main([...args, '--fields-not-columns', 'skip'], bad.io)).toBe(2);
    expect(bad.err()).toContain('--fields-not-columns: expected refuse or send-as-typed, got "skip"');
  });

  it('a bad flag or value is named', async () => {
    const t = cliIo();
    expect(await main(['send', 'http://127.0.0.1:1/', '--bogus'], t.io)).toBe(2);
    expect(t.err()).toMatch(/--bogus/);
    const u = cliIo();
    expect(await main(['send', 'ftp://x/', '-d', 'x'], u.io)).toBe(2);
    expect(u.err()).toMatch(/<url>: unsupported scheme "ftp"/);
    const r = cliIo();
    expect(await main(['send', 'http://127.0.0.1:1/', '--rate', 'fast'], r.io)).toBe(2);
    expect(r.err()).toMatch(/--rate/);
    const h = cliIo();
    expect(await main(['send', 'http://127.0.0.1:1/', '-H', 'Bad Name: x'], h.io)).toBe(2);
    expect(h.err()).toMatch(/--header: malformed header name "Bad Name"/);
    // A secret alone signs nothing: say so, not that --sign (never given) is invalid.
    const secret = cliIo();
    expect(await main(['send', 'http://127.0.0.1:1/', '--secret', 'shh'], secret.io)).toBe(2);
    expect(secret.err()).toContain('--secret: only applies with --sign (standard-webhooks, github,');
    const scheme = cliIo();
    expect(
      await main(['send', 'http://127.0.0.1:1/', '--sign', 'gitlab', '--secret', 'shh'], scheme.io),
    ).toBe(2);
    expect(scheme.err()).toContain(
      '--sign: expected one of standard-webhooks, github, stripe, shopify, hmac, got "gitlab"',
    );
    const help = cliIo();
    expect(await send(['--help'], help.io)).toBe(0);
    expect(help.out()).toMatch(/--time-scale N/);
  });
});

describe('hookscope emulate', () => {
  it('sends an Ontraport sub_tag delivery as a form post with the contact', async () => {
    const server = await fixture.server(() => ({ status: 200 }));
    const contact = fixture.file(
      'contact.json',
      JSON.stringify({ firstname: 'Mary', lastname: 'Smith', email: 'mary@example.com', id: '8' }),
    );
    const t = cliIo();
    const code = await emulate(
      ['ontraport-sub_tag', '--to', `${server.url}/op`, '--encoding', 'form', '--contact', contact],
      t.io,
    );
    expect(code).toBe(0);
    const body = server.received[0]!.body.toString();
    expect(body).toMatch(/event%5Btype%5D=sub_tag|event\[type\]=sub_tag/);
    expect(body).toMatch(/Mary/);
    expect(t.out()).toMatch(/ontraport policy/);
  });

  it('sends ontraport-ping to a URL whose host is a merge field, filled from --contact', async () => {
    const server = await fixture.server(() => ({ status: 200 }));
    const port = new URL(server.url).port;
    const args = ['ontraport-ping', '--to', `http://[Site Host]:${port}/p?id=[Contact ID]`];
    const contact = JSON.stringify({ 'Site Host': '127.0.0.1', 'Contact ID': '8' });
    expect(await emulate([...args, '--contact', contact], cliIo().io)).toBe(0);
    expect(server.received.map((r) => r.url)).toEqual(['/p?id=8']);
  });

  it('reads a --contact file only as far as its first contact: a 1 GiB export is not loaded whole', async () => {
    const server = await fixture.server(() => ({ status: 200 }));
    const to = `${server.url}/op`;
    // Sparse files: a gigabyte on paper, more than a JavaScript string holds, nothing on disk.
    const gigabyte = (name: string, start: string) => {
      const path = fixture.file(name, start);
      truncateSync(path, 1024 * 1024 * 1024);
      return path;
    };
    const csv = gigabyte('contacts.csv', 'firstname,email\nMary,mary@example.com\nBob,bob@example.com\n');
    const json = gigabyte(
      'contacts.json',
      '[{"firstname":"Ada","email":"ada@example.com"},{"firstname":"Bob"},',
    );
    for (const contact of [csv, json]) {
      const t = cliIo();
      expect(await emulate(['ontraport-sub_tag', '--to', to, '--contact', contact], t.io)).toBe(0);
    }
    expect(server.received.map((r) => r.body.toString())).toEqual([
      expect.stringMatching(/Mary.*mary%40example\.com|mary%40example\.com.*Mary/),
      expect.stringMatching(/Ada.*ada%40example\.com|ada%40example\.com.*Ada/),
    ]);
    const endless = cliIo();
    const one = gigabyte('one.json', '{"firstname":"');
    const args = ['emulate', 'ontraport-sub_tag', '--to', to, '--contact', one];
    expect(await main(args, endless.io)).toBe(2);
    expect(endless.err()).toContain(`--contact: no complete contact in the first 16 MiB of "${one}"`);
    expect(server.received).toHaveLength(2);
  });

  it('emulates the subscription for a given tag or form id', async () => {
    const server = await fixture.server(() => ({ status: 200 }));
    const tag = cliIo();
    const to = `${server.url}/op`;
    expect(await emulate(['ontraport-unsub_tag', '--to', to, '--tag-id', '17'], tag.io)).toBe(0);
    expect(server.received[0]!.body.toString()).toContain('event%5Btag_id%5D=17');
    expect(tag.out()).toContain('unsub_tag(17)');
    const form = cliIo();
    const args = ['ontraport-object_submits_form', '--to', to, '--form-id', '31', '--encoding', 'json'];
    expect(await emulate(args, form.io)).toBe(0);
    expect(JSON.parse(server.received[1]!.body.toString()).event).toEqual({
      type: 'object_submits_form',
      form_id: '31',
    });
  });

  it("sends ontraport-ping's --post-data with its merge fields filled from the contact, as form or JSON", async () => {
    const server = await fixture.server(() => ({ status: 200 }));
    const to = `${server.url}/ping`;
    const contact = '{"id":"21","firstname":"Ada","email":"ada@example.com"}';
    const postData = 'Name=[First Name] [Last Name]&Email=[Email]&contact_id=[Contact ID]&source=hookscope';
    const args = ['ontraport-ping', '--to', to, '--contact', contact, '--post-data', postData];
    expect(await emulate(args, cliIo().io)).toBe(0);
    expect(server.received[0]!.body.toString()).toBe(
      'Name=Ada &Email=ada%40example.com&contact_id=21&source=hookscope',
    );
    expect(await emulate([...args, '--encoding', 'json'], cliIo().io)).toBe(0);
    expect(JSON.parse(server.received[1]!.body.toString())).toEqual({
      Name: 'Ada ',
      Email: 'ada@example.com',
      contact_id: '21',
      source: 'hookscope',
    });
    const wrong = cliIo();
    expect(await main(['emulate', 'ontraport-sub_tag', '--to', to, '--post-data', 'a=b'], wrong.io)).toBe(2);
    expect(wrong.err()).toContain('--post-data: only for ontraport-ping, not ontraport-sub_tag');
  });

  it('refuses a malformed id and an id the kind has no use for', async () => {
    const bad = cliIo();
    expect(
      await main(['emulate', 'ontraport-sub_tag', '--to', 'http://127.0.0.1:1/', '--tag-id', '4x'], bad.io),
    ).toBe(2);
    expect(bad.err()).toContain('--tag-id: expected a positive whole number (an Ontraport id), got "4x"');
    const wrong = cliIo();
    expect(
      await main(['emulate', 'ontraport-ping', '--to', 'http://127.0.0.1:1/', '--form-id', '3'], wrong.io),
    ).toBe(2);
    expect(wrong.err()).toContain('--form-id: only for ontraport-object_submits_form, not ontraport-ping');
  });

  it('names the accepted --format and --encoding values when given another', async () => {
    const format = cliIo();
    expect(
      await main(
        ['emulate', 'ontraport-sub_tag', '--to', 'http://127.0.0.1:1/', '--format', 'full'],
        format.io,
      ),
    ).toBe(2);
    expect(format.err()).toContain(
      `--format: expected ${ontraportFormats.slice(0, -1).join(', ')} or ${ontraportFormats.at(-1)}, got "full"`,
    );
    const encoding = cliIo();
    expect(
      await main(
        ['emulate', 'ontraport-sub_tag', '--to', 'http://127.0.0.1:1/', '--encoding', 'xml'],
        encoding.io,
      ),
    ).toBe(2);
    expect(encoding.err()).toContain(
      `--encoding: expected ${ontraportEncodings.slice(0, -1).join(', ')} or ${ontraportEncodings.at(-1)}, got "xml"`,
    );
  });

  it('names an unknown kind and a missing --to', async () => {
    const t = cliIo();
    expect(await main(['emulate', 'ortto-nope', '--to', 'http://127.0.0.1:1/'], t.io)).toBe(2);
    expect(t.err()).toMatch(/<kind>: "ortto-nope"/);
    const u = cliIo();
    expect(await main(['emulate', 'ortto-test'], u.io)).toBe(2);
    expect(u.err()).toMatch(/--to: required/);
  });

  it('refuses --format and --encoding for a kind that has no use for them rather than ignoring them', async () => {
    for (const flag of ['--format', '--encoding']) {
      const t = cliIo();
      const value = flag === '--format' ? 'notify' : 'form';
      expect(
        await main(['emulate', 'ortto-activity', '--to', 'http://127.0.0.1:1/', flag, value], t.io),
      ).toBe(2);
      expect(t.err()).toContain(`${flag}: only for the Ontraport kinds, not ortto-activity`);
    }
    const t = cliIo();
    expect(
      await main(['emulate', 'ontraport-ping', '--to', 'http://127.0.0.1:1/', '--format', 'notify'], t.io),
    ).toBe(2);
    expect(t.err()).toContain('--format: only for the Ontraport subscription kinds, not ontraport-ping');
  });
});
