import { execFile, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { quote } from 'shell-quote';
import { describe, expect, it } from 'vitest';
import { CurlParseError, parseCurl, toCurl } from '../../../electron/shared/send/curl';

const execFileAsync = promisify(execFile);
const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('parseCurl', () => {
  it('reads a Postman-style command with exact body bytes, duplicate headers in order', () => {
    const parsed =
      parseCurl(`curl --location --request POST 'https://api.ontraport.com/1/objects?objectID=0&x=a%20b' \\
      --header 'Api-Appid: 2_1_abc' \\
      --header 'Api-Key: key' -H 'X-Dup: 1' -H 'X-Dup: 2' -H 'Content-Type: application/json' \\
      --data-raw '{
  "firstname": "Mary"
}'`);
    expect(parsed).toEqual({
      method: 'POST',
      url: 'https://api.ontraport.com/1/objects?objectID=0&x=a%20b',
      headers: [
        ['Api-Appid', '2_1_abc'],
        ['Api-Key', 'key'],
        ['X-Dup', '1'],
        ['X-Dup', '2'],
        ['Content-Type', 'application/json'],
      ],
      body: '{\n  "firstname": "Mary"\n}',
      bodyBase64: b64('{\n  "firstname": "Mary"\n}'),
      warnings: [],
    });
  });

  it('infers POST from data, joins -d parts with & and handles -u, -A, combined flags', () => {
    const parsed = parseCurl(`curl -sSL example.com/hook -d a=1 -d 'b=two words' -u user:pa:ss -A agent/1`);
    expect(parsed.method).toBe('POST');
    expect(parsed.url).toBe('http://example.com/hook');
    expect(parsed.body).toBe('a=1&b=two words');
    // As curl sends -d data: labelled a form, after the headers the options made.
    expect(parsed.headers).toEqual([
      ['Authorization', `Basic ${b64('user:pa:ss')}`],
      ['User-Agent', 'agent/1'],
      ['Content-Type', 'application/x-www-form-urlencoded'],
    ]);
  });

  it('sends one header per option as curl does: -b joined, the last -A/-e/-u, a -H of the same name replacing it', () => {
    expect(parseCurl(`curl https://x.test/a -b a=b -b 'c=d; e=f' -e r1 -e r2`).headers).toEqual([
      ['Cookie', 'a=b;c=d; e=f'],
      ['Referer', 'r2'],
    ]);
    // As in a Postman snippet with an auth helper and its own header: curl sends only the -H one.
    expect(
      parseCurl(`curl https://x.test/a -u u:p -H 'Authorization: Bearer t' -b s=1 -H 'cookie: z=1'`).headers,
    ).toEqual([
      ['Authorization', 'Bearer t'],
      ['cookie', 'z=1'],
    ]);
    expect(parseCurl(`curl https://x.test/a --json '{}' -H 'content-type: text/x'`).headers).toEqual([
      ['Accept', 'application/json'],
      ['content-type', 'text/x'],
    ]);
    // `-H 'Name:'` and an empty -A remove the header curl would make.
    expect(parseCurl(`curl https://x.test/a -u u:p -H 'Authorization:' -A ''`).headers).toEqual([]);
    // As curl 7.88 sends them: the last -A or -e wins, empty or not; `-H 'Name:'` removes whatever its order.
    expect(parseCurl(`curl https://x.test/a -A '' -A x -e '' -e r`).headers).toEqual([
      ['User-Agent', 'x'],
      ['Referer', 'r'],
    ]);
    expect(parseCurl(`curl https://x.test/a -A x -A '' -e r -e ''`).headers).toEqual([]);
    expect(parseCurl(`curl https://x.test/a -H 'User-Agent:' -A x`).headers).toEqual([]);
  });

  it('--compressed asks for compressed answers as curl does, unless the command sets Accept-Encoding itself', () => {
    expect(parseCurl("curl --compressed 'https://x.test/a'").headers).toEqual([
      ['Accept-Encoding', 'deflate, gzip, br, zstd'],
    ]);
    expect(parseCurl("curl -H 'Accept-Encoding: gzip' --compressed https://x.test/a").headers).toEqual([
      ['Accept-Encoding', 'gzip'],
    ]);
    expect(parseCurl('curl https://x.test/a').headers).toEqual([]);
  });

  it('reads short options run together where the last takes a value: -sX POST, -sd, -fsSLo file', () => {
    expect(parseCurl('curl -sX PUT https://x.test/a').method).toBe('PUT');
    const data = parseCurl("curl -sSd 'a=1' https://x.test/a -sdb=2");
    expect([data.method, data.body]).toEqual(['POST', 'a=1&b=2']);
    expect(parseCurl('curl -fsSLo out.json https://x.test/a').url).toBe('https://x.test/a');
    expect(parseCurl('curl -sH "X-A: 1" https://x.test/a').headers).toEqual([['X-A', '1']]);
    expect(() => parseCurl('curl -sZ https://x.test/a')).toThrow('option -sZ: not a curl option');
  });

  it('handles -G, --data-urlencode, --json, -XPUT and escaped single quotes', () => {
    expect(parseCurl(`curl -G https://x.test/s -d q=1 --data-urlencode 'n=a b&c'`).url).toBe(
      'https://x.test/s?q=1&n=a+b%26c',
    );
    // As curl 7.88 sends it: only unreserved characters kept, a space as `+`.
    expect(parseCurl(`curl https://x.test/s --data-urlencode "q=a+b é~*()!'"`).body).toBe(
      'q=a%2Bb+%C3%A9~%2A%28%29%21%27',
    );
    // curl 7.88 exits 3 ("URL using bad/illegal format") rather than send -d data with a space in the URL.
    expect(() => parseCurl(`curl -G https://x.test/s -d 'q=a b'`)).toThrow(
      /^-G: the data "q=a b" goes into the URL as typed, and curl refuses a URL with a space; .*--data-urlencode/,
    );
    expect(() => parseCurl(`curl -G https://x.test/s -d $'q=a\tb'`)).toThrow('a control character');
    const json = parseCurl(`curl --json '{"a":1}' https://x.test`);
    expect(json.headers).toEqual([
      ['Content-Type', 'application/json'],
      ['Accept', 'application/json'],
    ]);
    expect(json.method).toBe('POST');
    const put = parseCurl(`curl -XPUT https://x.test -d 'it'\\''s'`);
    expect([put.method, put.body]).toEqual(['PUT', "it's"]);
    expect(parseCurl('curl -I https://x.test').method).toBe('HEAD');
  });

  it('keeps $VARIABLES literal and ignores a trailing comment', () => {
    const parsed = parseCurl('curl https://x.test -H "Authorization: Bearer $TOKEN" # send it');
    expect(parsed.headers).toEqual([['Authorization', 'Bearer $TOKEN']]);
  });

  it("reads browsers' \"Copy as cURL (bash)\": $'…' strings with \\' and \\n, continued over lines", () => {
    const copied = [
      "curl 'https://x.test/p' \\",
      "  -H $'x-note: it\\'s' \\",
      `  --data-raw $'{"note":"it\\'s done","lines":"a\\nb"}'`,
    ].join('\n');
    const parsed = parseCurl(copied);
    expect(parsed.headers).toEqual([
      ['x-note', "it's"],
      ['Content-Type', 'application/x-www-form-urlencoded'],
    ]);
    expect(parsed.body).toBe('{"note":"it\'s done","lines":"a\nb"}');
    expect(parseCurl(`curl https://x.test -H "X-A: $'b'"`).headers).toEqual([['X-A', "$'b'"]]);
  });

  const failures: Array<[string, RegExp]> = [
    ['', /command: empty/],
    ['wget https://x.test', /must start with "curl"/],
    ['curl -H', /option -H: missing its value/],
    ['curl -X POST', /URL: none found/],
    ['curl https://a.test https://b.test', /second URL/],
    ['curl https://x.test -F file=@a.png', /multipart/],
    ['curl https://x.test -d @body.json', /reads the body from a file/],
    ['curl https://x.test --frobnicate', /option --frobnicate: not a curl option/],
    ['curl https://x.test | jq .', /shell syntax "\|"/],
    ['curl https://x.test -H "NoColon"', /header "NoColon": expected "Name: value"/],
    ['curl "http://exa mple.com"', /not a valid URL/],
    ["curl 'unterminated", /' quote is never closed/],
    ['curl "https://x.test', /" quote is never closed/],
    ["curl https://x.test -d $'it\\'s", /\$'…' quote is never closed/],
  ];
  it.each(failures)('rejects %j with a clear message', (command, message) => {
    expect(() => parseCurl(command)).toThrow(CurlParseError);
    expect(() => parseCurl(command)).toThrow(message);
  });

  it('reads browsers\' "Copy as cURL (cmd)": ^" quoting, \\^" quotes, ^-escaped & % { }, lines ended by ^', () => {
    // As Chrome and Firefox write it on Windows: a body line break is `^`, a line break, and a line break.
    const copied = [
      'curl ^"https://x.test/a?b=1^&c=2^" ^',
      '  -H ^"content-type: application/json^" ^',
      '  -b ^"sid=abc^" ^',
      '  --data-raw ^"^{^\\^"msg^\\^":^\\^"50^% off ^& caf^é^\\^",^',
      '',
      '^\\^"path^\\^":^\\^"C:^\\^\\^\\^\\x^\\^",^\\^"v^\\^":^\\^"%^PATH%^\\^"^}^" ^',
      '  --compressed',
    ].join('\r\n');
    const parsed = parseCurl(copied);
    expect(parsed.method).toBe('POST');
    expect(parsed.url).toBe('https://x.test/a?b=1&c=2');
    expect(parsed.headers).toEqual([
      ['content-type', 'application/json'],
      ['Cookie', 'sid=abc'],
      ['Accept-Encoding', 'deflate, gzip, br, zstd'],
    ]);
    // curl.exe's C runtime keeps backslashes not before a quote: JSON's `\\`, doubled by the browser, reaches curl as four.
    expect(parsed.body).toBe('{"msg":"50% off & café",\n"path":"C:\\\\\\\\x","v":"%PATH%"}');
  });

  it('reads older Windows exports that quote with "…" and double an inner quote', () => {
    const parsed = parseCurl(
      'curl.exe "https://x.test/a" -X POST -H "Content-Type: application/json" --data-raw "{""a"":1}"',
    );
    expect(parsed.url).toBe('https://x.test/a');
    expect(parsed.body).toBe('{"a":1}');
    expect(() => parseCurl('curl.exe "https://x.test/a" --data-raw "{')).toThrow(/" quote is never closed/);
    // A caret ending a line inside a bash body is the body's.
    expect(parseCurl("curl https://x.test/a \\\n  --data-raw 'x ^\ny'").body).toBe('x ^\ny');
  });

  it('reads commands quoted by shell-quote, as bash would (escaped backticks included)', () => {
    expect(parseCurl('curl https://x.test -H "X-Q: it\'s \\`x\\` \\$HOME"').headers).toEqual([
      ['X-Q', "it's `x` $HOME"],
    ]);
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40 }).filter((v) => !/[\r\n\0]/.test(v) && v.trim() !== ''),
        (value) => {
          const command = `curl https://x.test -H ${quote([`X-V: ${value}`])}`;
          expect(parseCurl(command).headers).toEqual([['X-V', value.trim()]]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('only ever throws CurlParseError, whatever it is given (fuzz)', () => {
    const curlish = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc
        .array(
          fc.oneof(
            fc.constantFrom(
              'curl',
              '-X',
              '-H',
              '-d',
              '--data-binary',
              '-G',
              '-u',
              "'",
              '"',
              '\\',
              '|',
              '#',
              '$X',
              'http://a.test',
              'a: b',
              '-sS',
              '--json',
              '@-',
            ),
            fc.string({ maxLength: 10 }),
          ),
          { maxLength: 12 },
        )
        .map((parts) => parts.join(' ')),
    );
    fc.assert(
      fc.property(curlish, (command) => {
        try {
          const parsed = parseCurl(command);
          expect(typeof parsed.url).toBe('string');
        } catch (error) {
          expect(error).toBeInstanceOf(CurlParseError);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

const methodArb = fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'PURGE');
const urlArb = fc.webUrl({ withQueryParameters: true, withFragments: false });
const headerNameArb = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,15}$/);
const headerValueArb = fc.string({ maxLength: 30 }).map((v) => v.replace(/[\r\n\0]/g, '').trim());
const headersArb = fc.array(fc.tuple(headerNameArb, headerValueArb), { maxLength: 5 });

describe('toCurl ↔ parseCurl', () => {
  it('round-trips text requests (fuzz)', () => {
    fc.assert(
      fc.property(
        methodArb,
        urlArb,
        headersArb,
        fc.string({ maxLength: 200 }).filter((b) => !b.includes('\0')),
        (method, url, headers, body) => {
          const parsed = parseCurl(toCurl({ method, url, headers, body }));
          expect(parsed.method).toBe(method);
          expect(parsed.url).toBe(url);
          // An empty POST, PUT or PATCH goes out with `Content-Length: 0`, which curl sends only when told.
          const emptyWithLength = body === '' && ['POST', 'PUT', 'PATCH'].includes(method);
          expect(parsed.headers).toEqual(emptyWithLength ? [...headers, ['Content-Length', '0']] : headers);
          expect(parsed.body).toBe(body === '' ? null : body);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps a backslash before a newline inside single quotes (a body), and joins continued lines outside them', () => {
    const body = Uint8Array.from([92, 10, 1]); // found by the fuzz test below: seed 144773354
    const parsed = parseCurl(toCurl({ method: 'POST', url: 'https://x.test/bin', headers: [], body }));
    expect([...Buffer.from(parsed.bodyBase64 ?? '', 'base64')]).toEqual([92, 10, 1]);
    const continued = parseCurl("curl -X POST \\\nhttps://x.test/a \\\n  -H 'X-A: 1'");
    expect([continued.url, continued.headers]).toEqual(['https://x.test/a', [['X-A', '1']]]);
  });

  it('round-trips binary bodies through the base64 pipe', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 200 }), (bytes) => {
        const parsed = parseCurl(
          toCurl({ method: 'POST', url: 'https://x.test/bin', headers: [], body: bytes }),
        );
        expect(Buffer.from(parsed.bodyBase64 ?? '', 'base64').equals(Buffer.from(bytes))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('writes arguments a real shell splits back into the same words', () => {
    const shell = spawnSync('bash', ['--version']);
    if (shell.status !== 0) return void console.warn('bash not available: skipped the shell check');
    fc.assert(
      fc.property(
        urlArb,
        headersArb,
        fc.string({ minLength: 1, maxLength: 80 }).filter((b) => !b.includes('\0')),
        (url, headers, body) => {
          const command = toCurl({ method: 'POST', url, headers, body });
          // A stand-in `curl` prints its arguments NUL-separated, so bash does the word splitting.
          const out = spawnSync('bash', ['--norc', '-c', `curl() { printf '%s\\0' "$@"; }; ${command}`], {
            encoding: 'utf8',
          });
          const words = out.stdout.split('\0').slice(0, -1);
          expect(words).toEqual([
            // A `/./` or `/../` in the path, which curl would otherwise resolve.
            ...(/\/\.\.?(?=[/?#]|$)/.test(url) ? ['--path-as-is'] : []),
            '-X',
            'POST',
            url,
            ...headers.flatMap(([n, v]) => ['-H', v === '' ? `${n};` : `${n}: ${v}`]),
            // curl's own headers the request does not have, switched off.
            ...['User-Agent', 'Accept', 'Content-Type']
              .filter((d) => !headers.some(([n]) => n.toLowerCase() === d.toLowerCase()))
              .flatMap((d) => ['-H', `${d}:`]),
            '--data-raw',
            body,
          ]);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('toCurl sends the request, not curl’s defaults, and header bytes as they are', () => {
  it('switches off the headers curl would add, unless the request has them', () => {
    expect(toCurl({ method: 'GET', url: 'https://x.test/a', headers: [] })).toBe(
      'curl -X GET https://x.test/a -H User-Agent: -H Accept:',
    );
    expect(
      toCurl({
        method: 'POST',
        url: 'https://x.test/a',
        headers: [
          ['user-agent', 'Ontraport'],
          ['X-A', '1'],
        ],
        body: 'a=1',
      }),
    ).toBe(
      "curl -X POST https://x.test/a -H 'user-agent: Ontraport' -H 'X-A: 1' -H Accept: -H Content-Type: --data-raw a=1",
    );
    const big = toCurl({ method: 'POST', url: 'https://x.test/a', headers: [], body: 'x'.repeat(2000) });
    expect(big).toContain(' -H Expect: ');
    // Removing a default is not a header of the request.
    expect(parseCurl(big).headers).toEqual([]);
    expect(parseCurl("curl https://x.test -H 'User-Agent:' -H 'X-E;'").headers).toEqual([['X-E', '']]);
  });

  it('has curl send a URL with [ ] or { } or /../ as it is (an unfilled [Contact ID], tags[0]), not expand or resolve it', async () => {
    if (spawnSync('curl', ['--version']).status !== 0)
      return void console.warn('curl not available: skipped');
    const paths: string[] = [];
    const server = createServer((req, res) => {
      paths.push(req.url ?? '');
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      for (const path of [
        '/h/wpf?wpf_action=add&contact_id=[Contact%20ID]',
        '/a?tags[0]=x&q={y}',
        '/h/../x/./y/..',
      ]) {
        const command = toCurl({ method: 'POST', url: base + path, headers: [], body: 'a=1' });
        const run = await execFileAsync('bash', ['--norc', '-c', `${command} -sS`]).catch(
          (error: Error) => error,
        );
        expect(run, command).not.toBeInstanceOf(Error);
        expect(paths.at(-1)).toBe(path);
      }
    } finally {
      server.close();
    }
  });

  it('writes header values (byte strings) so that bash hands curl exactly their bytes (fuzz)', () => {
    const shell = spawnSync('bash', ['--version']);
    if (shell.status !== 0) return void console.warn('bash not available: skipped the shell check');
    const byteValue = fc
      .array(fc.oneof(fc.integer({ min: 0x21, max: 0x7e }), fc.integer({ min: 0x80, max: 0xff })), {
        minLength: 1,
        maxLength: 20,
      })
      .map((codes) => String.fromCharCode(...codes));
    fc.assert(
      fc.property(byteValue, (value) => {
        const command = toCurl({ method: 'GET', url: 'https://x.test/', headers: [['X-V', value]] });
        const out = spawnSync('bash', ['--norc', '-c', `curl() { printf '%s\\0' "$@"; }; ${command}`]);
        const words = out.stdout.toString('latin1').split('\0');
        expect(words[4]).toBe(`X-V: ${value}`); // latin1 text of the bytes bash passed
        expect(parseCurl(command).headers).toEqual([['X-V', value]]);
      }),
      { numRuns: 60 },
    );
    // The case from the report: UTF-8 "café" as Node stores it, and the same word in Latin-1.
    expect(toCurl({ method: 'GET', url: 'https://x.test/', headers: [['X', 'caf\xc3\xa9']] })).toContain(
      "'X: café'",
    );
    expect(toCurl({ method: 'GET', url: 'https://x.test/', headers: [['X', "caf\xe9 \\ '"]] })).toContain(
      "$'X: caf\\xe9 \\\\ \\''",
    );
  });

  it("reads pasted header text and $'\\xNN' bytes as the bytes curl would send", () => {
    expect(parseCurl("curl https://x.test -H 'X: café' -A é").headers).toEqual([
      ['X', 'caf\xc3\xa9'],
      ['User-Agent', '\xc3\xa9'],
    ]);
    expect(parseCurl("curl https://x.test -H $'X: caf\\xe9\\x41'").headers).toEqual([['X', 'caf\xe9A']]);
    expect(parseCurl("curl https://x.test --data-raw $'\\xff'").bodyBase64).toBe(
      Buffer.from([0xff]).toString('base64'),
    );
  });
});

describe('toCurl never writes a control character a terminal would act on', () => {
  // ESC, BEL and the C1 controls (CSI is U+009B): printed or pasted raw, a sender's bytes would drive the terminal.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const raw = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/;
  const hostile = '\x1b]0;owned\x07\x1b[2J\u009b31m\x7f';

  it('pipes such a body as base64, escapes it in a URL or header, and reads back the same request', () => {
    const request = {
      method: 'POST',
      url: `https://x.test/a${hostile}`,
      headers: [
        ['X-Utf8-C1', 'a\xc2\x9bb'],
        ['X-Byte', 'a\x1bb'],
      ] as [string, string][],
      body: `{"note":"${hostile}"}\r\n`,
    };
    const command = toCurl(request);
    expect(command).not.toMatch(raw);
    const parsed = parseCurl(command);
    expect([parsed.method, parsed.url, parsed.headers, parsed.body]).toEqual([
      request.method,
      request.url,
      request.headers,
      request.body,
    ]);
  });

  it('whatever the body, header values and URL hold (fuzz)', () => {
    const controlled = fc.string({ unit: 'binary', maxLength: 40 });
    fc.assert(
      fc.property(controlled, controlled, controlled, (path, value, body) => {
        const command = toCurl({
          method: 'POST',
          url: `https://x.test/${path}`,
          headers: [['X-V', value.replace(/[\u0100-\uffff]/g, '')]],
          body,
        });
        expect(command).not.toMatch(raw);
      }),
      { numRuns: 300 },
    );
  });

  it('and bash hands curl the same bytes', () => {
    const shell = spawnSync('bash', ['--version']);
    if (shell.status !== 0) return void console.warn('bash not available: skipped the shell check');
    const command = toCurl({
      method: 'POST',
      url: 'https://x.test/\x1b[2J',
      headers: [['X-A', 'a\xc2\x9bb\x1b']],
      body: 'x',
    });
    const out = spawnSync('bash', ['--norc', '-c', `curl() { printf '%s\\0' "$@"; }; ${command}`]);
    const words = out.stdout.toString('latin1').split('\0');
    // -g: the URL holds a `[`, which curl would otherwise read as a range.
    expect(words.slice(0, 6)).toEqual([
      '-g',
      '-X',
      'POST',
      'https://x.test/\x1b[2J',
      '-H',
      'X-A: a\xc2\x9bb\x1b',
    ]);
  });
});
