import type { KeyboardEvent } from 'react';

/** Props that make a clickable table row keyboard-operable: focusable, Enter or Space opens it. */
export const openableRow = (open: () => void) => ({
  tabIndex: 0,
  onClick: open,
  onKeyDown: (e: KeyboardEvent<HTMLTableRowElement>) => {
    if (e.target !== e.currentTarget || (e.key !== 'Enter' && e.key !== ' ')) return;
    e.preventDefault();
    open();
  },
});
