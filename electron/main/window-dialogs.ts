import type {
  BrowserWindowLike,
  DialogLike,
  MessageBoxOptionsLike,
  OpenDialogOptionsLike,
  SaveDialogOptionsLike,
} from './electron-like';

// Dialogs are modal to the main window when it is open. On macOS the app keeps running with every window closed and
// its menu still works: then the dialog stands on its own instead of the action doing nothing.

const live = (window: BrowserWindowLike | null) => (window && !window.isDestroyed() ? window : null);

export function showSaveDialogOn(
  dialog: Pick<DialogLike, 'showSaveDialog'>,
  window: BrowserWindowLike | null,
  options: SaveDialogOptionsLike,
) {
  const parent = live(window);
  return parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options);
}

export function showOpenDialogOn(
  dialog: Pick<DialogLike, 'showOpenDialog'>,
  window: BrowserWindowLike | null,
  options: OpenDialogOptionsLike,
) {
  const parent = live(window);
  return parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options);
}

export function showMessageBoxOn(
  dialog: Pick<DialogLike, 'showMessageBox'>,
  window: BrowserWindowLike | null,
  options: MessageBoxOptionsLike,
) {
  const parent = live(window);
  return parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options);
}
