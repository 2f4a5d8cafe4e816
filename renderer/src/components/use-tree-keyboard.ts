import { useCallback, useEffect, useRef, type FocusEvent, type KeyboardEvent } from 'react';

const ITEM = '[role="treeitem"]';

/** The buttons of an item's own row: not its open/close control, not those of the items inside it. */
const rowButtons = (item: HTMLElement) =>
  item.querySelectorAll<HTMLElement>(':scope > :not([role="group"]) button:not([data-tree-toggle])');

/**
 * Keyboard use of a `role="tree"` (WAI-ARIA tree view): one Tab stop for the whole tree (roving tabindex), ↑/↓
 * between visible items, → opens or steps into an item, ← closes or steps out to its parent, Home/End, and
 * Enter/Space toggles. Items are `role="treeitem"` elements with `tabIndex={-1}` and `aria-expanded` when they have
 * children; an item's open/close control carries `data-tree-toggle` and its children sit in a `role="group"`.
 * Rows open and close on their own, so the hook reads the tree from the DOM rather than from props.
 * Buttons in an item's own row (Copy, More) render with `tabIndex={-1}`: only the current item's are Tab stops, so Tab
 * goes from the item to its buttons and then out of the tree, not through the buttons of every row.
 */
export function useTreeKeyboard<T extends HTMLElement>(resetKey: unknown) {
  const ref = useRef<T>(null);
  const current = useRef<HTMLElement | null>(null);

  const makeCurrent = useCallback((item: HTMLElement) => {
    if (current.current === item) return;
    if (current.current?.isConnected) {
      current.current.tabIndex = -1;
      for (const b of rowButtons(current.current)) b.tabIndex = -1;
    }
    item.tabIndex = 0;
    for (const b of rowButtons(item)) b.tabIndex = 0;
    current.current = item;
  }, []);

  useEffect(() => {
    const first = ref.current?.querySelector<HTMLElement>(ITEM);
    if (first) makeCurrent(first);
  }, [resetKey, makeCurrent]);

  const onFocus = useCallback(
    (e: FocusEvent<T>) => {
      const item = (e.target as HTMLElement).closest<HTMLElement>(ITEM);
      if (item && ref.current?.contains(item)) makeCurrent(item);
    },
    [makeCurrent],
  );

  const onKeyDown = useCallback(
    (e: KeyboardEvent<T>) => {
      const item = e.target as HTMLElement;
      // Keys pressed on a button inside a row (Copy, More) keep their own meaning.
      if (!ref.current || item.getAttribute('role') !== 'treeitem' || e.altKey || e.ctrlKey || e.metaKey)
        return;
      const items = [...ref.current.querySelectorAll<HTMLElement>(ITEM)];
      const at = items.indexOf(item);
      const expanded = item.getAttribute('aria-expanded');
      const toggle = () => item.querySelector<HTMLElement>(':scope > * > [data-tree-toggle]')?.click();
      let target: HTMLElement | null | undefined = null;
      switch (e.key) {
        case 'ArrowDown':
          target = items[at + 1];
          break;
        case 'ArrowUp':
          target = items[at - 1];
          break;
        case 'Home':
          target = items[0];
          break;
        case 'End':
          target = items[items.length - 1];
          break;
        case 'ArrowRight':
          if (expanded === 'false') toggle();
          else if (expanded === 'true')
            target = item.querySelector<HTMLElement>(`:scope > [role="group"] > ${ITEM}`);
          break;
        case 'ArrowLeft':
          if (expanded === 'true') toggle();
          else target = item.parentElement?.closest<HTMLElement>(ITEM);
          break;
        case 'Enter':
        case ' ':
          if (expanded === null) return;
          toggle();
          break;
        default:
          return;
      }
      e.preventDefault();
      e.stopPropagation();
      if (target) {
        makeCurrent(target);
        target.focus();
        target.scrollIntoView({ block: 'nearest' });
      }
    },
    [makeCurrent],
  );

  return { ref, onFocus, onKeyDown };
}
