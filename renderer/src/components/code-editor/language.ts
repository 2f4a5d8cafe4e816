/**
 * Nesting past which JSON is shown as plain text. Monaco's JSON worker walks the document recursively: around
 * depth 1000 Chromium's stack runs out ("Maximum call stack size exceeded" from postMessage or json.worker), an
 * uncaught error on the page. Real payloads nest a few dozen levels at most; 128 leaves a wide margin.
 */
export const JSON_MAX_DEPTH = 128;

/**
 * Whether the brackets in `text` nest deeper than `max`, counting `{` and `[` outside strings. One pass, no
 * allocation, stopping at the first level past `max`; it does not validate the JSON.
 */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > max) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      if (depth > 0) depth--;
    }
  }
  return false;
}

/** The language to give Monaco: JSON nested too deep for its JSON worker is shown as plain text instead. */
export function editorLanguageFor(language: string, ...texts: string[]): string {
  if (language !== 'json') return language;
  return texts.some((t) => nestsDeeperThan(t, JSON_MAX_DEPTH)) ? 'plaintext' : language;
}
