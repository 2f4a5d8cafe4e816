import { foldForSearch } from '../../shared/search-folding';
import { cjkQueryPhrases } from '../../shared/cjk-bigrams';
import { searchTerms } from '../../shared/search-terms';
import type { CaptureFilter } from '../../shared/contract/index';
import { headerValueAsUtf8Stored } from '../../shared/decode/header-text';
import { searchIndexSchemaName } from './search-index/index-schema';

export interface FilterSql {
  /** FROM clause: plain captures, or driven by the full-text index when there is a text query. */
  from: string;
  where: string[];
  params: unknown[];
  usesFts: boolean;
  /** The column the FROM clause walks captures by, newest first: what pages order and cursors compare by. */
  key: string;
}

/** Whether a token is a whole word in the index (then it need not be matched as a prefix). */
export type IsIndexedTerm = (token: string) => boolean;

/** The token FTS5's unicode61 tokenizer (remove_diacritics 2) would make of the end of a word. */
export function lastToken(word: string): string | null {
  const tokens = word.match(/[\p{L}\p{N}]+/gu);
  return tokens ? tokens[tokens.length - 1]!.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase() : null;
}

/** An FTS5 query, and whether the search asks for the captures it does not match (only `-word`s were typed). */
export interface FtsQuery {
  match: string;
  excluding: boolean;
}

/**
 * User text → a safe FTS5 query: every word becomes a quoted phrase (so `str::cn` matches the adjacent tokens
 * `str cn` and no FTS syntax can be injected) and all words must match, except as `"phrase"`, `-word` and `OR` say
 * (see shared/search-terms.ts). The last word is matched as a prefix while
 * it is still being typed; once it is a whole indexed word it is matched exactly, because a prefix query has to
 * collect every match before it can return the newest page (41 ms vs 0.1 ms for a common word at 1M captures).
 * A word the user ends with `*` is always matched as a prefix (`subscription*` also finds "subscriptions"). A word
 * in Chinese, Japanese or Korean also matches inside a longer run of such text (see cjk-bigrams.ts).
 */
export function toFtsQuery(text: string, isIndexedTerm?: IsIndexedTerm): FtsQuery | null {
  // FTS5 reads a NUL as the end of the query string ("unterminated string"); it never separates words anyway.
  const terms = searchTerms(foldForSearch(text).replace(/\0/g, ' '));
  if (terms.length === 0) return null;
  const last = terms[terms.length - 1]!;
  const lastWord = lastToken(last.text);
  const typing = !last.quoted && !last.starred && !(lastWord && isIndexedTerm?.(lastWord));
  const groups: string[][] = [];
  const excluded: string[] = [];
  terms.forEach((term, i) => {
    const phrase = `"${term.text.replace(/"/g, '""')}"`;
    const whole = term.starred || (i === terms.length - 1 && typing) ? `${phrase}*` : phrase;
    const inside = cjkQueryPhrases(term.text);
    const query = inside ? `(${whole} OR (${inside.join(' AND ')}))` : whole;
    if (term.excluded) excluded.push(query);
    else if (term.orWithPrevious) groups[groups.length - 1]!.push(query);
    else groups.push([query]);
  });
  const excludedQuery = excluded.join(' OR ');
  if (groups.length === 0) return { match: excludedQuery, excluding: true };
  const wanted = groups.map((g) => (g.length > 1 ? `(${g.join(' OR ')})` : g[0]!)).join(' AND ');
  return { match: excluded.length ? `(${wanted}) NOT (${excludedQuery})` : wanted, excluding: false };
}

/**
 * @param uncoveredBelow Captures with ids below this may have no rows in `capture_header_names` yet (migration 048's
 * backfill is under way); null once every capture has them.
 */
export function filterToSql(
  filter: CaptureFilter | undefined,
  isIndexedTerm?: IsIndexedTerm,
  uncoveredBelow: number | null = null,
): FilterSql {
  const where: string[] = [];
  const params: unknown[] = [];
  let from = 'captures c';
  let usesFts = false;
  if (!filter) return { from, where, params, usesFts, key: 'c.id' };

  const fts = filter.text ? toFtsQuery(filter.text, isIndexedTerm) : null;
  if (fts && !fts.excluding) {
    from = 'captures_fts f JOIN captures c ON c.id = f.rowid';
    where.push('captures_fts MATCH ?');
    params.push(fts.match);
    usesFts = true;
  } else if (fts) {
    // FTS5 has no query for "not this word" alone: every capture but the index's matches. Only those the index has
    // reached, as for a search for a word: one filed since cannot be told apart yet, and a live list that showed it
    // would keep it once indexed as holding the word.
    where.push(
      `c.id <= (SELECT indexed_upto FROM ${searchIndexSchemaName}.index_state)`,
      'c.id NOT IN (SELECT rowid FROM captures_fts WHERE captures_fts MATCH ?)',
    );
    params.push(fts.match);
  } else if (filter.text && filter.text.trim() !== '') {
    // Only symbols ("😀", "*", "-"): the index holds words and numbers, so nothing can match. Saying "every
    // capture matches" would be wrong.
    where.push('0');
  }
  if (filter.endpointId !== undefined) {
    if (filter.endpointId === null) where.push('c.endpoint_id IS NULL');
    else {
      where.push('c.endpoint_id = ?');
      params.push(filter.endpointId);
    }
  }
  if (filter.methods?.length) {
    where.push(`c.method IN (${filter.methods.map(() => '?').join(', ')})`);
    params.push(...filter.methods.map((m) => m.toUpperCase()));
  }
  if (filter.statuses?.length) {
    where.push(`c.response_status IN (${filter.statuses.map(() => '?').join(', ')})`);
    params.push(...filter.statuses);
  }
  if (filter.contentTypes?.length) {
    const parts = filter.contentTypes.map((type) => {
      // Captures store the media type alone: `Application/JSON; charset=utf-8` is asked for as `application/json`.
      const t = type.split(';')[0]!.trim().toLowerCase();
      if (t.endsWith('/*')) {
        params.push(`${likeLiteral(t.slice(0, -1))}%`);
        return "c.content_type LIKE ? ESCAPE '!'";
      }
      if (t === 'none') return 'c.content_type IS NULL';
      params.push(t);
      return 'c.content_type = ?';
    });
    where.push(`(${parts.join(' OR ')})`);
  }
  if (filter.fromMs !== undefined) {
    where.push('c.received_at_ms >= ?');
    params.push(filter.fromMs);
  }
  if (filter.toMs !== undefined) {
    where.push('c.received_at_ms <= ?');
    params.push(filter.toMs);
  }
  if (filter.header) {
    const value = filter.header.value ?? null;
    const named =
      'EXISTS (SELECT 1 FROM capture_header_names hn WHERE hn.name = lower(?) AND hn.capture_id = c.id)';
    if (uncoveredBelow !== null) {
      // Captures the backfill has not reached are read as before the side table.
      where.push(`((c.id >= ? AND ${named}) OR (c.id < ? AND ${headersNameSql}))`);
      params.push(
        uncoveredBelow,
        filter.header.name,
        uncoveredBelow,
        ...headersNameParams(filter.header.name),
      );
    } else if (usesFts) {
      where.push(named);
      params.push(filter.header.name);
    } else {
      // Walk the name's index entries newest first: a page stops after a page of them, a count reads no capture's headers.
      from = 'capture_header_names hn JOIN captures c ON c.id = hn.capture_id';
      where.push('hn.name = lower(?)');
      params.push(filter.header.name);
    }
    if (value !== null) {
      // Values are stored Latin-1 decoded, so a UTF-8 `José` is stored as `JosÃ©`: match the value as typed and as
      // stored. A plain text test on the stored JSON leaves json_each only the captures that hold the value.
      const stored = headerValueAsUtf8Stored(value);
      where.push(
        '(instr(c.headers, ?) OR instr(c.headers, ?))',
        'EXISTS (SELECT 1 FROM json_each(c.headers) h WHERE lower(h.value ->> 0) = lower(?) AND h.value ->> 1 IN (?, ?))',
      );
      params.push(JSON.stringify(value), JSON.stringify(stored), filter.header.name, value, stored);
    }
  }
  if (filter.vendor) {
    // Vendor names are ASCII ("WP Fusion"); a CLI or API caller may type them in any case. No index covers vendor.
    where.push('c.vendor = ? COLLATE NOCASE');
    params.push(filter.vendor);
  }
  if (filter.source) {
    where.push('c.source = ?');
    params.push(filter.source);
  }
  const byName = from !== 'captures c' && !usesFts;
  return {
    from,
    where,
    params,
    usesFts,
    key: usesFts ? 'f.rowid' : byName ? 'hn.capture_id' : 'c.id',
  };
}

/**
 * A header name test on the stored headers alone. Reading every capture's headers with json_each took a second per
 * 100k captures; the stored JSON text must hold the name as JSON.stringify wrote it, so a plain text test leaves
 * json_each only the rows that do. LIKE ignores ASCII case as lower() does.
 */
const headersNameSql =
  "(c.headers LIKE ? ESCAPE '!' AND EXISTS (SELECT 1 FROM json_each(c.headers) h WHERE lower(h.value ->> 0) = lower(?)))";
const headersNameParams = (name: string) => [`%${likeLiteral(JSON.stringify(name))}%`, name];

/** Text that LIKE (with ESCAPE '!') matches only as itself. */
const likeLiteral = (text: string) => text.replace(/[!%_]/g, (c) => `!${c}`);
