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

export const openForm = (): OpenForm | null => open;

export function keepOpenForm(form: OpenForm | null): void {
  open = form;
  setUnsaved('endpoint', form !== null && JSON.stringify(form.fields) !== JSON.stringify(form.start));
}
