// @vitest-environment happy-dom
import { cleanup } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { openImportedDictionary } from '../../helpers/custom-dictionaries';
import { useEngineForUi } from '../../helpers/engine-for-ui';

afterEach(cleanup);

const ui = useEngineForUi();

// An imported dictionary's IDs refuse only whitespace and its labels nothing.
describe("a custom dictionary's entry table, an imported entry holding a right-to-left override and a NUL", () => {
  it('shows them escaped in the ID, label and activity cells', async () => {
    await openImportedDictionary(ui.api, [
      { fieldId: 'str:cm:zz\u202egpj', label: 'Pay\u0000ment', activityId: 'act:cm:x\u202ey' },
    ]);
    const cells = [...document.querySelector('tbody tr td.mono')!.parentElement!.children].map(
      (td) => td.textContent,
    );
    expect(cells.slice(0, 3)).toEqual(['str:cm:zzU+202Egpj', 'Pay\\u0000ment', 'act:cm:xU+202Ey']);
  });
});
