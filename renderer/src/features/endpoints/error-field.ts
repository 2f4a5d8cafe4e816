/**
 * The endpoint form's field an error names, by its test id. Errors start with the field as the form (or the engine)
 * calls it: "Status: …", "Headers line 2: …", "Slug: …".
 */
const FIELDS: Array<[RegExp, string]> = [
  [/^name:/i, 'endpoint-name'],
  [/^slug:/i, 'endpoint-slug'],
  [/^status sequence:/i, 'rule-sequence'],
  [/^failure status:/i, 'rule-fail-status'],
  [/^status:/i, 'rule-status'],
  [/^delay:/i, 'rule-delay'],
  [/^first n requests:/i, 'rule-fail-count'],
  [/^failure percentage:/i, 'rule-fail-percent'],
  [/^headers( line |:)/i, 'rule-headers'],
  [/^body:/i, 'rule-body'],
  [/^rate limit:/i, 'endpoint-rate-limit'],
  [/^signature tolerance:/i, 'endpoint-verify-tolerance'],
  [/^signature secret:/i, 'endpoint-verify-secret'],
  [/^signature header:/i, 'endpoint-verify-header'],
  [/^header name:/i, 'endpoint-auth-name'],
  [/^header value:/i, 'endpoint-auth-value'],
  [/^parameter name:/i, 'endpoint-auth-name'],
  [/^parameter value:/i, 'endpoint-auth-value'],
  [/^username:/i, 'endpoint-auth-username'],
  [/^password:/i, 'endpoint-auth-password'],
];

export function errorField(error: string): string | null {
  return FIELDS.find(([pattern]) => pattern.test(error))?.[1] ?? null;
}

/** The form's label for each endpoint input the API names by its key (`slug: …`, `name: …`). */
const FORM_LABELS: Record<string, string> = { name: 'Name', slug: 'Slug', rateLimitPerMinute: 'Rate limit' };
const API_FIELD = new RegExp(`(^|; )(${Object.keys(FORM_LABELS).join('|')}): `, 'g');

/**
 * An API error as the form says it: each field the API names by its input key (`slug: an endpoint "x" already
 * exists.`) gets the form's label (`Slug: …`), as the form's own checks write them (`Name: required`).
 */
export function inFormTerms(message: string): string {
  return message.replace(API_FIELD, (_all, before: string, key: string) => `${before}${FORM_LABELS[key]}: `);
}
