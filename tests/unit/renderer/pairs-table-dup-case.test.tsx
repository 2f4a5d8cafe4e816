// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { renderQueryPairs } from '../../helpers/query-pairs';
import { afterEach, describe, expect, it } from 'vitest';
import { PairsTable } from '../../../renderer/src/features/detail/PairsTable';

afterEach(cleanup);

const dupFlags = (container: HTMLElement) =>
  [...container.querySelectorAll('.pair-name')].map((n) => n.querySelector('.pill-dupe') !== null);

describe('the "dup" mark (sent more than once)', () => {
  it('is not given to query parameters or form fields whose names differ only in case', () => {
    const { container } = renderQueryPairs(
      [
        ['Id', '1'],
        ['id', '2'],
        ['tag', 'a'],
        ['tag', 'b'],
      ],
      true,
    );
    expect(dupFlags(container)).toEqual([false, false, true, true]);
  });

  it('is given to headers whose names differ only in case (one header, sent twice)', () => {
    const { container } = render(
      <PairsTable
        label="headers"
        one="header"
        empty="none"
        headerValues
        pairs={[
          ['X-Dup', '1'],
          ['x-dup', '2'],
          ['Accept', '*/*'],
        ]}
      />,
    );
    expect(dupFlags(container)).toEqual([true, true, false]);
  });
});
