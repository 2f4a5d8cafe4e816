// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Popover } from '../../../renderer/src/components/Popover';
import { SearchBox } from '../../../renderer/src/features/search/SearchBox';

afterEach(cleanup);

/** The search box beside a select, a checkbox, a button and an open popover panel with a button of its own. */
function renderPage() {
  render(
    <>
      <SearchBox value="" onChange={() => {}} clears={0} />
      <select data-testid="select">
        <option>a</option>
      </select>
      <input type="checkbox" data-testid="checkbox" />
      <button type="button" data-testid="page-button">
        Page
      </button>
      <Popover label="Settings" testId="settings-open">
        {() => (
          <>
            <button type="button" data-testid="in-panel">
              Save
            </button>
            <input type="checkbox" data-testid="in-panel-checkbox" />
          </>
        )}
      </Popover>
    </>,
  );
  fireEvent.click(screen.getByTestId('settings-open'));
}

/** Presses `/` on the element with `testId`, focused; whether focus moved to the search box. */
function slashJumps(testId: string): boolean {
  const from = screen.getByTestId(testId);
  from.focus();
  fireEvent.keyDown(from, { key: '/' });
  return document.activeElement === screen.getByTestId('search');
}

describe('/ jumps to the search box only from outside form controls and open panels', () => {
  it.each(['select', 'checkbox', 'in-panel', 'in-panel-checkbox'])('stays on %s', (testId) => {
    renderPage();
    expect(slashJumps(testId)).toBe(false);
    expect(document.activeElement).toBe(screen.getByTestId(testId));
  });

  it('jumps from a button on the page', () => {
    renderPage();
    expect(slashJumps('page-button')).toBe(true);
  });
});
