// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { request } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { DecodedView, DictionaryBrowser } from '../../../renderer/src/features/decode';
import { forgetKeptState } from '../../../renderer/src/state/kept-state';
import { escapeMarkdown, idAt, hoverLines } from '../../../renderer/src/features/decode/hover';
import { jsonKeysAt } from '../../../renderer/src/features/decode/json-keys-at';
import { useEngineForUi } from '../../helpers/engine-for-ui';

const engineUi = useEngineForUi();
afterEach(() => {
  cleanup();
  forgetKeptState();
});

async function capture(body: string | Buffer, contentType: string, query = ''): Promise<number> {
  const res = await request(`${engineUi.engine.receiverUrl}/h${query ? `?${query}` : ''}`, {
    method: 'POST',
    body,
    headers: { 'content-type': contentType },
  });
  await res.body.arrayBuffer();
  return Number(res.headers['x-hookscope-capture-id']);
}

const mount = (ui: React.ReactNode) =>
  render(<ApiProvider value={{ api: engineUi.api, connection: new ConnectionStatus() }}>{ui}</ApiProvider>);
const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name));

describe('DecodedView', () => {
  it('shows vendor, event, explanation and the labelled tree; raw keys on demand', async () => {
    const id = await capture(fixture('ortto-activity-webhook-subscribed-to-email.json'), 'application/json');
    mount(<DecodedView captureId={id} />);
    await screen.findByText('Ortto');
    expect(screen.getByText(/Subscribed to email$/)).toBeTruthy();
    expect(screen.getByText(/activity.field_id act::s-all/)).toBeTruthy();
    expect(screen.getByText('Subscribe Context')).toBeTruthy();
    expect(screen.getByText('Subscribed via API')).toBeTruthy();
    expect(screen.getByText('Person ID')).toBeTruthy();
    expect(screen.queryByText('str::s-ctx', { selector: '.decoded-label' })).toBeNull();
    fireEvent.click(screen.getByLabelText(/Raw keys/));
    expect(screen.getByText('str::s-ctx', { selector: '.decoded-label' })).toBeTruthy();
  });

  it("marks the words of the list's search in labels and values, as the other tabs do", async () => {
    const id = await capture(fixture('ortto-activity-webhook-subscribed-to-email.json'), 'application/json');
    const { container } = mount(<DecodedView captureId={id} query="context api" />);
    await screen.findByText('Ortto');
    const marks = [...container.querySelectorAll('.decoded-tree mark, .decoded-node mark')].map((m) =>
      m.textContent?.toLowerCase(),
    );
    expect(marks).toContain('context');
    expect(marks).toContain('api');
  });

  it('flags unresolved merge fields inline and renders hostile values as text', async () => {
    const id = await capture(
      'firstname=[First Name]&note=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E',
      'application/x-www-form-urlencoded',
      'wpf_action=update&access_key=abcd1234&contact_id=%5BContact%20ID%5D',
    );
    const { container } = mount(<DecodedView captureId={id} />);
    await screen.findByText('WP Fusion');
    expect(screen.getAllByRole('note').map((n) => n.textContent)).toEqual([
      expect.stringContaining('[Contact ID]'),
      expect.stringContaining('[First Name]'),
    ]);
    expect(screen.getByText(/2 unresolved merge fields/)).toBeTruthy();
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
  });

  it('re-decodes when a custom dictionary changes', async () => {
    const id = await capture(fixture('ontraport-sub-tag-notify.json'), 'application/json');
    mount(<DecodedView captureId={id} />);
    await screen.findByText('Custom field f1584');
    await act(async () => {
      await engineUi.api.call('dictionary.custom.import', {
        name: 'Ontraport fields',
        format: 'csv',
        content: 'f1584,Membership level',
      });
    });
    await screen.findByText('Membership level');
  });
});

describe('DictionaryBrowser', () => {
  // happy-dom does no layout: give the scroll box the size its CSS gives it, so the virtual table renders rows.
  beforeAll(() => {
    for (const [prop, size] of [
      ['clientHeight', 420],
      ['clientWidth', 1000],
    ] as const) {
      Object.defineProperty(HTMLElement.prototype, prop, {
        configurable: true,
        get(this: HTMLElement) {
          return this.classList.contains('dictionary-scroll') ? size : 0;
        },
      });
    }
  });
  afterAll(() => {
    delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
    delete (HTMLElement.prototype as { clientWidth?: number }).clientWidth;
  });

  it('searches every known ID by label and imports a custom dictionary', async () => {
    mount(<DictionaryBrowser />);
    const search = await screen.findByLabelText('Search the dictionary');
    await waitFor(() => expect(screen.getByText(/of [\d,]+$/).textContent).toMatch(/^[\d,]+ of [\d,]+/));
    fireEvent.change(search, { target: { value: 'Campaign name' } });
    await waitFor(() => expect(screen.getByText(/of [\d,]+$/).textContent).toMatch(/^\d{2,3} of/));
    await waitFor(() => expect(screen.getAllByText('str::cn').length).toBeGreaterThan(0));
    fireEvent.change(search, { target: { value: 'act:o:c ' } });
    await waitFor(() => expect(screen.getAllByText('Account: Clicked email').length).toBeGreaterThan(0));

    fireEvent.change(screen.getByLabelText('Dictionary content'), {
      target: { value: 'id,label\nstr:cm:job-title,Role in company' },
    });
    fireEvent.change(screen.getByLabelText('Dictionary name'), { target: { value: 'HR fields' } });
    fireEvent.click(screen.getByText('Import'));
    await screen.findByText(/Imported 1 labels into “HR fields”/);
    fireEvent.change(search, { target: { value: 'Role in company' } });
    await waitFor(() => expect(screen.getAllByText('str:cm:job-title').length).toBeGreaterThan(0));
  });
});

describe('DictionaryBrowser keyboard', () => {
  it('a row takes focus and Enter opens its details, as a click does', async () => {
    mount(<DictionaryBrowser />);
    fireEvent.change(await screen.findByLabelText('Search the dictionary'), { target: { value: 'str::cn' } });
    const cell = (await screen.findAllByText('str::cn'))[0]!;
    const row = cell.closest('[role="row"]') as HTMLElement;
    expect(row.tabIndex).toBe(0);
    row.focus();
    fireEvent.keyDown(row, { key: 'Enter' });
    await waitFor(() =>
      expect(document.querySelector('.dictionary-detail')?.textContent).toContain('str::cn'),
    );
  });
});

describe('custom dictionary entries', () => {
  it("editing a label keeps the entry's display type (currency stays ×1000)", async () => {
    const created = await engineUi.api.call('dictionary.custom.import', {
      name: 'Money fields',
      content: 'id,label,display_type\nint:cm:amount,Amount,currency',
      format: 'csv',
    });
    mount(<DictionaryBrowser />);
    fireEvent.click(await screen.findByRole('button', { name: 'Money fields' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    expect((screen.getByLabelText('Display type') as HTMLInputElement).value).toBe('currency');
    fireEvent.change(screen.getByLabelText('Label'), { target: { value: 'Order amount' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save label' }));
    await waitFor(async () => {
      const { entries } = await engineUi.api.call('dictionary.custom.get', { id: created.dictionary.id });
      expect(entries.map((e) => [e.label, e.displayType])).toEqual([['Order amount', 'currency']]);
    });
  });

  it('editing an entry’s ID replaces the entry instead of keeping the old one beside it', async () => {
    const created = await engineUi.api.call('dictionary.custom.import', {
      name: 'Typo fields',
      content: 'id,label\nstr:cm:departmnet,Department',
      format: 'csv',
    });
    mount(<DictionaryBrowser />);
    fireEvent.click(await screen.findByRole('button', { name: 'Typo fields' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    fireEvent.change(screen.getByLabelText('ID'), { target: { value: 'str:cm:department' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save label' }));
    await waitFor(async () => {
      const { entries } = await engineUi.api.call('dictionary.custom.get', { id: created.dictionary.id });
      expect(entries.map((e) => [e.fieldId, e.label])).toEqual([['str:cm:department', 'Department']]);
    });
  });

  it('deleting a dictionary asks first, saying how many labels go with it', async () => {
    const created = await engineUi.api.call('dictionary.custom.import', {
      name: 'Keep me',
      content: 'id,label\nstr:cm:x,Ex\nstr:cm:y,Why',
      format: 'csv',
    });
    const stillThere = async () =>
      (await engineUi.api.call('dictionary.custom.list', {})).items.some(
        (d) => d.id === created.dictionary.id,
      );
    mount(<DictionaryBrowser />);
    const item = within((await screen.findByRole('button', { name: 'Keep me' })).closest('li')!);
    fireEvent.click(item.getByRole('button', { name: 'Delete…' }));
    expect(await stillThere()).toBe(true);
    fireEvent.click(item.getByRole('button', { name: 'Keep it' }));
    expect(await stillThere()).toBe(true);
    fireEvent.click(item.getByRole('button', { name: 'Delete…' }));
    fireEvent.click(item.getByRole('button', { name: 'Delete “Keep me” and its 2 labels' }));
    await waitFor(async () => expect(await stillThere()).toBe(false));
  });

  it('refuses to save an entry under an ID another entry has, naming it, and changes neither', async () => {
    const created = await engineUi.api.call('dictionary.custom.import', {
      name: 'Two fields',
      content: 'id,label\nstr:cm:a,Alpha\nstr:cm:b,Beta',
      format: 'csv',
    });
    mount(<DictionaryBrowser />);
    fireEvent.click(await screen.findByRole('button', { name: 'Two fields' }));
    fireEvent.click((await screen.findAllByRole('button', { name: 'Edit' }))[0]!);
    fireEvent.change(screen.getByLabelText('ID'), { target: { value: 'str:cm:b' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save label' }));
    await screen.findByText(/ID: str:cm:b already has the label "Beta"/);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel edit' }));
    fireEvent.change(screen.getByLabelText('ID'), { target: { value: 'str:cm:a' } });
    fireEvent.change(screen.getByLabelText('Label'), { target: { value: 'Another' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save label' }));
    await screen.findByText(/ID: str:cm:a already has the label "Alpha"/);
    const { entries } = await engineUi.api.call('dictionary.custom.get', { id: created.dictionary.id });
    expect(entries.map((e) => [e.fieldId, e.label]).sort()).toEqual([
      ['str:cm:a', 'Alpha'],
      ['str:cm:b', 'Beta'],
    ]);
  });

  it('the details below the table show the saved label, not the one before the edit', async () => {
    await engineUi.api.call('dictionary.custom.import', {
      name: 'Stale fields',
      content: 'id,label\nstr:cm:seat,Seat',
      format: 'csv',
    });
    mount(<DictionaryBrowser />);
    fireEvent.click(await screen.findByRole('button', { name: 'Stale fields' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    const detail = () => document.querySelector('.dictionary-detail')?.textContent ?? '';
    expect(detail()).toContain('Seat');
    fireEvent.change(screen.getByLabelText('Label'), { target: { value: 'Seat number' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save label' }));
    await waitFor(() => expect(detail()).toContain('Seat number'));
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(document.querySelector('.dictionary-detail')).toBeNull());
  });
});

describe('custom dictionary import', () => {
  it('a .json file opened after a .csv one is not left as "CSV"', async () => {
    mount(<DictionaryBrowser />);
    const file = await screen.findByLabelText('Open a file');
    const format = () => (screen.getByLabelText('Import format') as HTMLSelectElement).value;
    fireEvent.change(file, { target: { files: [new File(['id,label\nstr:cm:a,A'], 'labels.csv')] } });
    await waitFor(() => expect(format()).toBe('csv'));
    fireEvent.change(file, { target: { files: [new File(['{"str:cm:b":"B"}'], 'labels.json')] } });
    await waitFor(() => expect(format()).toBe('auto'));
  });
});

describe('DictionaryBrowser kind list', () => {
  it('lists only the kinds the chosen vendor has, and drops a chosen kind the new vendor lacks', async () => {
    const { items } = await engineUi.api.call('dictionary.entries', {});
    const kindsOf = (vendor: string) =>
      [...new Set(items.filter((e) => e.vendor === vendor).map((e) => e.kind))].sort();
    const vendors = [...new Set(items.map((e) => e.vendor))];
    const all = [...new Set(items.map((e) => e.kind))].sort();
    // A vendor with fewer kinds than all vendors together, so narrowing shows.
    const narrow = vendors.find((v) => kindsOf(v).length < all.length)!;
    expect(narrow).toBeDefined();
    mount(<DictionaryBrowser />);
    const kindSelect = (await screen.findByLabelText('Kind')) as HTMLSelectElement;
    const options = () => [...kindSelect.options].map((o) => o.value).filter(Boolean);
    await waitFor(() => expect(options()).toEqual(all));
    const missing = all.find((k) => !kindsOf(narrow).includes(k))!;
    fireEvent.change(kindSelect, { target: { value: missing } });
    expect(kindSelect.value).toBe(missing);
    fireEvent.change(screen.getByLabelText('Vendor'), { target: { value: narrow } });
    await waitFor(() => expect(options()).toEqual(kindsOf(narrow)));
    expect(kindSelect.value).toBe('');
  });
});

describe('Monaco hover labels', () => {
  it('knows whether an ID sits in activity.attr or elsewhere (contact)', () => {
    const text =
      '{"activity":{"field_id":"act::ws","attr":{"str::lt":"Pricing","obj":{"a\\"]":[1,{"x":"str::lt"}]}}},"contact":{"str::lt":"Europe/Paris"}}';
    const at = (needle: string, from = 0) => jsonKeysAt(text, text.indexOf(needle, from) + 1);
    expect(at('"str::lt"')).toEqual(['activity', 'attr']);
    expect(at('"str::lt"', text.indexOf('"x"'))).toEqual(['activity', 'attr', 'obj', 'a"]', '[]']);
    expect(at('"str::lt"', text.indexOf('contact'))).toEqual(['contact']);
    expect(at('"act::ws"')).toEqual(['activity']);
  });

  it('finds the ID under the cursor and labels it for the activity in the payload', async () => {
    const line = '      "str::lt": "Pricing", "act::ws"';
    expect(idAt(line, 10)).toEqual({ id: 'str::lt', start: 8, end: 15 });
    expect(idAt(line, 3)).toBeNull();
    expect(hoverLines('str::lt', 'act::ws')?.[0]).toBe('**Last page title**');
    expect(hoverLines('str::lt', null)?.[0]).toBe('**Last timezone**');
    expect(hoverLines('act::c', null)?.[0]).toBe('**Clicked email**');
    expect(hoverLines('str:cm:favourite-colour', null)?.[0]).toBe(
      '**Favourite colour \\(custom text field\\)**',
    );
    // the custom dictionary imported through the browser above reaches the hovers too
    await waitFor(() => expect(hoverLines('str:cm:job-title', null)?.[0]).toBe('**Role in company**'));
    expect(hoverLines('nope', null)).toBeNull();
    // markdown and HTML in labels (custom dictionaries are user data) are escaped, never interpreted
    expect(escapeMarkdown('**x** [a](javascript:y) <b>')).toBe(
      '\\*\\*x\\*\\* \\[a\\]\\(javascript\\:y\\) \\<b\\>',
    );
  });
});
