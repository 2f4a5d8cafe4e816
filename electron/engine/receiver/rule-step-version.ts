/**
 * What a decided response records of the count its rule step belongs to: the rule's hash (as `ruleVersionHash`) and
 * how many times saving the endpoint had restarted the count, as `hash:generation`.
 */
export const ruleStepVersion = (ruleHash: string, generation: number) => `${ruleHash}:${generation}`;

/** Reads a `ruleStepVersion`; one recorded before generations were (the hash alone) has none. */
export function readRuleStepVersion(value: string): { ruleHash: string; generation?: number } {
  const colon = value.indexOf(':');
  if (colon < 0) return { ruleHash: value };
  return { ruleHash: value.slice(0, colon), generation: Number(value.slice(colon + 1)) };
}
