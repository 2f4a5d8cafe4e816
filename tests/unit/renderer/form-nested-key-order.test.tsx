// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FormView } from '../../../renderer/src/features/detail/FormView';

afterEach(cleanup);

describe('the Nested view of a form body', () => {
  it('lists bracketed keys in the order they were sent, integer-like ones included', () => {
    const { container, getByText } = render(
      <FormView text="e[10]=x&e[2]=y&e[b]=z&z=1&5=2&c[a]=1&c=2" query="" />,
    );
    fireEvent.click(getByText('Nested'));
    const keys = [...container.querySelectorAll('[data-testid="form-nested"] .json-key')].map((k) =>
      k.textContent!.replace(/: $/, ''),
    );
    expect(keys).toEqual(['e', '10', '2', 'b', 'z', '5', 'c', 'a', '(empty key)']);
  });
});
