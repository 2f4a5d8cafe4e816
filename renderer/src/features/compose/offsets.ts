import type { EditorRange } from '../../components/code-editor/types';

/** Monaco ranges (1-based lines and columns) for string offsets. */
export function offsetToRange(text: string, start: number, end: number): EditorRange {
  const position = (offset: number) => {
    let line = 1;
    let lineStart = 0;
    for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    return { line, column: offset - lineStart + 1 };
  };
  const a = position(start);
  const b = position(end);
  return { startLineNumber: a.line, startColumn: a.column, endLineNumber: b.line, endColumn: b.column };
}
