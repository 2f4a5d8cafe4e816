import { orttoActivity } from './dictionary/ortto';
import type { CustomDictionary } from './types';

/**
 * How deep a key sits in an activity's `attr`, from the object keys leading to it: 1 directly in `activity.attr`,
 * 2 or more inside an object attribute there (`obj::s` of act::ws), 0 anywhere else.
 */
export function attrDepth(keys: readonly string[]): number {
  return keys[0] === 'activity' && keys[1] === 'attr' ? keys.length - 1 : 0;
}

/**
 * The activity whose labels a field ID takes at an `attr` depth (null: its person-field meaning). Directly in `attr`
 * the activity's meanings win (str::lt is "Last page title" in a web session); inside an object attribute only the
 * IDs the activity lists itself do, the rest keep their person-field meaning (str::is is "Initial source" there).
 */
export function labelActivityAt(
  depth: number,
  activityId: string | null,
  id: string,
  custom: CustomDictionary | undefined,
): string | null {
  if (activityId === null || depth === 0) return null;
  if (depth === 1) return activityId;
  const own =
    Object.hasOwn(orttoActivity(activityId)?.attributes ?? {}, id) ||
    custom?.activityAttributes.get(activityId)?.has(id) === true;
  return own ? activityId : null;
}
