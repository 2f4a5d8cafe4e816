import { isModalOpen } from '../components/use-modal-focus';
import { isEditingText } from './editing-text';

/**
 * Whether a page-wide shortcut (`/` to search, Ctrl+Z to undo a delete) pressed on `target` must stand down: the key
 * belongs to the text being typed, a select, an open panel (Settings, a filter popover) or an open modal dialog, and
 * must not act on the page behind it, unseen.
 */
export function pageShortcutStandsDown(target: EventTarget | null): boolean {
  return (
    isEditingText(target) ||
    (target instanceof HTMLElement && target.closest('select, [role="dialog"]') !== null) ||
    isModalOpen()
  );
}
