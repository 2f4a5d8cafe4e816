import { useEffect, useRef } from 'react';

/**
 * "Load more" and "Show N more" go away with the last page: the keyboard goes on from the first row the page brought
 * in, or from the list when it brought none, not from the page. `expectMore` is called as the page is asked for (the
 * waiting list) or as it arrives (the attempt log); the next change of `rows` moves the focus, unless the user has
 * moved it elsewhere meanwhile.
 */
export function useFocusLoadedRows(rows: readonly unknown[]) {
  const list = useRef<HTMLTableElement>(null);
  const shown = useRef(rows);
  const expected = useRef<{ from: number; pressed: Element | null } | null>(null);
  useEffect(() => {
    shown.current = rows;
    const wait = expected.current;
    if (wait === null) return;
    expected.current = null;
    const active = document.activeElement;
    if (active && active !== document.body && active !== wait.pressed) return;
    const row = list.current?.querySelectorAll<HTMLTableRowElement>('tbody tr')[wait.from];
    (row ?? list.current)?.focus();
  }, [rows]);
  const expectMore = () => {
    expected.current = { from: shown.current.length, pressed: document.activeElement };
  };
  return { list, expectMore };
}
