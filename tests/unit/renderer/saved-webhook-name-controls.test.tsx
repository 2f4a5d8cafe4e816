// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { visibleAttribute } from '../../../renderer/src/components/VisibleText';
import { SavedWebhooks } from '../../../renderer/src/features/deliveries';
import { forgetKeptState } from '../../../renderer/src/state/kept-state';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { expectMarked, HOSTILE } from '../../helpers/hostile-messages-ui';

const ui = useEngineForUi();
afterEach(() => {
  cleanup();
  forgetKeptState();
});

// Saved webhook and collection names are free text, typed or brought in by webhooks.import.
describe('a saved webhook and its collection whose names hold a right-to-left override', () => {
  it("shows the override by its code point in the row's group name, the collection heading and its Delete name", async () => {
    const collection = await ui.api.call('collections.save', { name: 'Team\u202eA' });
    await ui.api.call('webhooks.save', {
      name: 'Pay\u202eexe.pdf',
      method: 'POST',
      url: 'http://127.0.0.1:9/h',
      collectionId: collection.id,
    });
    const { container } = render(
      <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
        <SavedWebhooks />
      </ApiProvider>,
    );
    await waitFor(() => expect(container.querySelector('.saved-row')).not.toBeNull());
    expect(container.querySelector('.saved-row')!.getAttribute('aria-label')).toBe('PayU+202Eexe.pdf');
    const heading = [...container.querySelectorAll('.saved-group h4')].find((h) =>
      h.textContent!.startsWith('Team'),
    )!;
    expect(heading.textContent).toMatch(/^TeamU\+202EA/);
    expect(heading.querySelector('button')!.getAttribute('aria-label')).toBe('Delete collection TeamU+202EA');
  });

  it("shows a webhook name's override and NUL as marks in the heading of its edit form", async () => {
    await ui.api.call('webhooks.save', { name: HOSTILE, method: 'POST', url: 'http://127.0.0.1:9/h' });
    render(
      <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
        <SavedWebhooks />
      </ApiProvider>,
    );
    const row = await screen.findByRole('group', { name: visibleAttribute(HOSTILE) });
    fireEvent.click(within(row).getByRole('button', { name: 'Edit' }));
    expectMarked((await screen.findByRole('heading', { name: /^Edit “/ })).textContent);
  });

  it('lists environment and collection names with their override and NUL written as escapes', async () => {
    const env = await ui.api.call('environments.save', { name: `Env ${HOSTILE}`, variables: {} });
    const collection = await ui.api.call('collections.save', { name: `Team ${HOSTILE}` });
    render(
      <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
        <SavedWebhooks />
      </ApiProvider>,
    );
    const option = (label: string, id: number) =>
      [...screen.getByLabelText<HTMLSelectElement>(label).options].find((o) => o.value === String(id));
    await waitFor(() => expect(option('Environment', env.id)).toBeDefined());
    expectMarked(option('Environment', env.id)!.textContent);
    await waitFor(() => expect(option('Collection', collection.id)).toBeDefined());
    expectMarked(option('Collection', collection.id)!.textContent);
  });
});
