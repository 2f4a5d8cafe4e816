/**
 * Drafts the user has typed but not saved or sent, by name. While any is left, closing or reloading the window asks
 * first: drafts live in memory only (so typed secrets never reach storage), and a reload would drop them silently.
 */
const unsaved = new Set<string>();

export function setUnsaved(name: string, dirty: boolean): void {
  if (dirty) unsaved.add(name);
  else unsaved.delete(name);
}

window.addEventListener('beforeunload', (event) => {
  if (unsaved.size === 0) return;
  event.preventDefault();
  // Older Chromium (and Electron's) ask only when returnValue is set.
  event.returnValue = '';
});
