import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from '../../helpers/raw-http';
import { startApp, type TestApp } from '../../helpers/app-server';

// Slack's interactive callbacks are a form with one field, `payload`, holding JSON with the app's verification
// `token`; a redacted export hides the secret fields of JSON carried in a form or query value.
let app: TestApp;
const formats = ['har', 'jsonl', 'json', 'curl'] as const;

async function capture(path: string, headers: Array<[string, string]>, body: string): Promise<number> {
  const res = await send(`${app.receiverUrl}${path}`, { method: 'POST', headers, body });
  expect(res.status).toBe(200);
  return Number(res.headers['x-hookscope-capture-id']);
}

/** The export with every body and URL decoded as far as a reader would (base64, then percent-encoding). */
async function exported(id: number, format: (typeof formats)[number]): Promise<string> {
  const res = await app.rpc<{ content: string }>('captures.export', { format, ids: [id], redact: true });
  if (!res.ok) throw new Error(res.error.message);
  const { content } = res.value;
  const texts = [content];
  if (format === 'jsonl' || format === 'json') {
    const list = (
      format === 'json'
        ? JSON.parse(content)
        : content
            .trim()
            .split('\n')
            .map((l) => JSON.parse(l) as unknown)
    ) as Array<{ bodyBase64: string }>;
    texts.push(...list.map((c) => Buffer.from(c.bodyBase64, 'base64').toString('utf8')));
  }
  return texts.map((t) => decodeURIComponent(t.replace(/\+/g, ' '))).join('\n');
}

beforeAll(async () => {
  app = await startApp({ serveUi: false });
});
afterAll(async () => app.close());

const payload = JSON.stringify({
  type: 'block_actions',
  token: 'SLACKTOKEN1',
  team: { id: 'T0001', domain: 'team-visible' },
  response_url: 'https://hooks.example.com/actions?sig=SLACKSIG2',
});

describe('a redacted export hides the secret fields of JSON inside a pair', () => {
  it.each(formats)('%s: a form field', async (format) => {
    const id = await capture(
      '/slack',
      [['Content-Type', 'application/x-www-form-urlencoded']],
      `payload=${encodeURIComponent(payload)}`,
    );
    const content = await exported(id, format);
    expect(content).not.toContain('SLACKTOKEN1');
    expect(content).not.toContain('SLACKSIG2');
    expect(content).toContain('team-visible');
    expect(content).toContain('block_actions');
  });

  it.each(formats)('%s: a query parameter', async (format) => {
    const id = await capture(`/slack?payload=${encodeURIComponent(payload)}`, [], '');
    const content = await exported(id, format);
    expect(content).not.toContain('SLACKTOKEN1');
    expect(content).toContain('team-visible');
  });
});

describe('a redacted export hides the secret fields of JSON inside a JSON string', () => {
  // Amazon SNS delivers the message as a JSON string in `Message`; others send a `data` field as text.
  const body = JSON.stringify({
    Type: 'Notification',
    Message: JSON.stringify({
      event: 'order.paid',
      api_key: 'SNSKEY3',
      nested: JSON.stringify({ password: 'SNSPW4' }),
    }),
    Subject: 'subject-visible',
  });

  it.each(formats)('%s: a JSON body', async (format) => {
    const id = await capture('/sns', [['Content-Type', 'application/json']], body);
    const content = await exported(id, format);
    expect(content).not.toContain('SNSKEY3');
    expect(content).not.toContain('SNSPW4');
    expect(content).toContain('order.paid');
    expect(content).toContain('subject-visible');
  });

  it.each(formats)('%s: a JSON body cut off', async (format) => {
    const id = await capture('/sns', [['Content-Type', 'application/json']], body.slice(0, -30));
    const content = await exported(id, format);
    expect(content).not.toContain('SNSKEY3');
    expect(content).toContain('order.paid');
  });
});
