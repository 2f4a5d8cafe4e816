// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useSettingsPanel } from '../../helpers/settings-panel';

// The settings panel against a real engine (in-process transport, SQLite in a temp dir).
const ui = useSettingsPanel();
const { mount, updates, save, type, stored, forgetCalls } = ui;

describe('settings panel: saving keeps what was not edited exactly', () => {
  it('toggling only notifications leaves the stored age and body limit as they were', async () => {
    await ui.api.call('settings.update', {
      retention: { maxCount: 30, maxAgeMs: 3_600_000 },
      bodyLimitBytes: 102_400,
    });
    forgetCalls();
    await mount();
    fireEvent.click(screen.getByRole('checkbox'));
    await save();
    // They used to come back as 3,602,880 ms (0.0417 days) and 102,760 bytes (0.098 MB).
    expect(await stored()).toEqual({
      retention: { maxCount: 30, maxAgeMs: 3_600_000 },
      deliveryRetention: { maxAgeMs: null, maxCount: null },
      bodyLimitBytes: 102_400,
      notifyOnCapture: false,
      theme: 'system',
    });
    expect(updates()).toEqual([{ notifyOnCapture: false }]);
  });

  it('keeps a body limit of 1500 bytes and an odd age through a save of another field', async () => {
    await ui.api.call('settings.update', {
      bodyLimitBytes: 1500,
      deliveryRetention: { maxAgeMs: 3_602_880, maxCount: 7 },
    });
    forgetCalls();
    await mount();
    fireEvent.click(screen.getByRole('checkbox'));
    await save();
    const after = await stored();
    expect(after.bodyLimitBytes).toBe(1500); // used to become 1049 (shown as 0.001 MB)
    expect(after.deliveryRetention).toEqual({ maxAgeMs: 3_602_880, maxCount: 7 });
  });

  it('shows each value in the largest unit that holds it exactly', async () => {
    await ui.api.call('settings.update', {
      retention: { maxCount: null, maxAgeMs: 3_600_000 },
      deliveryRetention: { maxAgeMs: 3_602_880, maxCount: null },
      bodyLimitBytes: 1500,
    });
    await mount();
    const shown = (label: string) => [
      (screen.getByLabelText(label) as HTMLInputElement).value,
      (screen.getByLabelText(`${label} unit`) as HTMLSelectElement).value,
    ];
    await waitFor(() => expect(shown('Delete captures older than')).toEqual(['1', 'hours']));
    expect(shown('Delete finished deliveries older than')).toEqual(['3602.88', 'seconds']);
    expect(shown('Body limit')).toEqual(['1500', 'bytes']);
  });

  it('editing one retention field sends only that field; the other keeps its stored value', async () => {
    await ui.api.call('settings.update', { deliveryRetention: { maxAgeMs: 3_602_880, maxCount: 3 } });
    forgetCalls();
    await mount();
    type('Keep at most (finished deliveries)', '500');
    expect(await save()).toEqual([{ deliveryRetention: { maxCount: 500 } }]);
    expect((await stored()).deliveryRetention).toEqual({ maxAgeMs: 3_602_880, maxCount: 500 });
  });
});

describe('settings panel: what the user types converts exactly, in the unit chosen', () => {
  it('bytes, KB and MB', async () => {
    await mount();
    const unit = screen.getByLabelText('Body limit unit');
    type('Body limit', '1500');
    fireEvent.change(unit, { target: { value: 'bytes' } });
    await save();
    expect((await stored()).bodyLimitBytes).toBe(1500);
    type('Body limit', '1.5');
    fireEvent.change(screen.getByLabelText('Body limit unit'), { target: { value: 'KB' } });
    await save();
    expect((await stored()).bodyLimitBytes).toBe(1536);
    type('Body limit', '0.5');
    fireEvent.change(screen.getByLabelText('Body limit unit'), { target: { value: 'MB' } });
    await save();
    expect((await stored()).bodyLimitBytes).toBe(524_288);
  });

  it('minutes, hours and days', async () => {
    await mount();
    type('Delete captures older than', '90');
    fireEvent.change(screen.getByLabelText('Delete captures older than unit'), {
      target: { value: 'minutes' },
    });
    type('Delete finished deliveries older than', '0.3');
    fireEvent.change(screen.getByLabelText('Delete finished deliveries older than unit'), {
      target: { value: 'days' },
    });
    expect(await save()).toEqual([
      { retention: { maxAgeMs: 5_400_000 }, deliveryRetention: { maxAgeMs: 25_920_000 } },
    ]);
    const after = await stored();
    expect(after.retention.maxAgeMs).toBe(5_400_000);
    expect(after.deliveryRetention.maxAgeMs).toBe(25_920_000);
    // Shown again as stored, and cleared to "never" with an empty field.
    expect((screen.getByLabelText('Delete captures older than') as HTMLInputElement).value).toBe('90');
    type('Delete captures older than', '');
    await save();
    expect((await stored()).retention.maxAgeMs).toBeNull();
  });
});

describe('settings panel: invalid input is refused, naming the field, and nothing is sent', () => {
  it.each([
    ['Body limit', '1.1', 'KB', 'Body limit: "1.1" KB is not a whole number of bytes (1126.4).'],
    ['Body limit', '1000', 'bytes', 'Body limit: "1000" bytes is not from 1 KB to 500 MB.'],
    ['Body limit', '', 'MB', 'Body limit: enter a number.'],
    [
      'Delete captures older than',
      'lots',
      'days',
      'Delete captures older than: "lots" is not a number of days.',
    ],
    [
      'Delete captures older than',
      '99999999999',
      'days',
      'Delete captures older than: "99999999999" days is not from 1 second to 36,500 days.',
    ],
    [
      'Delete finished deliveries older than',
      '0.5',
      'seconds',
      'Delete finished deliveries older than: "0.5" seconds is not from 1 second to 36,500 days.',
    ],
  ])('%s "%s" %s', async (label, text, unit, message) => {
    await mount();
    type(label, text);
    fireEvent.change(screen.getByLabelText(`${label} unit`), { target: { value: unit } });
    fireEvent.click(screen.getByTestId('settings-save'));
    expect((await screen.findByRole('alert')).textContent).toBe(message);
    expect(updates()).toEqual([]);
  });
});
