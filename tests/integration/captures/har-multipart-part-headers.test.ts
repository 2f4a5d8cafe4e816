import { describe, expect, it } from 'vitest';
import { useTestEngine } from '../../helpers/test-engine';

const meta = { transport: 'in-process' } as const;
const boundary = 'XyZ';

/** A HAR entry whose multipart body a tool wrote only as params (no text), so the import rebuilds it. */
const entryWithParams = (params: Array<Record<string, string>>) => ({
  startedDateTime: '2026-11-20T10:00:00.000Z',
  request: {
    method: 'POST',
    url: 'http://example.com/upload',
    headers: [{ name: 'Content-Type', value: `multipart/form-data; boundary=${boundary}` }],
    postData: { mimeType: `multipart/form-data; boundary=${boundary}`, params },
  },
});

/** Each part's header lines, as a multipart reader would take them. */
const partHeaders = (body: string) =>
  body
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((part) => part.slice(2, part.indexOf('\r\n\r\n')).split('\r\n'));

describe('HAR import: a multipart body rebuilt from params', () => {
  const test = useTestEngine();

  it('a line break or NUL in a param name, file name or content type adds no part header, and is named', async () => {
    const { engine } = test;
    const har = {
      log: {
        entries: [
          entryWithParams([
            { name: 'plain', value: 'one', contentType: 'text/plain\r\nX-Injected: type' },
            {
              name: 'upload',
              value: 'two',
              fileName: 'a.txt\r\nX-Injected: file\u0000',
              contentType: 'text/plain',
            },
            { name: 'field\nX-Injected: name\u0000', value: 'three' },
          ]),
        ],
      },
    };
    const result = await engine.handlers['captures.importHar']({ har: JSON.stringify(har) }, meta);
    expect(result.imported).toBe(1);

    const [summary] = (await engine.handlers['captures.list']({ limit: 1 }, meta)).items;
    const capture = await engine.handlers['captures.get']({ id: summary!.id }, meta);
    const body = Buffer.from(capture.bodyBase64, 'base64').toString('utf8');
    const headers = partHeaders(body);
    expect(headers).toHaveLength(3);
    for (const lines of headers) {
      for (const line of lines) expect(line).toMatch(/^(Content-Disposition|Content-Type): [^\0]*$/);
    }
    // Nothing the file held is lost: each value is still in its own header line.
    expect(headers[0]![1]).toContain('X-Injected: type');
    expect(headers[1]![0]).toContain('X-Injected: file');
    expect(headers[2]![0]).toContain('X-Injected: name');
    expect(body).toContain('\r\n\r\none\r\n');
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(
      /^entries\[0\]\.request\.postData\.params\[0\]\.contentType, params\[1\]\.fileName, params\[2\]\.name: /,
    );
  });

  it('ordinary params are rebuilt as a browser writes them, with no warning', async () => {
    const { engine } = test;
    const har = {
      log: {
        entries: [
          entryWithParams([
            { name: 'a', value: '1' },
            { name: 'f', value: 'x', fileName: 'f.txt', contentType: 'text/plain; charset=utf-8' },
          ]),
        ],
      },
    };
    const result = await engine.handlers['captures.importHar'](
      { har: JSON.stringify(har), duplicates: true },
      meta,
    );
    expect(result.warnings).toEqual([]);
    const [summary] = (await engine.handlers['captures.list']({ limit: 1 }, meta)).items;
    const capture = await engine.handlers['captures.get']({ id: summary!.id }, meta);
    expect(Buffer.from(capture.bodyBase64, 'base64').toString('utf8')).toBe(
      `--${boundary}\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="f"; filename="f.txt"\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nx\r\n` +
        `--${boundary}--\r\n`,
    );
  });

  it('a boundary holding a line break is refused for the rebuild, named, and the entry still imported', async () => {
    const { engine } = test;
    const type = 'multipart/form-data; boundary="b\r\nX-Injected: boundary"';
    const entry = entryWithParams([{ name: 'a', value: '1' }]);
    entry.request.headers = [{ name: 'Content-Type', value: type }];
    entry.request.postData.mimeType = type;
    const result = await engine.handlers['captures.importHar'](
      { har: JSON.stringify({ log: { entries: [entry] } }), duplicates: true },
      meta,
    );
    expect(result.imported).toBe(1);
    const [summary] = (await engine.handlers['captures.list']({ limit: 1 }, meta)).items;
    const capture = await engine.handlers['captures.get']({ id: summary!.id }, meta);
    expect(Buffer.from(capture.bodyBase64, 'base64').toString('utf8')).not.toContain('X-Injected');
    expect(result.warnings).toEqual([
      expect.stringMatching(
        /^entries\[0\]\.request\.headers\[0\] \("Content-Type"\): .* left out on replay$/,
      ),
      expect.stringMatching(
        /^entries\[0\]\.request\.postData: the Content-Type boundary .* holds a line break/,
      ),
    ]);
  });
});
