// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { Composer } from '../../../renderer/src/features/compose';
import { DeliveriesView } from '../../../renderer/src/features/deliveries/DeliveriesView';
import { useEngineForUi } from '../../helpers/engine-for-ui';

// The composer's and the Deliveries view's tab strips controlled nothing a screen reader could find: their content
// sat in a plain div, not a tabpanel named by the active tab, as the capture detail's is.

const ui = useEngineForUi();
const mount = (node: React.ReactNode) =>
  render(<ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>{node}</ApiProvider>);

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

/** The one tabpanel under `tablist`'s parent: the active tab controls it, and it is named by that tab. */
function activePanel(tablist: HTMLElement): HTMLElement {
  const active = within(tablist).getByRole('tab', { selected: true });
  const panel = within(tablist.parentElement!).getByRole('tabpanel');
  expect(active.getAttribute('aria-controls')).toBe(panel.id);
  expect(panel.getAttribute('aria-labelledby')).toBe(active.id);
  return panel;
}

async function pressArrowRight(tablist: HTMLElement) {
  await act(async () =>
    fireEvent.keyDown(within(tablist).getByRole('tab', { selected: true }), { key: 'ArrowRight' }),
  );
}

describe('tab panels named by their tab', () => {
  it("in the composer: the request part's editor, and ArrowRight moves to the next part", async () => {
    mount(<Composer />);
    const tablist = screen.getByRole('tablist', { name: 'Request parts' });
    expect(screen.getByRole('tabpanel', { name: /^Body/ })).toBe(activePanel(tablist));
    await pressArrowRight(tablist);
    const headers = screen.getByRole('tabpanel', { name: /^Headers/ });
    expect(headers).toBe(activePanel(tablist));
    expect(within(headers).getByTestId('compose-content-type')).toBeTruthy();
    expect(document.activeElement).toBe(within(tablist).getByRole('tab', { selected: true }));
  });

  it('in the Deliveries view: the log, bulk send or saved webhooks, and ArrowRight moves to the next', async () => {
    mount(<DeliveriesView />);
    const tablist = screen.getByRole('tablist', { name: 'Deliveries' });
    const log = screen.getByRole('tabpanel', { name: 'Delivery log' });
    expect(log).toBe(activePanel(tablist));
    expect(within(log).getByRole('table', { name: 'Delivery log' })).toBeTruthy();
    await pressArrowRight(tablist);
    expect(screen.getByRole('tabpanel', { name: 'Bulk send' })).toBe(activePanel(tablist));
    expect(document.activeElement).toBe(within(tablist).getByRole('tab', { name: 'Bulk send' }));
  });
});
