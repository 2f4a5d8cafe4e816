import { afterEach, describe, expect, it, vi } from 'vitest';

type WithFromBase64 = typeof Uint8Array & { fromBase64?: (base64: string) => Uint8Array };

describe('base64ToBytes', () => {
  afterEach(() => {
    delete (Uint8Array as WithFromBase64).fromBase64;
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it("uses the runtime's native Uint8Array.fromBase64 where there is one (Chromium), not atob's binary string", async () => {
    // Node 22 has no Uint8Array.fromBase64; Chromium 140+ does. Stand in for it with Node's own decoder.
    const native = vi.fn((base64: string) => new Uint8Array(Buffer.from(base64, 'base64')));
    (Uint8Array as WithFromBase64).fromBase64 = native;
    vi.stubGlobal('atob', () => {
      throw new Error('atob used');
    });
    vi.resetModules();
    const { base64ToBytes } = await import('../../../renderer/src/lib/bytes');
    const body = Buffer.from('field0=v0&field1=v%C3%BC&\u00ff\u0000');
    expect(Buffer.from(base64ToBytes(body.toString('base64'))).equals(body)).toBe(true);
    expect(native).toHaveBeenCalledTimes(1);
  });

  it('falls back to atob where there is no native decoder', async () => {
    vi.resetModules();
    const { base64ToBytes } = await import('../../../renderer/src/lib/bytes');
    const body = Buffer.from([0, 1, 127, 128, 255, 10]);
    expect(Buffer.from(base64ToBytes(body.toString('base64'))).equals(body)).toBe(true);
  });
});
