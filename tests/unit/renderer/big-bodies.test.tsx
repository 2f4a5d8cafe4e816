// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BodyView } from '../../../renderer/src/features/detail/BodyView';
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
    expect(indentJson(json, 1024 * 1024)).toEqual({ text: shown, read });
  });

  it('shows Raw of a body past the editor limit as plain text, not in Monaco', () => {
    const json = `{"data":"${'x'.repeat(1024 * 1024)}"}`; // 1 MB on one line
    const { container, getByTestId } = render(
      <BodyView bytes={utf8(json)} contentType="application/json" query="" />,
    );
    fireEvent.click(container.querySelector('[data-mode=raw]')!);
    expect(container.querySelector('.body-raw .code-editor-loading')).toBeNull();
    expect(getByTestId('text-body').textContent).toBe(json.slice(0, 1024 * 1024));

    const small = '{"a":1}';
    const view = render(<BodyView bytes={utf8(small)} contentType="application/json" query="" />);
    fireEvent.click(view.container.querySelector('[data-mode=raw]')!);
    expect(view.container.querySelector('.body-raw .code-editor-loading')).not.toBeNull();
  });
});
