import { randomBytes } from 'node:crypto';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaptureDetail, CaptureSummary } from '../../../electron/shared/contract/captures';
import { send } from '../../helpers/raw-http';
import { useTestEngine } from '../../helpers/test-engine';

const t = useTestEngine();
const limit = 2048;

const call = async <T>(method: string, input: unknown) =>
  (await (t.engine.handlers as unknown as Record<string, (i: unknown, m: unknown) => unknown>)[method]!(
    input,
    { transport: 'in-process' },
  )) as T;

beforeAll(async () => {
  await call('settings.update', { bodyLimitBytes: limit });
});

// Random hex does not compress, so the compressed body is well over the limit and its capture is cut at `limit` bytes.
const payload = (word: string) =>
  Buffer.from(JSON.stringify({ event: word, padding: randomBytes(4000).toString('hex') }));

describe('a compressed body over the size limit', () => {
  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ] as const)(
    'keeps a %s decoded view of the bytes it kept, and is found by its words',
    async (coding, encode) => {
      const word = `okapi${coding}`;
      const res = await send(`${t.engine.receiverUrl}/cut/${coding}`, {
        method: 'POST',
        body: encode(payload(word)),
        headers: [
          ['Content-Encoding', coding],
          ['Content-Type', 'application/json'],
        ],
      });
      expect(res.status).toBe(413);
      const id = Number(res.headers['x-hookscope-capture-id']);
      const detail = await call<CaptureDetail>('captures.get', { id });
      expect(detail.truncated).toBe(true);
      expect(detail.decodedBodyBase64).not.toBeNull();
      const decoded = Buffer.from(detail.decodedBodyBase64!, 'base64').toString();
      expect(decoded.startsWith(`{"event":"${word}","padding":"`)).toBe(true);
      expect(detail.decodeNote).toMatch(new RegExp(`${coding} data ends early`));
      const found = await call<{ items: CaptureSummary[] }>('captures.list', {
        filter: { text: word },
        complete: true,
        limit: 10,
      });
      expect(found.items.map((c) => c.id)).toEqual([id]);
    },
  );

  it('still says why when the bytes are not compressed data at all', async () => {
    const res = await send(`${t.engine.receiverUrl}/cut/junk`, {
      method: 'POST',
      body: randomBytes(5000),
      headers: [['Content-Encoding', 'gzip']],
    });
    const detail = await call<CaptureDetail>('captures.get', {
      id: Number(res.headers['x-hookscope-capture-id']),
    });
    expect(detail.decodedBodyBase64).toBeNull();
    expect(detail.decodeNote).toMatch(/Could not undo Content-Encoding "gzip"/);
  });
});

it('an empty body sent with a Content-Encoding has nothing to undo, and no note saying it could not be', async () => {
  const res = await send(`${t.engine.receiverUrl}/empty/gzip`, {
    method: 'POST',
    body: Buffer.alloc(0),
    headers: [['Content-Encoding', 'gzip']],
  });
  expect(res.status).toBe(200);
  const detail = await call<CaptureDetail>('captures.get', {
    id: Number(res.headers['x-hookscope-capture-id']),
  });
  expect(detail).toMatchObject({ bodyBase64: '', decodedBodyBase64: null, decodeNote: null });
});
