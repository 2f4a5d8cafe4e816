import type { ContextMenuParamsLike, MenuItemOptions } from './electron-like';

/**
 * What a right-click offers: Electron shows no context menu of its own, so without this a text field (search,
 * headers, the composer's inputs) had no Cut/Copy/Paste on right-click. Empty where there is nothing to edit or copy.
 */
export function editContextMenu({
  isEditable,
  selectionText,
  editFlags,
}: ContextMenuParamsLike): MenuItemOptions[] {
  if (isEditable)
    return [
      { role: 'cut', enabled: editFlags.canCut },
      { role: 'copy', enabled: editFlags.canCopy },
      { role: 'paste', enabled: editFlags.canPaste },
      { type: 'separator' },
      { role: 'selectAll', enabled: editFlags.canSelectAll },
    ];
  if (selectionText.trim()) return [{ role: 'copy', enabled: editFlags.canCopy }];
  return [];
}
