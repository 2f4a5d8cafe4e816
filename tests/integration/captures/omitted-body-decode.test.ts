import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaptureDetail } from '../../../electron/shared/contract/captures';
import { ApiError } from '../../../electron/shared/contract/errors';
import { send } from '../../helpers/raw-http';
import { useTestEngine } from '../../helpers/test-engine';

const t = useTestEngine();
const limit = 256 * 1024;

const call = async <T>(method: string, input: unknown) =>
  (await (t.engine.handlers as unknown as Record<string, (i: unknown, m: unknown) => unknown>)[method]!(
    input,
    {
      transport: 'in-process',
    },
  )) as T;

async function capture(path: string, body: Buffer, encoding: string): Promise<number> {
  const res = await send(`${t.engine.receiverUrl}${path}`, {
    method: 'POST',
    body,
    headers: [
      ['Content-Encoding', encoding],
      ['Content-Type', 'text/plain'],
    ],
  });
  expect(res.status).toBe(200);
  return Number(res.headers['x-hookscope-capture-id']);
}

const get = (id: number, inlineBodyMaxBytes?: number) =>
  call<CaptureDetail>('captures.get', { id, inlineBodyMaxBytes });
const bodyOf = async (id: number, form: 'received' | 'decoded') =>
  Buffer.from((await call<{ bodyBase64: string }>('captures.body', { id, form })).bodyBase64, 'base64');

// 80 MB of one byte gzipped to about 80 KB, under the inline limit as received; the decode cap is 64 MB.
let bomb: Buffer;
beforeAll(() => {
  bomb = gzipSync(Buffer.alloc(80 * 1024 * 1024, 0x7b));
});

describe('captures.get leaving a body out', () => {
  it('does not expand a gzip bomb to find it too big: the decoded form is offered, and captures.body says why it is not', async () => {
    expect(bomb.length).toBeLessThan(limit);
    const id = await capture('/omit/bomb', bomb, 'gzip');
    // Only a decode that ran to the 64 MB cap could know this is a bomb; a decode bounded by the limit cannot.
    expect(await get(id, limit)).toMatchObject({
      bodyOmitted: true,
      bodyBase64: '',
      decodedBodyBase64: '',
      decodeNote: null,
    });
    expect((await bodyOf(id, 'received')).equals(bomb)).toBe(true);
    const refused = await bodyOf(id, 'decoded').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).code).toBe('invalid_input');
    expect((refused as ApiError).message).toMatch(
      /^form: capture \d+'s Content-Encoding cannot be undone: .*64 MB/,
    );
    // Asked whole, the answer decodes as far as the cap, as before.
    expect(await get(id)).toMatchObject({
      decodedBodyBase64: null,
      decodeNote: expect.stringMatching(/64 MB/),
    });
  });

  it('inlines a body that fits received and decoded, exactly as without a limit', async () => {
    const text = Buffer.from('fits '.repeat(10_000));
    const id = await capture('/omit/fits', gzipSync(text), 'gzip');
    const bounded = await get(id, limit);
    expect(bounded).toEqual(await get(id));
    expect(bounded.bodyOmitted).toBeUndefined();
    expect(Buffer.from(bounded.decodedBodyBase64!, 'base64').equals(text)).toBe(true);
  });

  it('leaves out a body long as received, offering its decoded form', async () => {
    const text = randomBytes(300 * 1024); // incompressible: received longer than the limit
    const id = await capture('/omit/long', gzipSync(text), 'gzip');
    expect(await get(id, limit)).toMatchObject({
      bodyOmitted: true,
      bodyBase64: '',
      decodedBodyBase64: '',
      decodeNote: null,
    });
    expect((await bodyOf(id, 'decoded')).equals(text)).toBe(true);
  });

  it('keeps the note of a coding that cannot be undone from its first bytes, left out or not', async () => {
    const junk = randomBytes(300 * 1024);
    const id = await capture('/omit/junk', junk, 'gzip');
    const left = await get(id, limit);
    expect(left).toMatchObject({ bodyOmitted: true, bodyBase64: '', decodedBodyBase64: null });
    expect(left.decodeNote).toBe((await get(id)).decodeNote);
    expect(left.decodeNote).toMatch(/Could not undo Content-Encoding "gzip"/);
  });
});
