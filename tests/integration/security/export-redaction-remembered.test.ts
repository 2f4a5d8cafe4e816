import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { send } from '../../helpers/raw-http';
import { startApp, type TestApp } from '../../helpers/app-server';

// A capture keeps the secret it arrived with: exports must still redact it once its endpoint no longer names it.
let app: TestApp;
const formats = ['har', 'jsonl', 'json', 'curl'] as const;

async function rpc<T>(method: string, input: unknown): Promise<T> {
  const res = await app.rpc<T>(method, input);
  if (!res.ok) throw new Error(res.error.message);
  return res.value;
}

async function capture(path: string, headers: Array<[string, string]> = []): Promise<number> {
  const res = await send(`${app.receiverUrl}${path}`, { method: 'POST', headers, body: 'a' });
  return Number(res.headers['x-hookscope-capture-id']);
}

async function expectRedacted(id: number, secret: string) {
  for (const format of formats) {
    const { content } = await rpc<{ content: string }>('captures.export', {
      format,
      ids: [id],
      redact: true,
    });
    expect(content, `${secret} leaked in ${format}`).not.toContain(secret);
    expect(content).toMatch(/\[redacted\]|%5Bredacted%5D/);
  }
}

beforeAll(async () => {
  app = await startApp({ serveUi: false });
});
afterAll(async () => app.close());

describe("an endpoint's auth and signature names stay secret in exports", () => {
  it('after the endpoint is deleted (header auth)', async () => {
    const { id } = await rpc<{ id: number }>('endpoints.create', {
      slug: 'tmp',
      name: 'Tmp',
      auth: { kind: 'header', name: 'X-Custom-Pass', value: 'DELSECRET_D' },
    });
    const captureId = await capture('/h/tmp/x', [['X-Custom-Pass', 'DELSECRET_D']]);
    await expectRedacted(captureId, 'DELSECRET_D');
    await rpc('endpoints.delete', { id });
    await expectRedacted(captureId, 'DELSECRET_D');
  });

  it('after the auth header is renamed, or the auth removed', async () => {
    const { id } = await rpc<{ id: number }>('endpoints.create', {
      slug: 'renamed',
      name: 'Renamed',
      auth: { kind: 'header', name: 'X-Old-Pass', value: 'OLDSECRET_R' },
    });
    const captureId = await capture('/h/renamed/x', [['X-Old-Pass', 'OLDSECRET_R']]);
    await rpc('endpoints.update', { id, auth: { kind: 'header', name: 'X-New-Pass', value: 'v' } });
    await expectRedacted(captureId, 'OLDSECRET_R');
    await rpc('endpoints.update', { id, auth: { kind: 'none' } });
    await expectRedacted(captureId, 'OLDSECRET_R');
  });

  it('after a query-auth endpoint is deleted', async () => {
    const { id } = await rpc<{ id: number }>('endpoints.create', {
      slug: 'pinned',
      name: 'Pinned',
      auth: { kind: 'query', name: 'pin', value: 'QSECRET_P' },
    });
    const captureId = await capture('/h/pinned/x?pin=QSECRET_P&page=2');
    await rpc('endpoints.delete', { id });
    await expectRedacted(captureId, 'QSECRET_P');
  });

  it("the endpoint's signature header, also after the verify settings change", async () => {
    const { id } = await rpc<{ id: number }>('endpoints.create', {
      slug: 'signed',
      name: 'Signed',
      verify: { scheme: 'hmac', secret: 's', header: 'X-Ortto-Hash', algorithm: 'sha256', encoding: 'hex' },
    });
    const captureId = await capture('/h/signed/x', [['X-Ortto-Hash', 'SIGSECRET_V']]);
    await rpc('endpoints.update', { id, verify: null });
    await expectRedacted(captureId, 'SIGSECRET_V');
  });

  it('in `hookscope export`, after the endpoint is deleted', async () => {
    const { id } = await rpc<{ id: number }>('endpoints.create', {
      slug: 'cli',
      name: 'Cli',
      auth: { kind: 'header', name: 'X-Cli-Pass', value: 'CLISECRET_C' },
    });
    await capture('/h/cli/x', [['X-Cli-Pass', 'CLISECRET_C']]);
    await rpc('endpoints.delete', { id });
    for (const format of formats) {
      const out: string[] = [];
      const code = await main(['export', '--data-dir', app.dataDir, '--format', format], {
        stdout: (s: string) => out.push(s),
        stderr: () => {},
      });
      expect(code).toBe(0);
      expect(out.join('')).toContain('/h/cli/x');
      expect(out.join(''), format).not.toContain('CLISECRET_C');
    }
  });
});
