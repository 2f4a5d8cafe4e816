// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useSettingsPanel } from '../../helpers/settings-panel';

// The settings panel against a real engine (in-process transport, SQLite in a temp dir).
const ui = useSettingsPanel();

describe('settings panel: the figures shown after deleting every capture', () => {
  it('say 0 stored once "Delete every capture" is done, not the old count until the next 5 s refresh', async () => {
    for (let i = 0; i < 2; i++) expect((await ui.api.call('app.sendSample', {})).status).toBe(200);
    await ui.mount();
    const figures = () => screen.getByTestId('settings-stats').textContent ?? '';
    await waitFor(() => expect(figures()).toMatch(/^2 stored/));

    fireEvent.click(screen.getByTestId('delete-all'));
    fireEvent.click(await screen.findByTestId('delete-all-confirm'));
    await waitFor(async () => expect((await ui.api.call('app.stats', {})).count).toBe(0));
    // Well inside the panel's 5 s poll: the figures follow the delete, they do not wait for the poll.
    await waitFor(() => expect(figures()).toMatch(/^0 stored/), { timeout: 2500 });
  });
});
