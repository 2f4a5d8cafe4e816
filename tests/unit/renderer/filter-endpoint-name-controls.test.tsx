// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FilterBar } from '../../../renderer/src/features/search/FilterBar';
import { emptyFilter } from '../../../renderer/src/lib/filter-state';
import { endpointFixture } from '../../helpers/endpoint';

afterEach(cleanup);

const endpoint = endpointFixture(2, 'Pay\u202eexe\u0007', 'pay');

// An endpoint's name is free text: typed, or brought in by an import.
describe('the Endpoint filter, for an endpoint whose name holds a right-to-left override and a control character', () => {
  it('shows the override by its code point and the control character as an escape, in its entry and the button', () => {
    render(
      <FilterBar
        filter={{ ...emptyFilter, endpointId: 2 }}
        onChange={() => undefined}
        endpoints={[endpoint]}
        count={0}
      />,
    );
    const button = screen.getByTestId('filter-endpoint');
    expect(button.textContent).toContain('Endpoint: PayU+202Eexe\\u0007');
    fireEvent.click(button);
    const entry = document
      .querySelector<HTMLInputElement>('.popover input[name="ep"]:checked')!
      .closest('label')!;
    expect(entry.textContent!.trim()).toBe('PayU+202Eexe\\u0007 /h/pay');
    expect(entry.querySelector('.invisible-char')!.textContent).toBe('U+202E');
    expect(entry.querySelector('.control-char')!.textContent).toBe('\\u0007');
  });
});
