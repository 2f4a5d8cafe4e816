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

const captured = (target: string, body: string) =>
  receivedCaptureId(ui, target, {
    method: 'POST',
    headers: [['Content-Type', 'application/x-www-form-urlencoded']],
    body,
  });

/** Each row of the table labelled `label`: its name, its value and whether it is marked "no =". */
const rows = (label: string) =>
  [...document.querySelectorAll(`table[aria-label="${label}"] tr[data-index]`)].map((row) => ({
    name: row.querySelector('.pair-name')!.textContent,
    value: [...row.querySelector('.pair-value')!.childNodes]
      .filter((node) => !(node instanceof Element && node.classList.contains('pill')))
      .map((node) => node.textContent)
      .join(''),
    noEquals: row.querySelector('.pill-no-equals') !== null,
  }));

describe('a form body and a query with the same fields', () => {
  it('read alike in the Body tab and the Query tab: Latin-1 escapes and a field written with no =', async () => {
    const fields = 'a&b=&n=Jos%E9';
    const id = await captured(`/form-and-query?${fields}`, fields);
    renderDetailPane(ui.api, id, 'query');
    await screen.findByText('3 query parameters');
    const query = rows('query parameters');
    cleanup();

    renderDetailPane(ui.api, id, 'body');
    await screen.findByText('3 form fields');
    expect(rows('form fields')).toEqual(query);
    expect(query).toEqual([
      { name: 'a', value: '', noEquals: true },
      { name: 'b', value: '', noEquals: false },
      { name: 'n', value: 'José', noEquals: false },
    ]);
  });

  it('copy alike with Copy all: a field written with no = is copied with none, values decoded', async () => {
    const fields = 'a&b=&n=Jos%E9';
    const id = await captured(`/form-and-query-copy?${fields}`, fields);
    renderDetailPane(ui.api, id, 'query');
    await screen.findByText('3 query parameters');
    const query = await copiedByCopyAll('query parameters');
    cleanup();

    renderDetailPane(ui.api, id, 'body');
    await screen.findByText('3 form fields');
    expect(await copiedByCopyAll('form fields')).toBe(query);
    expect(query).toBe('a\nb=\nn=José');
  });
});
