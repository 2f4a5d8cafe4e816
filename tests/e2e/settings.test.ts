import { describe, expect, it } from 'vitest';
import { eventually, send, useUiSession } from './support/ui';

describe('settings panel', () => {
  const s = useUiSession();

  it('refuses bad values naming the field, then applies retention and the body limit it saves', async () => {
    const { page, app } = s;
    for (let i = 0; i < 5; i++)
      expect((await send(app.receiverUrl, `/h/kept/${i}`, { body: `{"n":${i}}` })).status).toBe(200);

    await page.getByTestId('settings-toggle').click();
    const panel = page.getByTestId('settings-panel');
    await eventually(async () =>
      expect(await panel.getByTestId('settings-stats').innerText()).toMatch(/^5 stored/),
    );
    const keep = panel.getByLabel('Keep at most (captures)');
    const limit = panel.getByLabel('Body limit (MB)');
    expect(await keep.inputValue()).toBe('');
    expect(await limit.inputValue()).toBe('25');

    // Not a number: refused in the form, nothing sent.
    await keep.fill('lots');
    await panel.getByTestId('settings-save').click();
    expect(await panel.getByRole('alert').innerText()).toBe(
      'Keep at most (captures): "lots" is not a whole number of captures from 1 to 1,000,000,000.',
    );
    // Out of range, in the field's own unit (not the engine's bytes or milliseconds): refused in the form too.
    await keep.fill('2');
    await limit.fill('0.0001');
    await panel.getByTestId('settings-save').click();
    expect(await panel.getByRole('alert').innerText()).toBe(
      'Body limit: "0.0001" is not a number of MB from 0.001 to 1,024.',
    );
    await limit.fill('25');
    await panel.getByLabel('Delete captures older than').fill('99999999999');
    await panel.getByTestId('settings-save').click();
    expect(await panel.getByRole('alert').innerText()).toBe(
      'Delete captures older than: "99999999999" is not a number of days from 0.001 to 36,500.',
    );
    await panel.getByLabel('Delete captures older than').fill('');
    expect(await app.rpc('settings.get', {})).toMatchObject({
      ok: true,
      value: { retention: { maxCount: null }, bodyLimitBytes: 25 * 1024 * 1024 },
    });

    await limit.fill('1');
    await panel.getByLabel('Delete finished deliveries older than (days)').fill('30');
    await panel.getByLabel('Keep at most (finished deliveries)').fill('500');
    await panel.getByTestId('settings-save').click();
    await eventually(async () => expect(await panel.innerText()).toContain('Saved.'));
    // Retention runs as soon as it is saved: the two newest captures stay.
    await eventually(async () => {
      const list = await app.rpc<{ items: Array<{ path: string }> }>('captures.list', { limit: 10 });
      expect(list.ok && list.value.items.map((c) => c.path)).toEqual(['/h/kept/4', '/h/kept/3']);
    });
    // The receiver now refuses a 2 MB body with 413.
    const big = await send(app.receiverUrl, '/h/big', { body: new Uint8Array(2 * 1024 * 1024) });
    expect(big.status).toBe(413);

    // Reopened, the form shows what is stored.
    await panel.getByRole('button', { name: 'Close' }).click();
    await page.getByTestId('settings-toggle').click();
    await eventually(async () =>
      expect(await page.getByLabel('Keep at most (captures)').inputValue()).toBe('2'),
    );
    expect(await page.getByLabel('Body limit (MB)').inputValue()).toBe('1');
    expect(await page.getByLabel('Delete finished deliveries older than (days)').inputValue()).toBe('30');
    expect(await page.getByLabel('Keep at most (finished deliveries)').inputValue()).toBe('500');
    expect(await app.rpc('settings.get', {})).toMatchObject({
      value: { deliveryRetention: { maxAgeMs: 30 * 86_400_000, maxCount: 500 } },
    });
  });
});
