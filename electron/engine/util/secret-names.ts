/**
 * Names that carry secrets wherever they appear, in a header or the query: `client_secret`, `access_token`,
 * `hub.verify_token`, `hmac`, `api-key`, `X-Webhook-Key`, `sig`, `auth`, `wpf_pass`, `pwd`, `jwt`,
 * `X-Authorization`, `Authentication`… (a separator or the start before `key`, `sig`, `auth`, `pass`, `pwd` and
 * `jwt`, so `monkey`, `author` or `compass` stay). Exports and the log both blank them.
 */
export const secretName =
  /secret|token|signature|password|passwd|credential|hmac|authori[sz]|authenticat|api[-_.]?key|access[-_.]?key|private[-_.]?key|(^|[-_.])(key|sig|auth|session|pass|pwd|jwt)$/i;
