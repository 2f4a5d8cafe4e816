/**
 * Whether a key pressed on `target` is typing: page shortcuts stand down there. Monaco takes keys in a plain div
 * (Chromium's EditContext), neither an input nor contenteditable, so its editors are named here by their class.
 */
export function isEditingText(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    target.closest('input, textarea, [contenteditable], .monaco-editor') !== null
  );
}
