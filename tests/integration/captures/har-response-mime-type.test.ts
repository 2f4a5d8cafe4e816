import { describe, expect, it } from 'vitest';
import { useTestEngine } from '../../helpers/test-engine';

const meta = { transport: 'in-process' } as const;
const latin1Type = 'text/plain; charset=iso-8859-1';

type HarHeader = { name: string; value: string };
type HarContent = { mimeType: string; text: string; encoding?: string };

// A response typed by its HAR's content.mimeType alone (no Content-Type header) is stored in that type's charset:
// the type is kept beside it, so the body can be read, redacted and exported as the text it is.
describe('an imported response typed only by content.mimeType', () => {
  const test = useTestEngine();

  async function importOne(path: string, headers: HarHeader[], content: HarContent, extra = {}) {
    const har = JSON.stringify({
      log: {
        entries: [
          {
            startedDateTime: '2026-11-20T10:00:00.000Z',
            request: { method: 'POST', url: `https://hooks.example.com${path}`, headers: [] },
            response: { status: 200, headers, content },
            ...extra,
          },
        ],
      },
    });
    const result = await test.engine.handlers['captures.importHar']({ har, duplicates: true }, meta);
    expect(result.imported).toBe(1);
    const { items } = await test.engine.handlers['captures.list']({ limit: 100 }, meta);
    const id = items.find((c) => c.path === path)!.id;
    return { id, warnings: result.warnings };
  }
  const detail = (id: number) => test.engine.handlers['captures.get']({ id }, meta);
  const exported = async (id: number, format: 'har' | 'json', redact = false) =>
    (await test.engine.handlers['captures.export']({ format, ids: [id], redact, limit: 1 }, meta)).content;
  const harResponse = async (id: number) =>
    (
      JSON.parse(await exported(id, 'har')) as {
        log: { entries: Array<{ response: { content: HarContent }; _hookscope: Record<string, unknown> }> };
      }
    ).log.entries[0]!;

  it('keeps the type whole with the response', async () => {
    const { id } = await importOne('/latin1', [], { mimeType: latin1Type, text: 'café' });
    const { response } = await detail(id);
    expect(Buffer.from(response!.bodyBase64, 'base64').toString('hex')).toBe('636166e9');
    expect(response!.harMimeType).toBe(latin1Type);
  });

  it('writes the type as the HAR content.mimeType, and a HAR re-import keeps it', async () => {
    const { id } = await importOne('/latin1-har', [], { mimeType: latin1Type, text: 'café' });
    const entry = await harResponse(id);
    expect(entry.response.content.mimeType).toBe(latin1Type);
    // The characters the charset reads, marked so Hookscope's importer writes them back in it.
    expect(entry.response.content).not.toHaveProperty('encoding');
    expect(entry.response.content.text).toBe('café');
    expect(entry._hookscope).toMatchObject({ responseTextInDeclaredCharset: true });

    const again = await test.engine.handlers['captures.importHar'](
      { har: await exported(id, 'har'), duplicates: true },
      meta,
    );
    expect(again.imported).toBe(1);
    const { items } = await test.engine.handlers['captures.list']({ limit: 100 }, meta);
    const copy = await detail(items.filter((c) => c.path === '/latin1-har').at(0)!.id);
    expect(copy.id).not.toBe(id);
    expect(copy.response!.harMimeType).toBe(latin1Type);
    expect(Buffer.from(copy.response!.bodyBase64, 'base64').toString('hex')).toBe('636166e9');
  });

  it('carries the type in the JSON export', async () => {
    const { id } = await importOne('/latin1-json', [], { mimeType: latin1Type, text: 'café' });
    const [item] = JSON.parse(await exported(id, 'json')) as Array<{ response: { harMimeType?: string } }>;
    expect(item!.response.harMimeType).toBe(latin1Type);
  });

  it('reads the body by it when redacting: a secret in a form-encoded response is hidden', async () => {
    const { id } = await importOne('/form', [], {
      mimeType: 'application/x-www-form-urlencoded; charset=iso-8859-1',
      text: 'name=café&access_token=s3cr3t-t0ken',
    });
    const redacted = JSON.parse(await exported(id, 'har', true)) as {
      log: { entries: Array<{ response: { content: HarContent } }> };
    };
    const { content } = redacted.log.entries[0]!.response;
    expect(content.mimeType).toBe('application/x-www-form-urlencoded; charset=iso-8859-1');
    const text =
      content.encoding === 'base64' ? Buffer.from(content.text, 'base64').toString('latin1') : content.text;
    expect(text).toContain('name=café');
    expect(text).not.toContain('s3cr3t-t0ken');
  });

  it('relabels the kept type utf-8 when the text could not be written in its charset, and says so', async () => {
    const { id, warnings } = await importOne('/euro', [], { mimeType: latin1Type, text: 'café 5 €' });
    expect((await detail(id)).response!.harMimeType).toBe('text/plain; charset=utf-8');
    expect(warnings).toEqual([
      expect.stringMatching(/^entries\[0\]\.response\.content\.text: .*mimeType's charset changed to utf-8/),
    ]);
  });

  it('keeps no type when the Content-Type header gives it', async () => {
    const { id } = await importOne('/header', [{ name: 'Content-Type', value: latin1Type }], {
      mimeType: latin1Type,
      text: 'café',
    });
    const { response } = await detail(id);
    expect(Object.keys(response!)).not.toContain('harMimeType');
    expect((await harResponse(id))._hookscope).not.toHaveProperty('responseMimeType');
  });
});
