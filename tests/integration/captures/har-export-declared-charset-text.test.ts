import { describe, expect, it } from 'vitest';
import { textInCharset } from '../../../electron/engine/captures/text-in-charset';
import { charsetOf } from '../../../electron/shared/decode/charset';
import { useTestEngine } from '../../helpers/test-engine';

const meta = { transport: 'in-process' } as const;

type HarBody = { mimeType: string; text: string; encoding?: string; _encoding?: string };
type HarEntry = {
  request: { postData: HarBody };
  response: { content: HarBody };
  _hookscope: Record<string, unknown>;
};

// A body in a declared charset other than UTF-8 (not valid UTF-8 itself) is exported as the characters that charset
// reads, as HAR means text, and marked so Hookscope's own importer writes them back in that charset.
describe('HAR export of a body as text in its declared charset', () => {
  const test = useTestEngine();

  const entryWith = (path: string, type: string, post: object, content: object, hookscope?: object) =>
    JSON.stringify({
      log: {
        entries: [
          {
            startedDateTime: '2026-11-20T10:00:00.000Z',
            request: {
              method: 'POST',
              url: `https://hooks.example.com${path}`,
              headers: [{ name: 'Content-Type', value: type }],
              postData: { mimeType: type, ...post },
            },
            response: { status: 200, headers: [{ name: 'Content-Type', value: type }], content },
            ...(hookscope ? { _hookscope: hookscope } : {}),
          },
        ],
      },
    });

  async function importHar(har: string): Promise<void> {
    expect((await test.engine.handlers['captures.importHar']({ har, duplicates: true }, meta)).imported).toBe(
      1,
    );
  }
  async function idsAt(path: string): Promise<number[]> {
    const { items } = await test.engine.handlers['captures.list']({ limit: 100 }, meta);
    return items.filter((c) => c.path === path).map((c) => c.id);
  }
  async function bodiesHex(id: number): Promise<[string, string]> {
    const capture = await test.engine.handlers['captures.get']({ id }, meta);
    return [
      Buffer.from(capture.bodyBase64, 'base64').toString('hex'),
      Buffer.from(capture.response!.bodyBase64, 'base64').toString('hex'),
    ];
  }
  const exportHar = async (id: number) =>
    (
      await test.engine.handlers['captures.export'](
        { format: 'har', ids: [id], redact: false, limit: 1 },
        meta,
      )
    ).content;
  const entryOf = (har: string) => (JSON.parse(har) as { log: { entries: HarEntry[] } }).log.entries[0]!;

  it.each([
    ['text/plain; charset=iso-8859-1', '636166e9', 'café'],
    ['text/plain; charset=windows-1251', 'eff0e8e2e5f2', 'привет'],
  ])('%s %s: exported as the text %s, and re-imported byte for byte', async (type, hex, text) => {
    const path = `/declared-${charsetOf(type)}`;
    const base64 = Buffer.from(hex, 'hex').toString('base64');
    await importHar(
      entryWith(path, type, { text: base64, _encoding: 'base64' }, { text: base64, encoding: 'base64' }),
    );
    const [id] = await idsAt(path);
    const har = await exportHar(id!);
    const entry = entryOf(har);

    expect(entry.request.postData).toEqual({ mimeType: type, text });
    expect(entry.response.content).toMatchObject({ mimeType: type, text });
    expect(entry.response.content).not.toHaveProperty('encoding');
    expect(entry._hookscope).toMatchObject({
      requestTextInDeclaredCharset: true,
      responseTextInDeclaredCharset: true,
    });
    // What an importer that knows nothing of Hookscope does with text: encodes it in the declared charset.
    expect(textInCharset(entry.request.postData.text, charsetOf(type)!)?.toString('hex')).toBe(hex);
    expect(textInCharset(entry.response.content.text, charsetOf(type)!)?.toString('hex')).toBe(hex);

    await importHar(har);
    const copy = (await idsAt(path)).find((other) => other !== id)!;
    expect(await bodiesHex(copy)).toEqual([hex, hex]);
  });

  it('marks only the body written in its charset: a UTF-8 request beside a latin-1 response', async () => {
    const path = '/mixed';
    await importHar(
      JSON.stringify({
        log: {
          entries: [
            {
              startedDateTime: '2026-11-20T10:00:00.000Z',
              request: {
                method: 'POST',
                url: `https://hooks.example.com${path}`,
                headers: [{ name: 'Content-Type', value: 'text/plain; charset=utf-8' }],
                postData: { mimeType: 'text/plain; charset=utf-8', text: 'café' },
              },
              response: {
                status: 200,
                headers: [{ name: 'Content-Type', value: 'text/plain; charset=iso-8859-1' }],
                content: { text: Buffer.from('636166e9', 'hex').toString('base64'), encoding: 'base64' },
              },
            },
          ],
        },
      }),
    );
    const [id] = await idsAt(path);
    const har = await exportHar(id!);
    const entry = entryOf(har);
    expect(entry._hookscope).not.toHaveProperty('requestTextInDeclaredCharset');
    expect(entry._hookscope).toMatchObject({ responseTextInDeclaredCharset: true });
    expect([entry.request.postData.text, entry.response.content.text]).toEqual(['café', 'café']);

    await importHar(har);
    const copy = (await idsAt(path)).find((other) => other !== id)!;
    expect(await bodiesHex(copy)).toEqual(['636166c3a9', '636166e9']);
  });

  it("reads an older export's text as UTF-8 whatever the charset (no marker)", async () => {
    const path = '/older-export';
    const type = 'text/plain; charset=iso-8859-1';
    await importHar(entryWith(path, type, { text: 'Ã©' }, { text: 'Ã©' }, { path }));
    const [id] = await idsAt(path);
    expect(await bodiesHex(id!)).toEqual(['c383c2a9', 'c383c2a9']);
  });
});
