/**
 * Chinese, Japanese and Korean text has no spaces between words, so FTS5's unicode61 tokenizer makes a whole run of it
 * one token and a word inside the run is never found. The index also holds each run as overlapping pairs of
 * characters (東京都 → 東京 京都), and a search for a run asks for its pairs as a phrase: a substring search, as
 * search engines without a dictionary do it.
 */

/** A search word longer than this many pairs is matched on its first ones (a pasted paragraph stays a fast query). */
const maxQueryPairs = 32;

/** Han (with extensions), kana, Hangul, and the marks that continue a run (ー 々). Scanned by code point: the
 * equivalent `\p{Script=…}` regex took several times longer on CJK text, and the scan runs for every capture. */
function isCjk(cp: number): boolean {
  return (
    (cp >= 0x3040 && cp <= 0x30ff) || // Hiragana, Katakana (ー included)
    (cp >= 0x3400 && cp <= 0x4dbf) || // Han extension A
    (cp >= 0x4e00 && cp <= 0x9fff) || // Han
    (cp >= 0xac00 && cp <= 0xd7af) || // Hangul syllables
    (cp >= 0x1100 && cp <= 0x11ff) || // Hangul Jamo
    (cp >= 0x3130 && cp <= 0x318f) || // Hangul compatibility Jamo
    (cp >= 0x31f0 && cp <= 0x31ff) || // Katakana phonetic extensions
    (cp >= 0xf900 && cp <= 0xfaff) || // Han compatibility
    (cp >= 0xff66 && cp <= 0xff9f) || // half-width Katakana
    (cp >= 0x20000 && cp <= 0x3134f) || // Han extensions B–H
    cp === 0x3005 // 々
  );
}

/** Whether the text has any character `isCjk` accepts (a regex scans ASCII far faster than a loop in JS). */
const anyCjk =
  /[\u1100-\u11ff\u3005\u3040-\u30ff\u3130-\u318f\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f]|[\u{20000}-\u{3134f}]/u;

/** The CJK runs of a text, each as its characters. */
function cjkRuns(text: string): string[][] {
  if (!anyCjk.test(text)) return [];
  const runs: string[][] = [];
  let run: string[] = [];
  const endRun = () => {
    if (run.length) runs.push(run);
    run = [];
  };
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) < 0x1100) {
      endRun();
      continue;
    }
    const cp = text.codePointAt(i)!;
    const char = cp > 0xffff ? text.slice(i, ++i + 1) : text[i]!;
    if (isCjk(cp)) run.push(char);
    else endRun();
  }
  endRun();
  return runs;
}

function pairsOf(chars: string[]): string[] {
  const pairs: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) pairs.push(chars[i]! + chars[i + 1]!);
  return pairs;
}

/**
 * A word split where CJK meets other letters or digits (`注文ID12345の確認` → 注文, ID12345, の確認), in order. The
 * tokenizer makes such a word one token, so its parts are found only as the index holds them apart.
 */
function pieces(word: string): { text: string; cjk: boolean }[] {
  const out: { text: string; cjk: boolean }[] = [];
  for (const [token] of word.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    for (const char of token) {
      const cjk = isCjk(char.codePointAt(0)!);
      const last = out[out.length - 1];
      if (last && last.cjk === cjk && last.text !== '') last.text += char;
      else out.push({ text: char, cjk });
    }
    out.push({ text: '', cjk: false }); // a token ends: the next piece starts afresh
  }
  return out.filter((p) => p.text !== '');
}

/** The non-CJK pieces of the words that mix CJK with other letters or digits. */
function mixedWordPieces(text: string): string[] {
  const out: string[] = [];
  for (const [word] of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    if (!anyCjk.test(word)) continue;
    const parts = pieces(word);
    if (parts.some((p) => !p.cjk)) out.push(...parts.filter((p) => !p.cjk).map((p) => p.text));
  }
  return out;
}

/**
 * The pairs of every CJK run in the text, then the run's last character alone (so every character starts a token a
 * one-character search finds), one run per line; then the other letters and digits of words that mix them with CJK;
 * '' when there is no CJK.
 */
export function cjkBigramText(text: string): string {
  const lines: string[] = [];
  for (const chars of cjkRuns(text))
    if (chars.length > 1) lines.push([...pairsOf(chars), chars[chars.length - 1]!].join(' '));
  if (lines.length === 0 && !anyCjk.test(text)) return '';
  const mixed = mixedWordPieces(text);
  if (mixed.length) lines.push(mixed.join(' '));
  return lines.join('\n');
}

/**
 * The FTS5 phrases (already quoted) that find a search word's CJK runs inside longer runs, all of which must match;
 * null when the word has no CJK. A single character is matched as the start of a token. The word's other letters and
 * digits must match too (`東京2024` is not every capture with 東京), the last of them as the start of a token.
 */
export function cjkQueryPhrases(word: string): string[] | null {
  const runs = cjkRuns(word);
  if (runs.length === 0) return null;
  const phrases = runs.map((chars) =>
    chars.length === 1 ? `"${chars[0]}"*` : `"${pairsOf(chars).slice(0, maxQueryPairs).join(' ')}"`,
  );
  const parts = pieces(word);
  parts.forEach((part, i) => {
    if (!part.cjk) phrases.push(i === parts.length - 1 ? `"${part.text}"*` : `"${part.text}"`);
  });
  return phrases;
}

/**
 * The parts of a search word the index finds apart, in order: a word mixing CJK with other letters or digits
 * (`東京2024`) is found by each of its pieces wherever they stand; any other word is found whole (null).
 */
export function searchWordPieces(word: string): string[] | null {
  if (!anyCjk.test(word)) return null;
  return pieces(word).map((p) => p.text);
}
