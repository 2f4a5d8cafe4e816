import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  eventually,
  monacoText,
  openTab,
  row,
  selectCapture,
  send,
  useUiSession,
  withDialogsAccepted,
} from './support/ui';

const clickedEmail = JSON.stringify(
  {
    activity: {
      id: '00651b946bfef7e80478efee',
      field_id: 'act::c',
      created: '2023-01-16T23:40:54Z',
      attr: {
        'idt::c': '651b8aec8002153e16319fd3',
        'str::cn': 'Product review survey',
        'str::c': 'https://example.com/review',
        'int::li': 2,
      },
    },
    contact: { contact_id: '00651b946baa9be6b2edad00', email: 'alex@example.com', first_name: 'Alex' },
    id: '00651b946cef87c7af64f4f3',
    time: '2023-01-16T23:41:18.948713601Z',
    webhook_id: '651b8aec8002153e16319fd3',
  },
  null,
  2,
);

/** Hovers a token in Monaco until a hover with the text shows; returns that hover. */
async function hoverUntil(page: Page, token: Locator, text: string): Promise<Locator> {
  const hover = page.locator('.monaco-hover-content', { hasText: text }).first();
  // Monaco shows hovers after a delay and only for a mouse that moved onto the token: move off and on until it shows.
  await eventually(async () => {
    const box = (await token.boundingBox())!;
    await page.mouse.move(box.x - 40, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    await hover.waitFor({ state: 'visible', timeout: 3_000 });
  }, 30_000);
  return hover;
}

describe('decoded Ortto payload in the UI', () => {
  const s = useUiSession();

  it('shows the source column, decoded labels, ID hovers, and is found by a label search', async () => {
    const { page, app } = s;
    await send(app.receiverUrl, '/ortto-click', {
      body: clickedEmail,
      headers: { 'content-type': 'application/json' },
    });
    await send(app.receiverUrl, '/other', {
      body: '{"campaign":"x"}',
      headers: { 'content-type': 'application/json' },
    });

    await eventually(async () =>
      expect(await row(page, '/ortto-click').innerText()).toContain('Ortto · Clicked email'),
    );
    await selectCapture(page, '/ortto-click');
    await openTab(page, 'decoded');
    const view = page.getByTestId('decoded-view');
    await view.waitFor();
    const text = await view.innerText();
    expect(text).toContain('Clicked email');
    expect(text).toContain('Campaign name');
    expect(text).toContain('Product review survey');
    expect(text).toContain('URL clicked');
    expect(text).toContain('Link index');

    // Hover an ID in the raw view (Monaco): the label from the dictionary.
    await openTab(page, 'body');
    await page.locator('.body-toolbar [data-mode="raw"]').click();
    await eventually(async () => expect(await monacoText(page, '.body-raw')).toContain('str::cn'));
    await hoverUntil(
      page,
      page.locator('.body-raw .view-line span', { hasText: 'str::cn' }).last(),
      'Campaign name',
    );

    // Search by meaning: the label is indexed with the capture.
    const search = page.getByTestId('search');
    await search.fill('"Campaign name"');
    await search.press('Enter');
    await eventually(async () => {
      expect(await row(page, '/ortto-click').count()).toBe(1);
      expect(await row(page, '/other').count()).toBe(0);
    });
  });

  it('labels an ID in contact as the person field, not as the attribute of the activity in the payload', async () => {
    const { page, app } = s;
    const body = JSON.stringify(
      {
        activity: { field_id: 'act::ws', attr: {} },
        contact: { 'str::lt': 'Europe/Paris' },
        webhook_id: 'w',
      },
      null,
      2,
    );
    await page.getByTestId('search').fill('');
    await page.getByTestId('search').press('Enter');
    await send(app.receiverUrl, '/ortto-session', { body, headers: { 'content-type': 'application/json' } });
    await eventually(async () => expect(await row(page, '/ortto-session').count()).toBe(1));
    await selectCapture(page, '/ortto-session');
    await openTab(page, 'body');
    await page.locator('.body-toolbar [data-mode="raw"]').click();
    await eventually(async () => expect(await monacoText(page, '.body-raw')).toContain('str::lt'));
    const token = page.locator('.body-raw .view-line span', { hasText: 'str::lt' }).last();
    // "Last page title" is what str::lt means in a web session's attr.
    const hover = await hoverUntil(page, token, 'Last timezone');
    expect(await hover.locator('strong').first().innerText()).toBe('Last timezone');
    expect(await hover.innerText()).not.toContain('Last page title');
  });

  it('keeps a top-level group’s toggle inside the pane, and lines up labels with and without children', async () => {
    const { page, app } = s;
    await page.getByTestId('search').fill('');
    await page.getByTestId('search').press('Enter');
    const body = JSON.stringify({ webhook_id: 'w1', contact: { first_name: 'Ada' }, id: 'e1' });
    await send(app.receiverUrl, '/ortto-align', { body, headers: { 'content-type': 'application/json' } });
    await eventually(async () => expect(await row(page, '/ortto-align').count()).toBe(1));
    await selectCapture(page, '/ortto-align');
    await openTab(page, 'decoded');
    const view = page.getByTestId('decoded-view');
    const top = view.locator('[role=treeitem]').first();
    await top.waitFor();
    const viewBox = (await view.boundingBox())!;
    const toggle = (await top.locator('.decoded-row .json-toggle').first().boundingBox())!;
    expect(toggle.x).toBeGreaterThanOrEqual(viewBox.x);
    // Inside the body group: "contact" has children, "webhook_id" has none; both sit one level down.
    const labelX = async (path: string) =>
      (await view.locator(`[data-path="${path}"] > .decoded-row .decoded-label`).boundingBox())!.x;
    const paths = await view
      .locator('[role=treeitem]')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-path')));
    const parent = paths.find((p) => p?.endsWith('contact'))!;
    const leaf = paths.find((p) => p?.endsWith('webhook_id'))!;
    expect(Math.abs((await labelX(parent)) - (await labelX(leaf)))).toBeLessThan(1);
  });

  it('copies a long decoded value whole, though the tree shows it cut short', async () => {
    const { page, app } = s;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const long = `${'word '.repeat(600)}THE-END`;
    await send(app.receiverUrl, '/long-decoded', {
      body: JSON.stringify({ message: long }),
      headers: { 'content-type': 'application/json' },
    });
    const search = page.getByTestId('search');
    await search.fill('');
    await search.press('Enter');
    await selectCapture(page, '/long-decoded');
    await openTab(page, 'decoded');
    const node = page.locator('.decoded-node[data-path="$.message"]');
    await node.waitFor();
    expect(await node.locator('.decoded-value').getAttribute('title')).not.toContain('THE-END');
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await node.locator('.decoded-row').first().hover();
    await node.locator('.decoded-actions button', { hasText: 'Value' }).first().click();
    await eventually(async () =>
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(JSON.stringify(long)),
    );
  });

  it('a long key with no spaces wraps: it covers neither its type nor the value, which keeps room to read', async () => {
    const { page, app } = s;
    const key = 'the_customers_preferred_delivery_window_for_the_next_shipment_in_local_time_zone';
    await send(app.receiverUrl, '/long-key', {
      body: `${key}=between+nine+and+eleven+in+the+morning`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const search = page.getByTestId('search');
    await search.fill('');
    await search.press('Enter');
    await selectCapture(page, '/long-key');
    await openTab(page, 'decoded');
    const node = page.locator(`.decoded-node[data-path="$.${key}"]`);
    await node.waitFor();
    const box = (part: string) => node.locator(`.decoded-row .decoded-${part}`).first().boundingBox();
    const label = (await box('label'))!;
    const type = (await box('type'))!;
    const value = (await box('value'))!;
    expect(label.x + label.width).toBeLessThanOrEqual(type.x);
    expect(
      await node
        .locator('.decoded-label')
        .first()
        .evaluate((el) => el.scrollWidth <= el.clientWidth),
    ).toBe(true);
    // Each word of the value on a line fits in 100 px; one letter a line (what a squeezed value did) would not.
    expect(value.width).toBeGreaterThan(100);
  });

  it('copies an object’s value as its JSON, not as the "2 keys" the tree shows', async () => {
    const { page, app } = s;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const contact = { 'str::first': 'Alex', tags: ['a', 'b'] };
    await send(app.receiverUrl, '/object-decoded', {
      body: JSON.stringify({ contact }),
      headers: { 'content-type': 'application/json' },
    });
    await selectCapture(page, '/object-decoded');
    await openTab(page, 'decoded');
    const node = page.locator('.decoded-node[data-path="$.contact"]');
    await node.waitFor();
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await node.locator('.decoded-row').first().hover();
    await node.locator('.decoded-actions button', { hasText: 'Value' }).first().click();
    await eventually(async () =>
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(JSON.stringify(contact)),
    );
  });

  it('is one Tab stop, walked with the arrow keys: ↓/↑ between rows, →/← open, enter and leave, Home/End', async () => {
    const { page, app } = s;
    await send(app.receiverUrl, '/tree-keys', {
      body: JSON.stringify({ contact: { first: 'Alex', last: 'Smith' }, zeta: 'last one' }),
      headers: { 'content-type': 'application/json' },
    });
    await selectCapture(page, '/tree-keys');
    await openTab(page, 'decoded');
    const item = (path: string) => page.locator(`[role="treeitem"][data-path="${path}"]`);
    await item('$.contact').waitFor();
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-path') ?? null);
    const press = async (key: string, path: string | null) => {
      await page.keyboard.press(key);
      await eventually(async () => expect(await focused()).toBe(path));
    };
    expect(await page.locator('[role="tree"] [role="treeitem"][tabindex="0"]').count()).toBe(1);

    await item('$.contact').focus();
    await press('ArrowDown', '$.contact.first');
    await press('ArrowDown', '$.contact.last');
    await press('ArrowUp', '$.contact.first');
    await press('ArrowLeft', '$.contact');
    await page.keyboard.press('ArrowLeft');
    await eventually(async () => expect(await item('$.contact').getAttribute('aria-expanded')).toBe('false'));
    expect(await item('$.contact.first').count()).toBe(0);
    await press('ArrowDown', '$.zeta');
    await press('ArrowUp', '$.contact');
    await page.keyboard.press('ArrowRight');
    await eventually(async () => expect(await item('$.contact').getAttribute('aria-expanded')).toBe('true'));
    await press('ArrowRight', '$.contact.first');
    await press('End', '$.zeta');
    await press('Home', '$');
    // The row last visited is the tree's one Tab stop.
    await press('ArrowDown', '$.contact');
    expect(
      await page.locator('[role="tree"] [role="treeitem"][tabindex="0"]').getAttribute('data-path'),
    ).toBe('$.contact');
  });

  it('the dictionary table is one Tab stop, walked with ↓/↑, Home/End and PageDown; Enter shows the row', async () => {
    const { page } = s;
    await page.locator('.view-tab[data-view="dictionary"]').click();
    const table = page.getByRole('table', { name: 'Known IDs' });
    await table.getByRole('row').first().waitFor();
    const total = Number(
      (await page.locator('.dictionary-toolbar .result-count').innerText())
        .split(' of ')[0]!
        .replace(/\D/g, ''),
    );
    const focusedIndex = () =>
      page.evaluate(
        () => document.activeElement?.closest('[role="row"]')?.getAttribute('data-index') ?? null,
      );
    const press = async (key: string, index: number) => {
      await page.keyboard.press(key);
      await eventually(async () => expect(await focusedIndex()).toBe(String(index)));
    };
    expect(await table.locator('[tabindex="0"]').count()).toBe(1);

    await page.getByLabel('Kind', { exact: true }).focus();
    await press('Tab', 0);
    await press('ArrowDown', 1);
    await press('ArrowDown', 2);
    await press('ArrowUp', 1);
    await press('PageDown', 11);
    await press('End', total - 1);
    await press('Home', 0);
    await press('End', total - 1);
    await page.keyboard.press('Enter');
    const lastId = await page
      .locator(`[role="row"][data-index="${total - 1}"] .mono`)
      .first()
      .innerText();
    expect(await page.locator('.dictionary-detail').innerText()).toContain(lastId);
    // One more Tab leaves the table for the custom dictionaries below it, not for the next of thousands of rows.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.custom-dictionaries') !== null)).toBe(
      true,
    );
    await page.keyboard.press('Shift+Tab');
    expect(await focusedIndex()).toBe(String(total - 1));
  });

  it('keeps a custom dictionary entry and import text through a visit to Inspect, and asks before a reload drops them', async () => {
    const { app } = s;
    const created = await app.rpc('dictionary.custom.create', { name: 'Kept dictionary' });
    if (!created.ok) throw new Error(created.error.message);
    await withDialogsAccepted(s, async (page, asked) => {
      const view = (id: 'inspect' | 'dictionary') => page.locator(`.view-tab[data-view="${id}"]`).click();
      const custom = page.locator('.custom-dictionaries');
      await view('dictionary');
      await custom.getByRole('button', { name: 'Kept dictionary' }).click();
      await custom.getByLabel('ID', { exact: true }).fill('str:cm:half-typed');
      await custom.getByLabel('Label', { exact: true }).fill('Half typed');
      await custom.getByLabel('Dictionary content').fill('str:cm:pasted,Pasted');
      await view('inspect');
      await view('dictionary');
      expect(await custom.getByLabel('Dictionary content').inputValue()).toBe('str:cm:pasted,Pasted');
      expect(await custom.getByLabel('ID', { exact: true }).inputValue()).toBe('str:cm:half-typed');
      expect(await custom.getByLabel('Label', { exact: true }).inputValue()).toBe('Half typed');

      await page.reload();
      await page.locator('.status-bar .conn-open').waitFor();
      expect(asked).toEqual(['beforeunload']);
    });
  });
});
