// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BodyView } from '../../../renderer/src/features/detail/BodyView';

// The Body view's Pretty/Raw/Hex strip controlled nothing a screen reader could find: the body sat in a plain div,
// not a tabpanel named by the active tab, as the capture detail's and the composer's do.

afterEach(cleanup);

const json = new TextEncoder().encode('{"order":{"id":42}}');

/** The panel the selected tab of `tablist` controls, checked to be a tabpanel named by that tab. */
function controlledPanel(tablist: HTMLElement): HTMLElement {
  const active = within(tablist).getByRole('tab', { selected: true });
  const panel = document.getElementById(active.getAttribute('aria-controls') ?? '');
  expect(panel?.getAttribute('role')).toBe('tabpanel');
  expect(panel?.getAttribute('aria-labelledby')).toBe(active.id);
  return panel!;
}

describe("the Body view's Pretty/Raw/Hex tabs", () => {
  it('show the body in a tabpanel named by the selected tab, Pretty then Hex', () => {
    render(<BodyView bytes={json} contentType="application/json" query="" />);
    const tablist = screen.getByRole('tablist', { name: 'Body view' });
    const pretty = screen.getByRole('tabpanel', { name: 'Pretty' });
    expect(pretty).toBe(controlledPanel(tablist));
    expect(within(pretty).getByTestId('json-tree')).toBeTruthy();

    fireEvent.click(within(tablist).getByRole('tab', { name: 'Hex' }));
    const hex = screen.getByRole('tabpanel', { name: 'Hex' });
    expect(hex).toBe(controlledPanel(tablist));
    expect(within(hex).getByTestId('hex-view')).toBeTruthy();
  });

  it('give each of two Body views on a page its own tab and panel ids', () => {
    render(
      <>
        <BodyView bytes={json} contentType="application/json" query="" />
        <BodyView bytes={json} contentType="application/json" query="" />
      </>,
    );
    const panels = screen.getAllByRole('tabpanel', { name: 'Pretty' });
    const tablists = screen.getAllByRole('tablist', { name: 'Body view' });
    expect(panels).toEqual(tablists.map(controlledPanel));
    expect(new Set(panels.map((p) => p.id)).size).toBe(2);
  });
});
