import { describe, expect, it } from 'vitest';
import { importHarEntry, replayToServer } from './har-replay';
import { useApiHarness } from './helpers';

const api = useApiHarness();
const call = api.call;

const importOne = (path: string, headers: Array<{ name: string; value: string }>) =>
  importHarEntry(api, path, headers, { httpVersion: 'http/2.0' });
const replayed = (captureId: number, path: string) => replayToServer(api, captureId, path);

describe('a Chrome HTTP/2 HAR capture', () => {
  it('is imported without pseudo-headers, :authority as Host, and replays', async () => {
    const capture = await importOne('/h2', [
      { name: ':method', value: 'POST' },
      { name: ':authority', value: 'hooks.example.com' },
      { name: ':scheme', value: 'https' },
      { name: ':path', value: '/h2' },
      { name: 'content-type', value: 'application/json' },
      { name: 'x-trace', value: '1' },
    ]);
    expect(capture.headers).toEqual([
      ['Host', 'hooks.example.com'],
      ['content-type', 'application/json'],
      ['x-trace', '1'],
    ]);
    const curl = (await call('captures.export', { ids: [capture.id], format: 'curl', redact: false }))
      .value as { content: string };
    expect(curl.content).not.toContain(':method');
    const delivery = await replayed(capture.id, '/replayed-h2');
    expect(delivery.state).toBe('succeeded');
    const got = api.server.received.find((r) => r.url === '/replayed-h2')!;
    expect(got.headers['x-trace']).toBe('1');
    expect(got.body.toString()).toBe('{"a":1}');
  });

  it('keeps a Host header it already has', async () => {
    const capture = await importOne('/h2-host', [
      { name: ':authority', value: 'a.example.com' },
      { name: 'host', value: 'b.example.com' },
    ]);
    expect(capture.headers).toEqual([['host', 'b.example.com']]);
  });
});

describe('replay of a capture with a header name no HTTP client can send', () => {
  it('leaves that header out instead of failing the delivery', async () => {
    const capture = await importOne('/bad-name', [
      { name: 'Bad Name', value: 'x' },
      { name: 'X-Good', value: 'y' },
    ]);
    // Kept as captured: the capture is evidence.
    expect(capture.headers).toContainEqual(['Bad Name', 'x']);
    const delivery = await replayed(capture.id, '/replayed-bad-name');
    expect(delivery.lastError).toBeNull();
    expect(delivery.state).toBe('succeeded');
    // The delivery shows what was sent.
    expect(delivery.headers.map(([n]) => n)).not.toContain('Bad Name');
    const got = api.server.received.find((r) => r.url === '/replayed-bad-name')!;
    expect(got.headers['x-good']).toBe('y');
    expect(got.rawHeaders.map((h) => h.toLowerCase())).not.toContain('bad name');
  });
});

describe('replay of a capture with a header value no HTTP client can send', () => {
  it('leaves a value with a line break or a NUL out instead of failing the delivery', async () => {
    const capture = await importOne('/bad-value', [
      { name: 'X-Split', value: 'a\r\nX-Injected: 1' },
      { name: 'X-Nul', value: 'a\u0000b' },
      { name: 'X-Good', value: 'y' },
    ]);
    // Kept as captured: the capture is evidence.
    expect(capture.headers).toContainEqual(['X-Split', 'a\r\nX-Injected: 1']);
    const delivery = await replayed(capture.id, '/replayed-bad-value');
    expect(delivery.lastError).toBeNull();
    expect(delivery.state).toBe('succeeded');
    // Content-Type from the HAR's postData.mimeType: these headers have none.
    expect(delivery.headers.map(([n]) => n)).toEqual(['X-Good', 'Content-Type']);
    const got = api.server.received.find((r) => r.url === '/replayed-bad-value')!;
    expect(got.headers['x-good']).toBe('y');
    expect(got.headers['x-split']).toBeUndefined();
    expect(got.headers['x-injected']).toBeUndefined();
    expect(got.headers['x-nul']).toBeUndefined();
  });
});

describe('a HAR header value with text past Latin-1', () => {
  it('is stored as its UTF-8 bytes, as the receiver stores them, and replays as those bytes', async () => {
    const capture = await importOne('/utf8-value', [
      { name: 'X-Price', value: 'Zoë pays 5 €' },
      { name: 'X-Latin1', value: 'café' },
    ]);
    expect(capture.headers).toEqual([
      ['X-Price', Buffer.from('Zoë pays 5 €', 'utf8').toString('latin1')],
      // One byte per character already: kept as written.
      ['X-Latin1', 'café'],
    ]);
    const delivery = await replayed(capture.id, '/replayed-utf8-value');
    expect(delivery.lastError).toBeNull();
    expect(delivery.state).toBe('succeeded');
    const got = api.server.received.find((r) => r.url === '/replayed-utf8-value')!;
    expect(Buffer.from(got.headers['x-price'] as string, 'latin1').toString('utf8')).toBe('Zoë pays 5 €');
  });
});
