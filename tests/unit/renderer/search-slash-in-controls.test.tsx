// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SearchBox } from '../../../renderer/src/features/search/SearchBox';
import { renderBesidePageControls } from '../../helpers/beside-page-controls';

afterEach(cleanup);

/** The search box beside a select, a checkbox, a button and an open popover panel with a button of its own. */
function renderPage() {
  renderBesidePageControls(<SearchBox value="" onChange={() => {}} clears={0} />);
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
