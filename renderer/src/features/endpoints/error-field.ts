/**
 * The endpoint form's field an error names, by its test id. Errors start with the field as the form (or the engine)
 * calls it: "Status: …", "Headers line 2: …", "slug: …".
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
  [/^headers line /i, 'rule-headers'],
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
