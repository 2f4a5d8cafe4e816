import type { Endpoint } from '../../../../electron/shared/contract/endpoints';
import { setUnsaved } from '../../state/unsaved';
import type { ProtectionDraft } from './ProtectionEditor';
import type { RuleDraft } from './RuleEditor';

export interface FormFields {
  name: string;
  slug: string;
  draft: RuleDraft;
  protection: ProtectionDraft;
}

export interface OpenForm {
  /** The endpoint's id, or 'new'. */
  editing: number | 'new';
  fields: FormFields;
  /** The fields as the form opened, to tell typed work from an untouched form. */
  start: FormFields;
  /** What the form opened on (see `editable`), to tell whether it was changed elsewhere since. */
  opened: string | undefined;
  /** The endpoint edited, to show its form again if it is deleted elsewhere while another view is shown. */
  endpoint?: Endpoint;
}

// A half-filled endpoint form outlives the view, like the composer's draft: switching to the inspector and back
// keeps what was typed. Memory only: the protection fields hold secrets.
let open: OpenForm | null = null;

// Edits left by Escape (as the settings panel keeps them): the form closes, and shows them again when it next opens.
let setAside: OpenForm | null = null;

export const openForm = (): OpenForm | null => open;

const typed = (form: OpenForm | null) =>
  form !== null && JSON.stringify(form.fields) !== JSON.stringify(form.start);

/** What the form for `which` opens with: the form kept open, else its edits set aside by Escape. */
export const formToOpen = (which: number | 'new'): OpenForm | null =>
  open?.editing === which ? open : setAside?.editing === which ? setAside : null;

export function keepOpenForm(form: OpenForm | null): void {
  open = form;
  if (form && setAside?.editing === form.editing) setAside = null;
  setUnsaved('endpoint', typed(open) || typed(setAside));
}

/** Escape: the open form closes, its typed edits (if any) kept for the next time that form opens. */
export function setOpenFormAside(): void {
  if (typed(open)) setAside = open;
  keepOpenForm(null);
}

/** Its endpoint was deleted: edits set aside for it have no form left to show them in, so they are unsaved no longer. */
export function dropSetAsideFor(deletedId: number): void {
  if (setAside?.editing !== deletedId) return;
  setAside = null;
  setUnsaved('endpoint', typed(open));
}
