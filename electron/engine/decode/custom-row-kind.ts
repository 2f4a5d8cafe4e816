import { orttoAttribute, orttoField } from '../../shared/decode/index';

/**
 * The kind a custom label is listed under in the dictionary: the built-in kind of the ID it relabels (so the Kind
 * filter that shows `str::email` as a person field shows its custom label too), else activity or plain field.
 */
export function customRowKind(fieldId: string, activityId: string | null): string {
  if (activityId) return 'activity-attribute';
  if (fieldId.startsWith('act:')) return 'activity';
  const field = orttoField(fieldId);
  if (field) return field.scope === 'account' ? 'account-field' : 'person-field';
  return orttoAttribute(fieldId) ? 'attribute' : 'field';
}
