// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PairsEditor, type Pair } from '../../../renderer/src/features/compose/PairsEditor';

afterEach(cleanup);

// A capture opened in the composer brings its header names, and a HAR import keeps any name a tool wrote.
describe('a composer header row whose name holds a right-to-left override or a control character', () => {
  it('is escaped in the Send and Remove names and in the row error tooltip', () => {
    const rows: Pair[] = [
      { name: 'x-file\u202eexe', value: '1', enabled: true },
      { name: 'a\u0000b', value: '2', enabled: true },
    ];
    const { container } = render(
      <PairsEditor
        rows={rows}
        onChange={() => {}}
        make={(name, value) => ({ name, value, enabled: true })}
        testId="headers"
        errors={{ 1: 'header name "a\u0000b" is not valid' }}
      />,
    );
    const label = (selector: string) =>
      [...container.querySelectorAll(selector)].map((el) => el.getAttribute('aria-label'));
    expect(label('tbody .pairs-toggle input')).toEqual(['Send x-fileU+202Eexe', 'Send a\\u0000b']);
    expect(label('tbody .pairs-actions button')).toEqual(['Remove x-fileU+202Eexe', 'Remove a\\u0000b']);
    expect(container.querySelectorAll('tbody tr')[1]!.getAttribute('title')).toBe(
      'header name "a\\u0000b" is not valid',
    );
  });
});
