import { execFile, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCurl } from '../../../electron/shared/send/curl';
import { buildOutgoing, type DraftRequest } from '../../../electron/shared/send/outgoing';
import { curlFor } from '../../../renderer/src/features/compose/PreviewPanel';
import { draftFromCurl, emptyDraft, enabledHeaders } from '../../../renderer/src/features/compose/state';

const execFileAsync = promisify(execFile);
const form = 'application/x-www-form-urlencoded';

/** What the composer sends for a pasted command. */
function sentFor(command: string) {
  const draft = draftFromCurl(parseCurl(command), { ...emptyDraft, merge: false });
  return buildOutgoing({ ...draft, headers: enabledHeaders(draft.headers) }, {});
}

const contentTypes = (headers: [string, string][]) =>
  headers.filter(([name]) => name.toLowerCase() === 'content-type').map(([, value]) => value);

describe('a pasted cURL command is labelled as curl labels its data', () => {
  it('sends the Content-Type real curl sends, for every data option (checked against curl)', async () => {
    if (spawnSync('curl', ['--version']).status !== 0)
      return void console.warn('curl not available: skipped');
    const seen: (string | undefined)[] = [];
    const server = createServer((req, res) => {
      seen.push(req.headers['content-type']);
      req.resume().on('end', () => res.end('ok'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    try {
      for (const args of [
        ['-d', '{"a":1}'],
        ['--data', 'a=1'],
        ['--data-raw', 'a=1'],
        ['--data-binary', 'a=1'],
        ['--data-urlencode', 'a=b c'],
        ['--data-ascii', 'a=1'],
        ['-H', 'Content-Type:', '--data-raw', 'a=1'],
        ['-H', 'content-type: text/csv', '-d', 'a,b'],
        ['--json', '{"a":1}'],
        ['-G', '-d', 'a=1'],
      ]) {
        await execFileAsync('curl', ['-sS', '-o', '/dev/null', url, ...args]);
        const command = `curl ${url} ${args.map((a) => `'${a}'`).join(' ')}`;
        const sent = sentFor(command);
        expect(contentTypes(sent.headers), command).toEqual(seen.at(-1) === undefined ? [] : [seen.at(-1)]);
      }
    } finally {
      server.close();
    }
  });

  it('labels -d data a form, and warns when the body reads as JSON or XML', () => {
    const parsed = parseCurl(`curl -d '{"a":1}' https://x.test/hook`);
    expect(parsed.headers).toEqual([['Content-Type', form]]);
    expect(parsed.warnings).toEqual([
      `-d: curl labels this body ${form} (its default for -d), though it reads as JSON; it is sent so, as curl would send it — change the Content-Type header to application/json if the receiver expects that`,
    ]);
    expect(parseCurl(`curl --data-binary '<a>1</a>' https://x.test/hook`).warnings).toEqual([
      expect.stringMatching(/^--data-binary: .* reads as XML; .* to application\/xml /),
    ]);
    // A form body, or JSON with its own type, needs no warning.
    expect(parseCurl(`curl -d a=1 https://x.test/hook`).warnings).toEqual([]);
    expect(
      parseCurl(`curl -H 'Content-Type: application/json' -d '{"a":1}' https://x.test/hook`).warnings,
    ).toEqual([]);
    expect(parseCurl(`curl --json '{"a":1}' https://x.test/hook`).warnings).toEqual([]);
  });

  it("sends no Content-Type for `-H 'Content-Type:'`, not a detected one", () => {
    const sent = sentFor(`curl -H 'Content-Type:' --data-raw '{"a":1}' https://x.test/hook`);
    expect(sent.errors).toEqual([]);
    expect(contentTypes(sent.headers)).toEqual([]);
    expect(parseCurl(`curl -H 'Content-Type:' --data-raw '{"a":1}' https://x.test/hook`).warnings).toEqual(
      [],
    );
  });
});

describe('Copy as cURL → Paste cURL gives back the same request', () => {
  const nameArb = fc.stringMatching(/^X-[A-Za-z0-9]{1,8}$/);
  const valueArb = fc.stringMatching(/^[!-~]([ -~]{0,15}[!-~])?$/);
  const draftArb = fc.record({
    method: fc.constantFrom('POST', 'PUT', 'PATCH', 'DELETE'),
    path: fc.stringMatching(/^[a-z0-9]{0,8}$/),
    headers: fc.array(fc.tuple(nameArb, valueArb), { maxLength: 3 }),
    contentType: fc.option(fc.constantFrom('application/json', form, 'text/plain; charset=utf-8')),
    body: fc.oneof(
      fc.constantFrom('{"a":1}', 'a=1&b=2', '<a>1</a>', 'plain words', ''),
      fc.string({ maxLength: 40 }).filter((b) => !b.includes('\0')),
    ),
    asCaptured: fc.boolean(),
  });

  it('method, URL, headers and body (property)', () => {
    fc.assert(
      fc.property(draftArb, (d) => {
        const draft: DraftRequest = {
          method: d.method,
          url: `http://127.0.0.1:9/${d.path}`,
          headers: d.contentType === null ? d.headers : [...d.headers, ['Content-Type', d.contentType]],
          auth: { kind: 'none' },
          bodyMode: 'text',
          body: d.body,
          merge: false,
          asCaptured: d.asCaptured,
        };
        const copied = buildOutgoing(draft, {});
        const pasted = sentFor(curlFor(copied, []));
        expect([pasted.method, pasted.url, pasted.headers, pasted.bodyBase64]).toEqual([
          copied.method,
          copied.url,
          copied.headers,
          copied.bodyBase64,
        ]);
      }),
      { numRuns: 300 },
    );
  });
});
