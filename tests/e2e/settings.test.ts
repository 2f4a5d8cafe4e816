import { describe, expect, it } from 'vitest';
import { eventually, row, send, useUiSession } from './support/ui';

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
    const limit = panel.getByLabel('Body limit', { exact: true });
    const limitUnit = panel.getByLabel('Body limit unit');
    expect(await keep.inputValue()).toBe('');
    expect(await limit.inputValue()).toBe('25');
    expect(await limitUnit.inputValue()).toBe('MB');

    // Not a number: refused in the form, nothing sent.
    await keep.fill('lots');
    await panel.getByTestId('settings-save').click();
    expect(await panel.getByRole('alert').innerText()).toBe(
      'Keep at most (captures): "lots" is not a whole number of captures from 1 to 1,000,000,000.',
    );
    // The field named is marked invalid, described by the message and focused, so it is heard and fixed there.
    const focusedField = () =>
      page.evaluate(() => {
        const el = document.activeElement!;
        return {
          field: el.getAttribute('aria-label'),
          invalid: el.getAttribute('aria-invalid'),
          describedBy: document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent,
        };
      });
    await eventually(async () =>
      expect(await focusedField()).toEqual({
        field: 'Keep at most (captures)',
        invalid: 'true',
        describedBy:
          'Keep at most (captures): "lots" is not a whole number of captures from 1 to 1,000,000,000.',
      }),
    );
    // Out of range, said in the form's units (not the engine's bytes or milliseconds): refused in the form too.
    await keep.fill('2');
    await limit.fill('0.0001');
    await panel.getByTestId('settings-save').click();
    expect(await panel.getByRole('alert').innerText()).toBe(
      'Body limit: "0.0001" MB is not from 1 KB to 500 MB.',
    );
    // The mark moves to the next field refused.
    await eventually(async () => expect((await focusedField()).field).toBe('Body limit'));
    expect(await keep.getAttribute('aria-invalid')).toBe(null);
    // A value that is not a whole number of bytes in the unit chosen is refused, not rounded.
    await limit.fill('1.1');
    await limitUnit.selectOption('KB');
    await panel.getByTestId('settings-save').click();
    expect(await panel.getByRole('alert').innerText()).toBe(
      'Body limit: "1.1" KB is not a whole number of bytes (1126.4).',
    );
    await limit.fill('25');
    await limitUnit.selectOption('MB');
    const age = panel.getByLabel('Delete captures older than', { exact: true });
    await age.fill('99999999999');
    await panel.getByTestId('settings-save').click();
    expect(await panel.getByRole('alert').innerText()).toBe(
      'Delete captures older than: "99999999999" days is not from 1 second to 36,500 days.',
    );
    await age.fill('');
    expect(await app.rpc('settings.get', {})).toMatchObject({
      ok: true,
      value: { retention: { maxCount: null }, bodyLimitBytes: 25 * 1024 * 1024 },
    });

    await limit.fill('1');
    await panel.getByLabel('Delete finished deliveries older than', { exact: true }).fill('30');
    await panel.getByLabel('Keep at most (finished deliveries)').fill('500');
    await panel.getByTestId('settings-save').click();
    await eventually(async () => expect(await panel.innerText()).toContain('Saved.'));
    // Retention runs as soon as it is saved: the two newest captures stay.
    await eventually(async () => {
      const list = await app.rpc<{ items: Array<{ path: string }> }>('captures.list', { limit: 10 });
      expect(list.ok && list.value.items.map((c) => c.path)).toEqual(['/h/kept/4', '/h/kept/3']);
    });
    // The panel's figures follow the prune instead of still saying 5 stored.
    await eventually(async () =>
      expect(await panel.getByTestId('settings-stats').innerText()).toMatch(/^2 stored/),
    );
    // The receiver now refuses a 2 MB body with 413.
    const big = await send(app.receiverUrl, '/h/big', { body: new Uint8Array(2 * 1024 * 1024) });
    expect(big.status).toBe(413);

    // Reopened, the form shows what is stored.
    await panel.getByRole('button', { name: 'Close' }).click();
    await page.getByTestId('settings-toggle').click();
    await eventually(async () =>
      expect(await page.getByLabel('Keep at most (captures)').inputValue()).toBe('2'),
    );
    expect(await page.getByLabel('Body limit', { exact: true }).inputValue()).toBe('1');
    expect(await page.getByLabel('Body limit unit').inputValue()).toBe('MB');
    expect(await page.getByLabel('Delete finished deliveries older than', { exact: true }).inputValue()).toBe(
      '30',
    );
    expect(await page.getByLabel('Delete finished deliveries older than unit').inputValue()).toBe('days');
    expect(await page.getByLabel('Keep at most (finished deliveries)').inputValue()).toBe('500');
    expect(await app.rpc('settings.get', {})).toMatchObject({
      value: { deliveryRetention: { maxAgeMs: 30 * 86_400_000, maxCount: 500 } },
    });
  });

  it('is a dialog named by its button; its Close button gives focus back to that button', async () => {
    const { page } = s;
    const toggle = page.getByTestId('settings-toggle');
    await toggle.focus();
    await page.keyboard.press('Escape'); // closes the panel the test before left open
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.getByRole('button', { name: 'Close' }).focus();
    await page.keyboard.press('Enter');
    await eventually(async () => expect(await dialog.count()).toBe(0));
    expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('shows each age on one line: the label, its number and its unit side by side', async () => {
    const { page } = s;
    const toggle = page.getByTestId('settings-toggle');
    if ((await page.getByTestId('settings-panel').count()) === 0) await toggle.click();
    const panel = page.getByTestId('settings-panel');
    for (const label of ['Delete captures older than', 'Delete finished deliveries older than']) {
      const amount = (await panel.getByLabel(label, { exact: true }).boundingBox())!;
      const unit = (await panel.getByLabel(`${label} unit`).boundingBox())!;
      const text = (await panel.getByText(label, { exact: true }).boundingBox())!;
      expect(Math.abs(unit.y - amount.y)).toBeLessThan(amount.height / 2);
      expect(Math.abs(text.y + text.height / 2 - (amount.y + amount.height / 2))).toBeLessThan(
        amount.height / 2,
      );
    }
    await page.keyboard.press('Escape');
  });

  it('a save after toggling only notifications keeps the stored age and body limit exactly', async () => {
    const { page, app } = s;
    expect(
      await app.rpc('settings.update', {
        retention: { maxCount: 30, maxAgeMs: 3_600_000 },
        bodyLimitBytes: 102_400,
      }),
    ).toMatchObject({ ok: true });
    const panel = page.getByTestId('settings-panel');
    // Opened afresh, so the form loads what was just stored.
    if (await panel.isVisible()) await panel.getByRole('button', { name: 'Close' }).click();
    await page.getByTestId('settings-toggle').click();
    const limit = panel.getByLabel('Body limit', { exact: true });
    await eventually(async () => expect(await limit.inputValue()).toBe('100'));
    expect(await panel.getByLabel('Body limit unit').inputValue()).toBe('KB');
    expect(await panel.getByLabel('Delete captures older than', { exact: true }).inputValue()).toBe('1');
    expect(await panel.getByLabel('Delete captures older than unit').inputValue()).toBe('hours');
    // The confirmation appears inside a status region that was already there, so screen readers announce it.
    const status = panel.getByRole('status');
    expect(await status.innerText()).toBe('');
    await panel.getByRole('checkbox').click();
    await panel.getByTestId('settings-save').click();
    await eventually(async () =>
      expect(await status.innerText()).toBe('Saved. Retention applies in the background.'),
    );
    // They used to come back as 3,602,880 ms and 102,760 bytes.
    expect(await app.rpc('settings.get', {})).toMatchObject({
      value: {
        retention: { maxCount: 30, maxAgeMs: 3_600_000 },
        bodyLimitBytes: 102_400,
        notifyOnCapture: false,
      },
    });
  });
});

describe('settings panel counts', () => {
  const s = useUiSession();

  it('a count written in hex, binary or exponent form is refused naming the field, not read as another number', async () => {
    const { page, app } = s;
    await page.getByTestId('settings-toggle').click();
    const panel = page.getByTestId('settings-panel');
    const fields: Array<[string, string]> = [
      ['Keep at most (captures)', 'captures'],
      ['Keep at most (finished deliveries)', 'deliveries'],
    ];
    for (const [field, unit] of fields) {
      const input = panel.getByLabel(field);
      await eventually(async () => expect(await input.inputValue()).toBe(''));
      for (const typed of ['0x10', '0b11', '1e3', '+5', '1.0']) {
        await input.fill(typed);
        await panel.getByTestId('settings-save').click();
        await eventually(async () =>
          expect(await panel.getByRole('alert').innerText()).toBe(
            `${field}: "${typed}" is not a whole number of ${unit} from 1 to 1,000,000,000.`,
          ),
        );
      }
      await input.fill('');
    }
    expect(await app.rpc('settings.get', {})).toMatchObject({
      ok: true,
      value: { retention: { maxCount: null }, deliveryRetention: { maxCount: null } },
    });
    await panel.getByRole('button', { name: 'Close' }).click();
  });

  it('keeps edits not yet saved through Escape and reopening, until they are saved or discarded', async () => {
    const { page, app } = s;
    const toggle = page.getByTestId('settings-toggle');
    const panel = page.getByTestId('settings-panel');
    const keep = panel.getByLabel('Keep at most (finished deliveries)');
    if ((await panel.count()) === 0) await toggle.click();
    await panel.getByTestId('settings-save').waitFor();
    // The test before left refused values typed in the open panel.
    if ((await panel.getByTestId('settings-discard').count()) > 0)
      await panel.getByTestId('settings-discard').click();
    const stored = await keep.inputValue();
    await keep.fill('777');
    await page.keyboard.press('Escape');
    expect(await panel.count()).toBe(0);

    await toggle.click();
    await eventually(async () => expect(await keep.inputValue()).toBe('777'));
    await panel.getByTestId('settings-discard').click();
    expect(await keep.inputValue()).toBe(stored);
    await page.keyboard.press('Escape');
    await toggle.click();
    await panel.getByTestId('settings-save').waitFor();
    expect(await keep.inputValue()).toBe(stored);
    expect(await panel.getByTestId('settings-discard').count()).toBe(0);
    expect(await app.rpc('settings.get', {})).toMatchObject({
      value: { deliveryRetention: { maxCount: stored === '' ? null : Number(stored) } },
    });
  });

  it('Delete all captures… asks first, keeps them when told to, and otherwise deletes every one', async () => {
    const { page, app } = s;
    for (const n of [1, 2, 3]) await send(app.receiverUrl, `/all/${n}`, { body: String(n) });
    await row(page, '/all/3').waitFor();
    const count = async () => {
      const r = await app.rpc<{ count: number }>('captures.count', {});
      return r.ok && r.value.count;
    };
    const stored = await count();
    expect(stored).toBeGreaterThanOrEqual(3);

    const toggle = page.getByTestId('settings-toggle');
    const panel = page.getByTestId('settings-panel');
    if ((await panel.count()) === 0) await toggle.click();
    await panel.getByTestId('delete-all').click();
    expect(await panel.getByTestId('delete-all-message').innerText()).toContain('cannot be undone');
    await panel.getByTestId('delete-all-cancel').click();
    await panel.getByTestId('delete-all').waitFor();
    expect(await count()).toBe(stored);

    await panel.getByTestId('delete-all').click();
    await panel.getByTestId('delete-all-confirm').click();
    await eventually(async () =>
      expect(await panel.getByTestId('settings-stats').innerText()).toMatch(/^0 stored/),
    );
    expect(await count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.getByTestId('empty-state').waitFor();
  });
});
