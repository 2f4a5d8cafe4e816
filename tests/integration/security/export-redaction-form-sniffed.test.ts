import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from '../../helpers/raw-http';
import { startApp, type TestApp } from '../../helpers/app-server';

// The decoder reads `name=value&…` as a form whatever the Content-Type says; a redacted export must hide its secret
// fields just as it does under application/x-www-form-urlencoded.
let app: TestApp;
const formats = ['har', 'jsonl', 'json', 'curl'] as const;

async function capture(headers: Array<[string, string]>, body: string): Promise<number> {
  const res = await send(`${app.receiverUrl}/hook`, { method: 'POST', headers, body });
  expect(res.status).toBe(200);
  return Number(res.headers['x-hookscope-capture-id']);
}

/** The export as a reader sees it: JSON and JSONL carry bodies as base64, so their decoded text is added. */
async function exported(id: number, format: (typeof formats)[number]): Promise<string> {
  const res = await app.rpc<{ content: string }>('captures.export', { format, ids: [id], redact: true });
  if (!res.ok) throw new Error(res.error.message);
  const { content } = res.value;
  if (format === 'har' || format === 'curl') return content;
  const list = (
    format === 'json'
      ? JSON.parse(content)
      : content
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as unknown)
  ) as Array<{ bodyBase64: string }>;
  return [content, ...list.map((c) => Buffer.from(c.bodyBase64, 'base64').toString('utf8'))].join('\n');
}

beforeAll(async () => {
  app = await startApp({ serveUi: false });
});
afterAll(async () => app.close());

describe('a redacted export hides the secret fields of a form body', () => {
  const cases: Array<[string, Array<[string, string]>]> = [
    ['sent with no Content-Type', []],
    ['sent as text/plain', [['Content-Type', 'text/plain']]],
  ];
  for (const [label, headers] of cases)
    it.each(formats)(`%s: ${label}`, async (format) => {
      const id = await capture(
        headers,
        'wpf_action=update&access_key=SNIFFKEY1&password=SNIFFPW2&contact_id=8',
      );
      const content = await exported(id, format);
      expect(content).not.toContain('SNIFFKEY1');
      expect(content).not.toContain('SNIFFPW2');
      expect(content).toContain('contact_id=8');
      expect(content).toContain('wpf_action=update');
    });

  it.each(formats)('%s: plain text that is no form is kept as sent', async (format) => {
    const id = await capture([['Content-Type', 'text/plain']], 'the password is not here = fine');
    expect(await exported(id, format)).toContain('the password is not here = fine');
  });
});
