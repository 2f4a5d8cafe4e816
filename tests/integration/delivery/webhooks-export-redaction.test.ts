import { describe, expect, it } from 'vitest';
import { useApiHarness } from './helpers';

// A saved webhooks export is a file people share: its secrets stay behind unless a backup is asked for, and an
// import of a redacted file says what to fill in again instead of sending `[redacted]` in silence.
const api = useApiHarness();

const saved = {
  name: 'Ontraport note',
  method: 'POST',
  url: 'https://user:URLPASS_U@hooks.example/note?token=URLTOKEN_T&contact=[Contact ID]&key={{partnerKey}}',
  headers: [
    ['Authorization', 'Bearer HDRSECRET_H'],
    ['X-Env-Auth', 'Bearer {{token}}'],
    ['Content-Type', 'application/x-www-form-urlencoded'],
    ['X-Visible', 'header-visible'],
  ],
  body: 'Api-Key=BODYSECRET_B&data=[First Name]',
  options: { signing: { scheme: 'standard-webhooks', secret: 'whsec_SIGNSECRET_S' }, timeoutMs: 5000 },
};
const secrets = ['URLPASS_U', 'URLTOKEN_T', 'HDRSECRET_H', 'BODYSECRET_B', 'SIGNSECRET_S'];

async function exportOf(input: Record<string, unknown>) {
  const out = await api.call('webhooks.export', input);
  if (!out.ok) throw new Error(out.error?.message);
  return (out.value as { content: string }).content;
}

describe('webhooks.export', () => {
  it('redacts secret headers, URL tokens, body fields and the signing secret by default; keeps the rest', async () => {
    const saveResult = await api.call('webhooks.save', saved);
    expect(saveResult.ok).toBe(true);
    const content = await exportOf({});
    for (const secret of secrets) expect(content, `${secret} leaked`).not.toContain(secret);
    const [webhook] = (JSON.parse(content) as { webhooks: Array<typeof saved> }).webhooks;
    expect(webhook!.url).toBe(
      'https://user:%5Bredacted%5D@hooks.example/note?token=%5Bredacted%5D&contact=[Contact ID]&key={{partnerKey}}',
    );
    expect(webhook!.headers).toEqual([
      ['Authorization', '[redacted]'],
      ['X-Env-Auth', 'Bearer {{token}}'],
      ['Content-Type', 'application/x-www-form-urlencoded'],
      ['X-Visible', 'header-visible'],
    ]);
    expect(webhook!.body).toBe('Api-Key=%5Bredacted%5D&data=[First Name]');
    expect(webhook!.options).toEqual({
      signing: { scheme: 'standard-webhooks', secret: '[redacted]' },
      timeoutMs: 5000,
    });
  });

  it('keeps every secret with redact: false (a backup), and that imports with nothing to re-enter', async () => {
    const content = await exportOf({ redact: false });
    for (const secret of secrets) expect(content).toContain(secret);
    const imported = await api.call('webhooks.import', { content });
    expect(imported.value).toEqual({ imported: 1, errors: [], redacted: [], ignored: [] });
  });

  it('an import of a redacted export names each field to re-enter', async () => {
    const imported = await api.call('webhooks.import', { content: await exportOf({}) });
    expect(imported.ok).toBe(true);
    const { redacted } = imported.value as { redacted: string[] };
    expect(redacted).toHaveLength(2);
    expect(redacted[0]).toBe(
      'webhooks[0] "Ontraport note": url, headers.Authorization, body, options.signing.secret',
    );
  });
});
