import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../../helpers/app-server';

// Over the real browser-mode HTTP API, as the renderer and scripts call it.
let app: TestApp;
beforeAll(async () => {
  app = await startApp({ serveUi: false });
});
afterAll(() => app.close());

const stored = async () => {
  const r = await app.rpc('settings.get');
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('settings.update refuses fields it does not know', () => {
  it('a misspelt field, top-level or nested, is an error naming it, and nothing changes', async () => {
    const before = await stored();
    const r = await app.rpc('settings.update', { retention: { maxcount: 5 }, bodyLimit: 2048 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid_input');
    // Both named, with their paths: the top-level one does not hide the nested one.
    expect(r.error.message).toMatch(/\bbodyLimit: not an input of settings\.update \(it takes retention, /);
    expect(r.error.message).toMatch(
      /\bretention\.maxcount: not an input of settings\.update \(it takes maxCount, /,
    );
    expect(await stored()).toEqual(before);
  });

  it('an unknown field next to a valid one does not half-apply the patch', async () => {
    const before = await stored();
    const r = await app.rpc('settings.update', { deliveryRetention: { maxCount: 9, maxage: 1000 } });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error.message).toMatch(
        /^deliveryRetention\.maxage: not an input of settings\.update \(it takes maxAgeMs, maxCount\)/,
      );
    expect(await stored()).toEqual(before);
  });

  it('known fields still save', async () => {
    const r = await app.rpc('settings.update', { retention: { maxCount: 5 }, bodyLimitBytes: 2048 });
    expect(r.ok && r.value).toMatchObject({ retention: { maxCount: 5 }, bodyLimitBytes: 2048 });
  });
});
