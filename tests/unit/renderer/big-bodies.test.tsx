// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BodyView } from '../../../renderer/src/features/detail/BodyView';
import { TEXT_CHUNK } from '../../../renderer/src/features/detail/PlainText';
import { indentJson } from '../../../renderer/src/lib/json-indent';

afterEach(cleanup);

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('bodies too big to draw whole', () => {
  it('indents JSON in one pass, strings and numbers as written, and stops near the limit', () => {
    const text = '{"a" : [1, 2.50 ,{}, [ ], "x,\\"{y}"],"b":{"c":12345678901234567890}}';
    expect(indentJson(text, 1000)).toEqual({
      text: [
        '{',
        '  "a": [',
        '    1,',
        '    2.50,',
        '    {},',
        '    [],',
        '    "x,\\"{y}"',
        '  ],',
        '  "b": {',
        '    "c": 12345678901234567890',
        '  }',
        '}',
      ].join('\n'),
      read: text.length,
    });
    const long = `["${'z'.repeat(5000)}"]`;
    const cut = indentJson(long, 100);
    expect(cut.text).toBe(`[\n  "${'z'.repeat(95)}`);
    expect(cut.read).toBe(97); // '[' and 96 characters of the string
  });

  it('shows JSON over 1 MB indented as text, not parsed into a tree, and says how much it shows', () => {
    const json = JSON.stringify({
      items: Array.from({ length: 40_000 }, (_, i) => ({ id: i, name: `item${i}` })),
    });
    const { getByTestId, queryByTestId } = render(
      <BodyView bytes={utf8(json)} contentType="application/json" query="" />,
    );
    expect(queryByTestId('json-tree')).toBeNull();
    expect(getByTestId('json-as-text').textContent).toBe(
      'Over 1.0 MB: indented as text, not parsed into a tree.',
    );
    const shown = getByTestId('text-body').textContent!;
    expect(shown.startsWith('{\n  "items": [\n    {\n      "id": 0,\n      "name": "item0"\n    },')).toBe(
      true,
    );
    const read = Number(
      /Showing the first ([\d,]+) of/.exec(getByTestId('text-partial').textContent!)![1]!.replace(/,/g, ''),
    );
    expect(read).toBeLessThan(json.length);
    expect(indentJson(json, TEXT_CHUNK)).toEqual({ text: shown, read });
  });

  it('shows Raw of a body past the editor limit as plain text, not in Monaco', () => {
    const json = `{"data":"${'x'.repeat(1024 * 1024)}"}`; // 1 MB on one line
    const { container, getByTestId } = render(
      <BodyView bytes={utf8(json)} contentType="application/json" query="" />,
    );
    fireEvent.click(container.querySelector('[data-mode=raw]')!);
    expect(container.querySelector('.body-raw .code-editor-loading')).toBeNull();
    expect(getByTestId('text-body').textContent).toBe(json.slice(0, TEXT_CHUNK));

    const small = '{"a":1}';
    const view = render(<BodyView bytes={utf8(small)} contentType="application/json" query="" />);
    fireEvent.click(view.container.querySelector('[data-mode=raw]')!);
    expect(view.container.querySelector('.body-raw .code-editor-loading')).not.toBeNull();
  });

  it('shows a chunk of a long text at first, a chunk more on asking, and says when the search matches beyond', () => {
    const text = `${'plain words here\n'.repeat(20_000)}NEEDLE at the end`;
    const { getByTestId, getByRole } = render(
      <BodyView bytes={utf8(text)} contentType="text/plain" query="needle" />,
    );
    expect(getByTestId('text-body').textContent).toBe(text.slice(0, TEXT_CHUNK));
    expect(getByTestId('text-partial').textContent).toContain('The search also matches further on.');
    fireEvent.click(getByRole('button', { name: 'Show more' }));
    expect(getByTestId('text-body').textContent).toBe(text.slice(0, 2 * TEXT_CHUNK));
    fireEvent.click(getByRole('button', { name: 'Show more' }));
    expect(getByTestId('text-body').textContent).toBe(text);
    expect(getByTestId('text-body').querySelector('mark')?.textContent).toBe('NEEDLE');
  });

  it('says nothing about the search when it matches only in what is shown', () => {
    const text = `needle ${'plain words here\n'.repeat(20_000)}`;
    const { getByTestId } = render(<BodyView bytes={utf8(text)} contentType="text/plain" query="needle" />);
    expect(getByTestId('text-partial').textContent).not.toContain('search');
  });

  it('bounds JSON that does not parse, and XML and HTML, to a chunk', () => {
    const broken = `{"a": "${'x'.repeat(600_000)}`;
    const json = render(<BodyView bytes={utf8(broken)} contentType="application/json" query="" />);
    expect(json.getByText('Declared as JSON but does not parse; shown as text.')).toBeTruthy();
    expect(json.getByTestId('text-body').textContent).toBe(broken.slice(0, TEXT_CHUNK));
    cleanup();
    const xml = `<a>${'<b>x</b>'.repeat(200_000)}</a>`; // 1.6 MB: over the size re-indented
    const x = render(<BodyView bytes={utf8(xml)} contentType="application/xml" query="" />);
    expect(x.getByTestId('markup-body').textContent).toBe(xml.slice(0, TEXT_CHUNK));
    expect(x.getByTestId('xml-as-received').textContent).toBe(
      'Over 1.0 MB: shown as received, not re-indented.',
    );
    cleanup();
    const html = `<p>${'words '.repeat(100_000)}</p>`;
    const h = render(<BodyView bytes={utf8(html)} contentType="text/html" query="" />);
    expect(h.getByTestId('markup-body').textContent).toBe(html.slice(0, TEXT_CHUNK));
  });
});
