// @vitest-environment happy-dom
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useSettingsPanel } from '../../helpers/settings-panel';

// Numbers written the way the panel's own messages write them ("from 1 to 1,000,000,000") are accepted.
const ui = useSettingsPanel();
const { mount, updates, save, type, chooseUnit } = ui;

describe('settings panel: digit groups', () => {
  it.each([
    ['1,000', 1000],
    ['1 000', 1000],
    ['1_000', 1000],
    ['1,000,000,000', 1_000_000_000],
  ])('Keep at most (captures) "%s" is %d', async (text, count) => {
    await mount();
    type('Keep at most (captures)', text);
    await save();
    expect(screen.queryByRole('alert')).toBeNull();
    expect((await ui.api.call('settings.get', {})).retention.maxCount).toBe(count);
  });

  it('Keep at most (finished deliveries), the ages and the body limit take groups too', async () => {
    await mount();
    type('Keep at most (finished deliveries)', '12,345');
    type('Delete captures older than', '36,500');
    chooseUnit('Delete captures older than', 'days');
    type('Delete finished deliveries older than', '1,440.5');
    chooseUnit('Delete finished deliveries older than', 'minutes');
    type('Body limit', '1,024');
    chooseUnit('Body limit', 'KB');
    await save();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(await ui.api.call('settings.get', {})).toMatchObject({
      retention: { maxAgeMs: 36_500 * 86_400_000 },
      deliveryRetention: { maxCount: 12_345, maxAgeMs: 1440.5 * 60_000 },
      bodyLimitBytes: 1024 * 1024,
    });
  });

  it.each(['1.5', '1e3', '0x10', '1,5', '1,0000', '1,000 000', ',100', '1,000,'])(
    'Keep at most (captures) "%s" is refused, naming the field, and nothing is sent',
    async (text) => {
      await mount();
      type('Keep at most (captures)', text);
      fireEvent.click(screen.getByTestId('settings-save'));
      expect((await screen.findByRole('alert')).textContent).toBe(
        `Keep at most (captures): "${text}" is not a whole number of captures from 1 to 1,000,000,000.`,
      );
      expect(updates()).toEqual([]);
    },
  );

  it.each(['1,5', '1e3', '0x10', '1,00.5'])(
    'Body limit "%s" KB is refused, naming the field',
    async (text) => {
      await mount();
      type('Body limit', text);
      chooseUnit('Body limit', 'KB');
      fireEvent.click(screen.getByTestId('settings-save'));
      expect((await screen.findByRole('alert')).textContent).toBe(
        `Body limit: "${text}" is not a number of KB.`,
      );
      expect(updates()).toEqual([]);
    },
  );
});
