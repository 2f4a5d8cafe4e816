import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/engine';
import { createLogger } from '../../../electron/engine/util/logger';
import { rawExchange, send } from '../../helpers/raw-http';
import { tempDir } from '../../helpers/temp-dir';

const lines: string[] = [];
let engine: Engine;
let dir: ReturnType<typeof tempDir>;
const call = async <T>(method: string, input: unknown) =>
  (await (engine.handlers as unknown as Record<string, (i: unknown, m: unknown) => unknown>)[method]!(input, {
    transport: 'in-process',
  })) as T;

const secrets = [
  'SECRETBEARER-8d7f',
  'SECRETCOOKIE-77',
  'SECRETAPIKEY-12',
  'SECRETPASSWORD-3',
  'SECRETHEADERVALUE-9',
  'SECRETVERIFY-5',
  'SECRETQUERY-1',
] as const;

beforeAll(async () => {
  dir = tempDir();
  engine = await createEngine({
    dataDir: dir.path,
    mode: 'test',
    log: createLogger((line) => lines.push(line)),
  });
});
afterAll(async () => {
  await engine.close();
  dir.cleanup();
});

describe('secrets never reach the logs', () => {
  it('while the engine receives, rejects and stores requests carrying credentials', async () => {
    // Endpoints protected with secrets, configured through the API.
    await call('endpoints.create', {
      slug: 'basic',
      name: 'basic',
      auth: { kind: 'basic', username: 'u', password: secrets[3] },
    });
    await call('endpoints.create', {
      slug: 'hdr',
      name: 'hdr',
      auth: { kind: 'header', name: 'X-Key', value: secrets[4] },
      verify: { scheme: 'hmac', secret: secrets[5], header: 'X-Sig' },
    });
    const url = engine.receiverUrl;
    const credentialHeaders: Array<[string, string]> = [
      ['Authorization', `Bearer ${secrets[0]}`],
      ['Cookie', `sid=${secrets[1]}`],
      ['X-Api-Key', secrets[2]],
    ];
    await send(`${url}/h/basic/x?api_key=${secrets[6]}`, {
      method: 'POST',
      headers: credentialHeaders,
      body: '{}',
    });
    await send(`${url}/h/hdr/x`, {
      method: 'POST',
      headers: [
        ['X-Key', secrets[4]],
        ['X-Sig', 'nope'],
      ],
      body: '{}',
    });
    // Malformed requests and over-limit bodies take the logging paths.
    const port = Number(new URL(url).port);
    await rawExchange(
      port,
      `POST / HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${secrets[0]}\r\nBad Header\r\n\r\n`,
    );
    await rawExchange(
      port,
      `GET / HTTP/1.1\r\nHost: x\r\nCookie: ${secrets[1]}\r\nX-Big: ${'a'.repeat(100_000)}\r\n\r\n`,
    );
    await call('settings.update', { bodyLimitBytes: 1024 });
    await send(`${url}/too-big`, {
      method: 'POST',
      headers: credentialHeaders,
      body: Buffer.alloc(4096, 1),
    }).catch(() => undefined);
    await call('settings.update', { bodyLimitBytes: 25 * 1024 * 1024 });
    await send(`${url}/gz`, {
      method: 'POST',
      headers: [...credentialHeaders, ['Content-Encoding', 'gzip']],
      body: gzipSync('{"a":1}'),
    });
    // A module that fails while holding a request must not drag its credentials into the log.
    engine.ctx.receiverHooks.annotators.push((capture) => {
      throw new Error(`annotator broke on ${capture.headers.map(([n, v]) => `${n}: ${v}`).join(', ')}`);
    });
    await send(`${url}/annotator-fails`, { method: 'POST', headers: credentialHeaders, body: '{}' });
    engine.ctx.receiverHooks.annotators.pop();

    expect(lines.length).toBeGreaterThan(0); // the paths above did log
    const all = lines.join('\n');
    for (const secret of secrets) expect(all, `log contains ${secret}`).not.toContain(secret);
  });

  it('the logger redacts secret fields at any depth, in header lists and in credential-looking text', () => {
    const out: string[] = [];
    const log = createLogger((l) => out.push(l));
    log.info('request', {
      authorization: 'Bearer SECRETA',
      nested: { apiKey: 'SECRETB', deeper: { signingSecret: 'SECRETC' } },
      headers: [
        ['Authorization', 'Basic SECRETD'],
        ['X-Ok', 'visible'],
      ],
      note: 'upstream said: Authorization: Bearer SECRETE',
    });
    const text = out.join('\n');
    for (const s of ['SECRETA', 'SECRETB', 'SECRETC', 'SECRETD', 'SECRETE']) expect(text).not.toContain(s);
    expect(text).toContain('visible');
  });
});
