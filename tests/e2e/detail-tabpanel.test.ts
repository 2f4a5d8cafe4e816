import { describe, expect, it } from 'vitest';
import { eventually, openTab, selectCapture, send, useUiSession } from './support/ui';

describe("the capture detail's tab panel, to a screen reader", () => {
  const s = useUiSession();

  it('is a tabpanel named by the active tab, which controls it', async () => {
    const { page } = s;
    await send(s.app.receiverUrl, '/tab-panel?a=1', { headers: { 'x-panel': 'yes' } });
    await selectCapture(page, '/tab-panel');
    await openTab(page, 'query');
    const pane = page.locator('.detail-pane');
    await eventually(async () => expect(await pane.ariaSnapshot()).toContain('tabpanel "Query, 1"'));
    await openTab(page, 'headers');
    await eventually(async () => expect(await pane.ariaSnapshot()).toMatch(/tabpanel "Headers, \d+"/));
    const panel = pane.getByRole('tabpanel');
    const active = pane.getByRole('tab', { selected: true });
    expect(await active.getAttribute('aria-controls')).toBe(await panel.getAttribute('id'));
    expect(await panel.getByRole('table', { name: 'headers' }).count()).toBe(1);
  });
});
