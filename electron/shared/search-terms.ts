/** One term of a search as the user typed it: a word, or a "quoted phrase", perhaps excluded or one of an OR. */
export interface SearchTerm {
  text: string;
  quoted: boolean;
  /** Typed with a leading `-`: captures containing it are left out. */
  excluded: boolean;
  /** Joined to the term before by `OR` (either will do) rather than required as well. */
  orWithPrevious: boolean;
  /** Ended with `*`: every word starting with it. */
  starred: boolean;
}

const hasWordCharacter = (text: string) => /[\p{L}\p{N}]/u.test(text);

/**
 * Splits search text the way search boxes are commonly read: `"two words"` is a phrase, `-word` (or `NOT word`, as
 * FTS5 writes it) leaves out what contains it, an upper-case `OR` between two terms takes either, and an upper-case
 * `AND` is what a space means anyway. An unbalanced quote, a lone `-`, `OR`/`AND` first or `NOT` alone are ordinary
 * text; an operator last is dropped (more is being typed). Terms without a letter or digit are dropped (the index
 * holds words and numbers only).
 */
export function searchTerms(text: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  let orPending = false;
  let notPending = false;
  const raws = [...text.matchAll(/-?"[^"]*"\**(?=\s|$)|\S+/g)].map(([raw]) => raw);
  for (const [i, raw] of raws.entries()) {
    if ((raw === 'OR' || raw === 'AND') && terms.length > 0) {
      orPending = raw === 'OR';
      continue;
    }
    if (raw === 'NOT' && (terms.length > 0 || i < raws.length - 1)) {
      notPending = true;
      continue;
    }
    const excluded = (raw.length > 1 && raw.startsWith('-')) || notPending;
    notPending = false;
    const starred = raw.endsWith('*');
    const body = (raw.length > 1 && raw.startsWith('-') ? raw.slice(1) : raw).replace(/\*+$/, '');
    const quoted = /^"[^"]*"$/.test(body) && body.length > 1;
    const term = quoted ? body.slice(1, -1) : body;
    if (!hasWordCharacter(term)) continue;
    const previous = terms[terms.length - 1];
    terms.push({
      text: term,
      quoted,
      excluded,
      orWithPrevious: orPending && !excluded && previous !== undefined && !previous.excluded,
      starred,
    });
    orPending = false;
  }
  return terms;
}

/**
 * Several searches (the CLI's repeated `--search`) as one search text that needs all of them. Joined as typed, their
 * operators reached across: `a OR` then `b` read as `a OR b`, and `a` then `OR b` as `a OR b` too, where alone `OR b`
 * is the words "or" and "b". Each term is written back in a form that keeps to its own search.
 */
export function allOfSearches(searches: string[]): string {
  const written: string[] = [];
  for (const search of searches) {
    const terms = searchTerms(search);
    // Symbols only (`*`, `😀`) find nothing, as the index holds words and numbers: nor can all of the searches.
    if (terms.length === 0 && search.trim() !== '') return search.trim();
    for (const term of terms) {
      // An unquoted term keeps its own meaning unquoted, unless it reads as an operator or holds a quote that could
      // pair with one in another search (a quote is no word character, so an apostrophe splits words the same way).
      const text =
        term.quoted ||
        term.text === 'NOT' ||
        (written.length > 0 && (term.text === 'OR' || term.text === 'AND'))
          ? `"${term.text}"`
          : term.text.replace(/"/g, "'");
      const joiner = term.orWithPrevious ? 'OR ' : '';
      written.push(`${joiner}${term.excluded ? '-' : ''}${text}${term.starred ? '*' : ''}`);
    }
  }
  return written.join(' ');
}
