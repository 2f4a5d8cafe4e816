import type { HarNameValue } from './har-lenient-fields';

/** obs-fold (RFC 9112 §5.2): a line break followed by at least one space or tab, with the whitespace before it. */
const OBS_FOLD = /[ \t]*\r?\n[ \t]+/g;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/;

/**
 * A HAR header value folded over several lines cannot be sent as it is: each fold becomes one space, as RFC 9110 has a
 * recipient read it (§5.5), so the capture holds what a replay sends. A value that still holds a line break or another
 * control character is kept as captured (it is evidence) and a replay leaves it out; both draw a warning at import.
 */
export function unfoldedHarHeaders(
  headers: HarNameValue[],
  field: string,
): { headers: HarNameValue[]; warnings: string[] } {
  const warnings: string[] = [];
  const unfolded = headers.map(({ name, value }, i) => {
    const at = `${field}[${i}] (${JSON.stringify(name.slice(0, 100))})`;
    const joined = value.replace(OBS_FOLD, ' ');
    if (joined !== value)
      warnings.push(
        `${at}: value folded over several lines; each fold read as one space (RFC 9110 obs-fold)`,
      );
    if (CONTROL.test(joined))
      warnings.push(
        `${at}: value holds a line break or control character no request can carry; kept as captured, left out on replay`,
      );
    return { name, value: joined };
  });
  return { headers: unfolded, warnings };
}
