/**
 * Names that carry secrets wherever they appear, in a header or the query: `client_secret`, `access_token`,
 * `hub.verify_token`, `hmac`, `api-key`, `X-Webhook-Key`, `sig`, `auth`, `wpf_pass`, `pwd`, `jwt`,
 * `X-Authorization`, `Authentication`… Exports and the log both blank them.
 */
const secretAnywhere =
  /secret|token|signature|password|passwd|credential|hmac|authori[sz]|authenticat|api[-_.]?key|access[-_.]?key|private[-_.]?key/i;

/**
 * A name is also secret when the last word of its last part is one of these: `sessionKey`, `user[pass]`,
 * `data[key]`, `client_assertion` (RFC 7523), `code_verifier` (PKCE), `oauth_verifier`. Whole words only, so
 * `monkey`, `author`, `compass` and `key_count` stay.
 */
const secretLastWord = /^(?:key|sig|auth|session|pass|pwd|jwt|assertion|verifier)$/i;
/** A word ending in a secret word run together with `key` or `id`: `authkey`, `apikey`, `JSESSIONID`, `PHPSESSID`. */
const secretCompound = /(?:auth|session|sess|api)(?:key|id)$/i;
const sessionWord = /^sess(?:ion)?$/i;

/** The last part of a bracketed or dotted name (`user[pass]` → `pass`, `hub.verify_token` → `verify_token`). */
const lastPart = (name: string) =>
  name
    .split(/[[\].]/)
    .filter((part) => part !== '')
    .pop() ?? '';

/** The last word of a name's last part and the one before it, split at `-`, `_` or spaces. */
function lastWords(name: string): [string, string] {
  const words = lastPart(name)
    .split(/[-_\s]+/)
    .filter((word) => word !== '');
  return [words.at(-2) ?? '', words.at(-1) ?? ''];
}

/** `sessionKey` → `Key`; a word in one case (`SESSIONKEY`, or `kEy` from a random-case header) is left whole. */
const camelTail = (word: string) => word.split(/(?<=[a-z0-9])(?=[A-Z])/).at(-1) ?? word;

function endsInSecretWord(name: string): boolean {
  const [before, last] = lastWords(name);
  return (
    secretLastWord.test(last) ||
    secretLastWord.test(camelTail(last)) ||
    secretCompound.test(last) ||
    (/^id$/i.test(last) && sessionWord.test(camelTail(before)))
  );
}

export const secretName = {
  test: (name: string): boolean => secretAnywhere.test(name) || endsInSecretWord(name),
};
