// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { UndoToast } from '../../../renderer/src/features/captures/UndoToast';
import { renderBesidePageControls } from '../../helpers/beside-page-controls';

afterEach(cleanup);

/** The offer to undo a delete beside a select, a checkbox, a button and an open popover panel; counts the undos. */
function renderPage(): { undos: number } {
  const counted = { undos: 0 };
  renderBesidePageControls(
    <UndoToast
      pending={{ ids: [1], deleted: 1, error: null }}
      onUndo={() => void counted.undos++}
      onDismiss={() => {}}
      onButtonGone={() => {}}
    />,
  );
  return counted;
}

/** Presses Ctrl+Z on the element with `testId`, focused. */
function ctrlZ(testId: string): void {
  const on = screen.getByTestId(testId);
  on.focus();
  fireEvent.keyDown(on, { key: 'z', ctrlKey: true });
}

describe('Ctrl+Z undoes a delete only from outside form controls and open panels', () => {
  it.each(['select', 'checkbox', 'in-panel', 'in-panel-checkbox'])(
    'leaves the deleted captures gone on %s',
    (testId) => {
      const counted = renderPage();
      ctrlZ(testId);
      expect(counted.undos).toBe(0);
    },
  );

  it('undoes from a button on the page', () => {
    const counted = renderPage();
    ctrlZ('page-button');
    expect(counted.undos).toBe(1);
  });
});
