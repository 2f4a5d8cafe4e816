// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { copiedByCopyAll } from '../../helpers/copy-all';
import { renderDetailPane } from '../../helpers/detail-pane';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { receivedCaptureId } from '../../helpers/filed-capture';

// A real engine (in-process transport, receiver on port 0, SQLite in a temp dir).
const ui = useEngineForUi();
afterEach(cleanup);

const captured = (target: string) => receivedCaptureId(ui, target);

const noEqualsMarks = () =>
  [...document.querySelectorAll('.pairs-table tr[data-index]')].map(
    (row) => row.querySelector('.pill-no-equals') !== null,
  );

describe('the Query tab, a parameter written with no =', () => {
  it('is marked apart from an empty value, and Copy all writes it with no =', async () => {
    const id = await captured('/no-equals?flag&empty=&n=Jos%E9');
    renderDetailPane(ui.api, id, 'query');
    await screen.findByText('3 query parameters');
    expect(noEqualsMarks()).toEqual([true, false, false]);
    expect(await copiedByCopyAll('query parameters')).toBe('flag\nempty=\nn=José');
  });

  it('keeps the pairs the API gives unchanged', async () => {
    const d = await ui.api.call('captures.get', { id: await captured('/no-equals-api?flag&empty=') });
    expect(d.queryParams).toEqual([
      ['flag', ''],
      ['empty', ''],
    ]);
  });
});
