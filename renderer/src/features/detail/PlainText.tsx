import { useMemo, useState } from 'react';
import { Highlight, searchPattern } from '../../components/Highlight';
import { formatBytes } from '../../lib/format';
import { indentJson } from '../../lib/json-indent';

/**
 * Characters shown at first and added by each "Show more". Laying out a megabyte of text in one `<pre>` blocked the
 * page for 150–430 ms when an 11 MB body opened; a chunk this size opens at once.
 */
export const TEXT_CHUNK = 128 * 1024;

/**
 * A body as plain text, the first TEXT_CHUNK characters at first and a chunk more on asking, with a notice saying how
 * much is shown and whether the search also matches beyond it. With `json`, the text is indented by a linear pass
 * (`indentJson`) rather than parsed.
 */
export function PlainText({
  text,
  bytes,
  query = '',
  json = false,
  className = 'text-body',
  testId = 'text-body',
}: {
  text: string;
  bytes: number;
  query?: string;
  json?: boolean;
  className?: string;
  testId?: string;
}) {
  const [limit, setLimit] = useState(TEXT_CHUNK);
  const shown = useMemo(
    () =>
      json ? indentJson(text, limit) : { text: text.slice(0, limit), read: Math.min(text.length, limit) },
    [text, json, limit],
  );
  const beyond = useMemo(() => {
    if (shown.read >= text.length) return false;
    return searchPattern(query)?.test(text.slice(shown.read)) ?? false;
  }, [text, shown.read, query]);
  return (
    <>
      {shown.read < text.length && (
        <div className="notice" data-testid="text-partial">
          Showing the first {shown.read.toLocaleString()} of {text.length.toLocaleString()} characters (
          {formatBytes(bytes)}). {beyond && 'The search also matches further on. '}
          <button type="button" className="btn btn-small" onClick={() => setLimit((n) => n + TEXT_CHUNK)}>
            Show more
          </button>{' '}
          or download the body for all of it.
        </div>
      )}
      <pre className={className} data-testid={testId}>
        <Highlight text={shown.text} query={query} />
      </pre>
    </>
  );
}
