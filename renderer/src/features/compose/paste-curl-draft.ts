import { setUnsaved } from '../../state/unsaved';

// A command typed and not yet applied outlives the dialog, as the endpoint form and settings edits do: Escape, Cancel
// or leaving the view used to drop it silently. Reopening shows it again. Memory only: a command may hold credentials.
let typed = '';

export const pastedCurlDraft = (): string => typed;

/** Keep `text` for the next open ('' once it filled the composer or was cleared). */
export function keepPastedCurlDraft(text: string): void {
  typed = text;
  setUnsaved('paste-curl', text.trim() !== '');
}
