/** The marks `visibleLine` writes for what cannot be drawn: `U+202E`, and control escapes such as `\u0000` and `\r`. */
const MARK = /U\+[0-9A-F]{4}|\\(?:u[0-9a-f]{4}|[bfnrt])/g;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** What a reader sees as one character: a mark, or a grapheme cluster (a family emoji, a flag, a letter and its accents). */
function* visibleUnits(line: string): Generator<string> {
  let from = 0;
  for (const mark of line.matchAll(MARK)) {
    for (const { segment } of graphemes.segment(line.slice(from, mark.index))) yield segment;
    yield mark[0];
    from = mark.index + mark[0].length;
  }
  for (const { segment } of graphemes.segment(line.slice(from))) yield segment;
}

/**
 * A `visibleLine` cut to at most `max` code points with `…`, only between whole units: a cut inside `U+202E` or a
 * family emoji would show `U+2` or a lone 👨. Counted in code points, not clusters, as one cluster can hold thousands.
 */
export function clipVisibleLine(line: string, max: number): string {
  if ([...line].length <= max) return line;
  let kept = '';
  let length = 0;
  for (const unit of visibleUnits(line)) {
    const unitLength = [...unit].length;
    if (length + unitLength > max - 1) break;
    kept += unit;
    length += unitLength;
  }
  return `${kept}…`;
}
