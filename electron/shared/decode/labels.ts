import { humanise, labelFromParts, parseFieldId } from './grammar';
import { orttoActivity, orttoAttribute, orttoField } from './dictionary/ortto';
import { ONTRAPORT_EVENTS, ONTRAPORT_OBJECT_TYPES } from './dictionary/ontraport';
import type { CustomDictionary, LabelSource } from './types';
import { scalarText } from './values';

export interface ResolvedLabel {
  label: string;
  source: LabelSource;
  displayType: string | undefined;
  /** Other names the same ID goes by (searchable). */
  altLabels: string[];
}

/** Label of an activity ID (`act::c` → "Clicked email"), custom labels first. */
export function activityLabel(id: string, custom?: CustomDictionary): ResolvedLabel {
  const c = custom?.fields.get(id);
  if (c) return { label: c.label, source: 'custom', displayType: c.displayType ?? undefined, altLabels: [] };
  const a = orttoActivity(id);
  if (a) return { label: a.label, source: 'dictionary', displayType: a.displayType, altLabels: a.altLabels };
  const parts = parseFieldId(id);
  if (parts && parts.type === 'act') {
    return {
      label: humanise(parts.name),
      source: 'grammar',
      displayType: undefined,
      altLabels: [labelFromParts(parts)],
    };
  }
  return { label: id, source: 'none', displayType: undefined, altLabels: [] };
}

/**
 * Whether a built-in person field ID names something else as an attribute of this activity (`str::lt` is "Last
 * timezone" on a person, "Last page title" in a web session): a custom label given to the person field is not its.
 */
function meansOtherAsAttribute(id: string, activityId: string): boolean {
  const person = orttoField(id);
  if (!person) return false;
  const activity = orttoActivity(activityId);
  const here =
    activity && Object.hasOwn(activity.attributes, id) ? activity.attributes[id] : orttoAttribute(id)?.label;
  return here !== undefined && here !== person.label;
}

/**
 * Label of a field ID. Inside an activity's `attr`, the activity's own attribute labels win over the generic ones
 * (`str::lt` is "Last page title" in a web session, "Last timezone" on a person).
 */
export function fieldLabel(
  id: string,
  activityId: string | null,
  custom?: CustomDictionary,
): ResolvedLabel | null {
  if (custom) {
    const perActivity = activityId ? custom.activityAttributes.get(activityId)?.get(id) : undefined;
    const c =
      perActivity ??
      (activityId !== null && meansOtherAsAttribute(id, activityId) ? undefined : custom.fields.get(id));
    if (c) {
      const builtIn = activityId ? orttoAttribute(id) : orttoField(id);
      return {
        label: c.label,
        source: 'custom',
        displayType: c.displayType ?? builtIn?.displayType,
        altLabels: [],
      };
    }
  }
  if (activityId !== null) {
    const activity = orttoActivity(activityId);
    const attribute = orttoAttribute(id);
    const own = activity && Object.hasOwn(activity.attributes, id) ? activity.attributes[id] : undefined;
    if (own) {
      return {
        label: own,
        source: 'activity',
        displayType: attribute?.displayType ?? orttoField(id)?.displayType,
        altLabels: [],
      };
    }
    if (attribute)
      return {
        label: attribute.label,
        source: 'dictionary',
        displayType: attribute.displayType,
        altLabels: attribute.altLabels,
      };
  }
  const field = orttoField(id);
  if (field)
    return { label: field.label, source: 'dictionary', displayType: field.displayType, altLabels: [] };
  const attribute = orttoAttribute(id);
  if (attribute)
    return {
      label: attribute.label,
      source: 'dictionary',
      displayType: attribute.displayType,
      altLabels: attribute.altLabels,
    };
  if (id.startsWith('act:')) {
    const a = activityLabel(id, custom);
    if (a.source !== 'none') return a;
  }
  const parts = parseFieldId(id);
  const perTarget = parts ? perTargetField(parts.type, parts.namespace, parts.name) : null;
  if (perTarget) return perTarget;
  if (parts) {
    const occurred = parts.type === 'tme' ? /^(.+)!([fl])$/.exec(parts.name) : null;
    if (occurred) {
      // `tme::ej!f` is "Started journey first occurred": the !f / !l field of an activity not in the dictionary
      // takes that activity's name, so its first and last times do not read the same.
      const activity = activityLabel(`act:${parts.namespace}:${occurred[1]!}`, custom);
      const when = occurred[2] === 'f' ? 'first' : 'last';
      return {
        label: `${activity.label} ${when} occurred`,
        source: 'grammar',
        displayType: 'time',
        altLabels: [],
      };
    }
    return { label: labelFromParts(parts), source: 'grammar', displayType: undefined, altLabels: [] };
  }
  return null;
}

/**
 * The schema's fields named with a trailing `_` (`tme::m_` Member of audience, `tme::sc_` Has started campaign) stand
 * for one field per audience or campaign: `tme::m_<audience id>` is that audience's, labelled with its ID.
 */
function perTargetField(type: string, namespace: string, name: string): ResolvedLabel | null {
  const m = /^([a-z0-9]+_)(.+)$/.exec(name);
  const field = m ? orttoField(`${type}:${namespace}:${m[1]!}`) : undefined;
  if (!m || !field) return null;
  return {
    label: `${field.label} ${m[2]!}`,
    source: 'dictionary',
    displayType: field.displayType,
    altLabels: [],
  };
}

/** "Tag added (4)", "Contact created (0)", "Form submitted (12)". */
export function ontraportEventLabel(
  type: string,
  event: Record<string, unknown>,
  objectTypeId: string | null,
): string {
  const known = Object.hasOwn(ONTRAPORT_EVENTS, type) ? ONTRAPORT_EVENTS[type] : undefined;
  if (type === 'object_create') {
    const name =
      objectTypeId !== null && Object.hasOwn(ONTRAPORT_OBJECT_TYPES, objectTypeId)
        ? ONTRAPORT_OBJECT_TYPES[objectTypeId]!
        : objectTypeId !== null && Number(objectTypeId) >= 10000
          ? 'Custom object'
          : 'Object';
    return objectTypeId !== null ? `${name} created (${objectTypeId})` : `${name} created`;
  }
  const label = known?.label ?? humanise(type);
  const targetKey =
    known?.targetKey ?? Object.keys(event).find((k) => k !== 'type' && k.endsWith('_id')) ?? null;
  const target = targetKey && Object.hasOwn(event, targetKey) ? event[targetKey] : undefined;
  const targetText = scalarText(target);
  return targetText !== null ? `${label} (${targetText})` : label;
}
