import { fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { Popover } from '../../renderer/src/components/Popover';

/**
 * Renders `feature` beside a select (`select`), a checkbox (`checkbox`), a button (`page-button`) and an open popover
 * panel with a button (`in-panel`) and a checkbox (`in-panel-checkbox`) of its own: the controls a page-wide key must
 * leave alone.
 */
export function renderBesidePageControls(feature: ReactNode): void {
  render(
    <>
      {feature}
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
