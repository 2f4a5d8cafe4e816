// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/react';
import { renderQueryPairs } from '../../helpers/query-pairs';
import { afterEach, describe, expect, it } from 'vitest';
import { JsonTree } from '../../../renderer/src/features/detail/JsonTree';
import { PairsTable } from '../../../renderer/src/features/detail/PairsTable';
import { prettyJson, tryParseJson } from '../../../renderer/src/lib/json-normalize';

afterEach(cleanup);

describe('JsonTree and PairsTable (happy-dom)', () => {
  it('renders hostile keys and strings as text, never as elements', () => {
    const value = {
      '<img src=x onerror=alert(1)>': '<script>alert(2)</script>',
      nested: { svg: '<svg onload=alert(3)>' },
    };
    const { container } = render(<JsonTree value={value} query="script" />);
    expect(container.querySelector('img, script, svg')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(container.textContent).toContain('"<script>alert(2)</script>"');
    expect([...container.querySelectorAll('mark.hl')].map((m) => m.textContent)).toEqual([
      'script',
      'script',
    ]);
  });

  it('shows numbers as they were sent (beyond 2^53, trailing zeros) and strings as JSON literals', () => {
    const text = '{"id":12345678901234567890,"price":1.10,"n":7,"say":"she said \\"hi\\"\\n"}';
    const parsed = tryParseJson(text);
    expect(parsed.ok).toBe(true);
    const { container } = render(<JsonTree value={parsed.ok ? parsed.value : null} />);
    const numbers = [...container.querySelectorAll('.json-number')].map((n) => n.textContent);
    expect(numbers).toEqual(['12345678901234567890', '1.10', '7']);
    expect(container.querySelector('.json-string')?.textContent).toBe('"she said \\"hi\\"\\n"');
    expect(prettyJson(text, true)).toContain('"id": 12345678901234567890');
    expect(prettyJson(text, true)).toContain('"price": 1.10');
  });

  it('collapses deep levels and pages huge arrays', () => {
    const big = Array.from({ length: 1200 }, (_, i) => i);
    const { container, getByText } = render(<JsonTree value={{ a: { b: { c: { d: 1 } } }, big }} />);
    expect(container.textContent).toContain('1 key');
    expect(container.textContent).not.toContain('d:');
    expect(container.querySelectorAll('.json-number').length).toBe(500);
    fireEvent.click(getByText(/Show 500 more of 700/));
    expect(container.querySelectorAll('.json-number').length).toBe(1000);
  });

  it('keeps header order, case and duplicates, and flags the duplicates', () => {
    const { container } = render(
      <PairsTable
        label="headers"
        one="header"
        empty="none"
        pairs={[
          ['X-Dup', '1'],
          ['Content-Type', 'a'],
          ['x-dup', '2'],
        ]}
      />,
    );
    const names = [...container.querySelectorAll('.pair-name')].map((n) => n.firstChild?.textContent);
    expect(names).toEqual(['X-Dup', 'Content-Type', 'x-dup']);
    expect(container.querySelectorAll('.pill-dupe')).toHaveLength(2);
    expect(container.querySelector('.pairs-toolbar')?.textContent).toContain('3 headers');
  });

  it('counts one pair in the singular', () => {
    const { container } = renderQueryPairs([['a', '1']]);
    expect(container.querySelector('.pairs-toolbar')?.textContent).toContain('1 query parameter');
    expect(container.querySelector('.pairs-toolbar')?.textContent).not.toContain('parameters');
  });
});
