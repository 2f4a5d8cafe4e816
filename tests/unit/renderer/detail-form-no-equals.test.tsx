// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderDetailPane } from '../../helpers/detail-pane';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { send } from '../../helpers/raw-http';

// A real engine (in-process transport, receiver on port 0, SQLite in a temp dir).
const ui = useEngineForUi();
afterEach(cleanup);

async function captured(target: string, body: string): Promise<number> {
  await send(`${ui.engine.receiverUrl}${target}`, {
    method: 'POST',
    headers: [['Content-Type', 'application/x-www-form-urlencoded']],
    body,
  });
  const path = target.split('?')[0];
  for (let i = 0; i < 200; i++) {
    const found = (await ui.api.call('captures.list', { limit: 50 })).items.find((c) => c.path === path);
    if (found) return found.id;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${target} was not filed`);
}

/** What the "Copy all" of the `label` table writes to the clipboard. */
async function copyAll(label: string): Promise<string> {
  let copied = '';
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: { writeText: (text: string) => Promise.resolve(void (copied = text)) },
  });
  fireEvent.click(screen.getByRole('button', { name: `Copy all ${label}` }));
  await screen.findByText('Copied', { selector: '[role=status]' });
  return copied;
}

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
    const query = await copyAll('query parameters');
    cleanup();

    renderDetailPane(ui.api, id, 'body');
    await screen.findByText('3 form fields');
    expect(await copyAll('form fields')).toBe(query);
    expect(query).toBe('a\nb=\nn=José');
  });
});
