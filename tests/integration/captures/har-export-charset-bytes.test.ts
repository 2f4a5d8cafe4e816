import { describe, expect, it } from 'vitest';
import { textInCharset } from '../../../electron/engine/captures/text-in-charset';
import { charsetOf } from '../../../electron/shared/decode/charset';
import { useTestEngine } from '../../helpers/test-engine';

const meta = { transport: 'in-process' } as const;

type HarBody = { mimeType: string; text: string; encoding?: string; _encoding?: string };
type HarEntry = { request: { postData: HarBody }; response: { content: HarBody } };

/** What a HAR importer that knows nothing of Hookscope reads: base64 as bytes, text in the charset its type declares. */
function genericBytes(body: HarBody): string {
  if ((body.encoding ?? body._encoding) === 'base64') return Buffer.from(body.text, 'base64').toString('hex');
  const bytes = textInCharset(body.text, charsetOf(body.mimeType) ?? 'utf-8');
  if (bytes === null) throw new Error(`${body.mimeType} cannot hold ${JSON.stringify(body.text)}`);
  return bytes.toString('hex');
}

// Bytes that read as valid UTF-8 but are declared in another charset: as UTF-8 text they would be written back in that
// charset as different bytes (c3 a9 read as UTF-8 is 'é', which ISO-8859-1 writes as e9).
describe('HAR export of a body declared in a charset other than UTF-8', () => {
  const test = useTestEngine();

  async function importOne(path: string, type: string, hex: string) {
    const base64 = Buffer.from(hex, 'hex').toString('base64');
    const har = JSON.stringify({
      log: {
        entries: [
          {
            startedDateTime: '2026-11-20T10:00:00.000Z',
            request: {
              method: 'POST',
              url: `https://hooks.example.com${path}`,
              headers: [{ name: 'Content-Type', value: type }],
              postData: { mimeType: type, text: base64, _encoding: 'base64' },
            },
            response: {
              status: 200,
              headers: [{ name: 'Content-Type', value: type }],
              content: { mimeType: type, text: base64, encoding: 'base64' },
            },
          },
        ],
      },
    });
    expect((await test.engine.handlers['captures.importHar']({ har, duplicates: true }, meta)).imported).toBe(
      1,
    );
    const { items } = await test.engine.handlers['captures.list']({ limit: 100 }, meta);
    return items.filter((c) => c.path === path).map((c) => c.id);
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
    ['text/plain; charset=iso-8859-1', 'c3a9'],
    ['text/plain; charset=windows-1251', 'd0b6'],
    ['text/plain; charset=utf-16le', '6869'],
    ['text/plain; charset=x-unknown-charset', 'c3a9'],
  ])('%s %s: a generic importer reads the same bytes', async (type, hex) => {
    const [id] = await importOne(`/generic-${hex}-${charsetOf(type)}`, type, hex);
    const entry = entryOf(await exportHar(id!));
    expect(genericBytes(entry.request.postData)).toBe(hex);
    expect(genericBytes(entry.response.content)).toBe(hex);
  });

  it('still writes text a charset reads the same as UTF-8 (ASCII in ISO-8859-1), and UTF-8 text under utf-8', async () => {
    const [ascii] = await importOne('/ascii', 'text/plain; charset=iso-8859-1', '636166');
    expect(entryOf(await exportHar(ascii!)).request.postData).toMatchObject({ text: 'caf' });
    const [utf8] = await importOne('/utf8', 'text/plain; charset=utf-8', 'c3a9');
    expect(entryOf(await exportHar(utf8!)).response.content).toEqual(expect.objectContaining({ text: 'é' }));
  });

  it("round-trips byte-exact through Hookscope's own importer", async () => {
    const [id] = await importOne('/round-trip', 'text/plain; charset=iso-8859-1', 'c3a9');
    const again = await test.engine.handlers['captures.importHar'](
      { har: await exportHar(id!), duplicates: true },
      meta,
    );
    expect(again.imported).toBe(1);
    const { items } = await test.engine.handlers['captures.list']({ limit: 100 }, meta);
    const copyId = items.find((c) => c.path === '/round-trip' && c.id !== id)!.id;
    const copy = await test.engine.handlers['captures.get']({ id: copyId }, meta);
    expect(Buffer.from(copy.bodyBase64, 'base64').toString('hex')).toBe('c3a9');
    expect(Buffer.from(copy.response!.bodyBase64, 'base64').toString('hex')).toBe('c3a9');
  });
});
