/** True when a text breaks its lines with CRLF only (a Windows file, an HTTP message), with at least one break. */
const crlfOnly = (text: string) => /\r\n/.test(text) && !/\r(?!\n)|(?<!\r)\n/.test(text);

/**
 * A textarea's edited value written with the line endings of the text it was showing. A textarea shows every line
 * break (CR, LF or CRLF) as LF and reads it back so, so one keystroke would otherwise change every line break sent.
 * Only the edited region takes the textarea's text: the lines before and after it keep their own endings, whatever
 * the mix. Breaks typed into a CRLF-only text are written as CRLF.
 */
export function withLineEndingsOf(shown: string, edited: string): string {
  // Where each character of the text as shown starts in `shown`, plus its end.
  const starts: number[] = [];
  let asShown = '';
  for (let i = 0; i < shown.length; i++) {
    starts.push(i);
    if (shown[i] === '\r') {
      asShown += '\n';
      if (shown[i + 1] === '\n') i++;
    } else asShown += shown[i];
  }
  starts.push(shown.length);

  let prefix = 0;
  const most = Math.min(asShown.length, edited.length);
  while (prefix < most && asShown[prefix] === edited[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < most - prefix &&
    asShown[asShown.length - 1 - suffix] === edited[edited.length - 1 - suffix]
  )
    suffix++;

  const typed = edited.slice(prefix, edited.length - suffix);
  return (
    shown.slice(0, starts[prefix]) +
    (crlfOnly(shown) ? typed.replace(/\r?\n/g, '\r\n') : typed) +
    shown.slice(starts[asShown.length - suffix])
  );
}
