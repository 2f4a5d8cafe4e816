import { describe, expect, it } from 'vitest';
import { escapeControls } from '../../../electron/shared/control-escapes';

describe('escapeControls', () => {
  it('writes C0 controls as JSON.stringify does and DEL as \\u007f, keeping tab, newline and CRLF', () => {
    expect(escapeControls('x\u0000\u0001\u001b[31mred\u007f\b\f a\r\nb\nc\rd\te')).toBe(
      'x\\u0000\\u0001\\u001b[31mred\\u007f\\b\\f a\r\nb\nc\\rd\te',
    );
  });

  it('escapes the line separators only when asked', () => {
    expect(escapeControls('a\u2028b\u2029c')).toBe('a\u2028b\u2029c');
    expect(escapeControls('a\u2028b\u2029c', { lineSeparators: true })).toBe('a\\u2028b\\u2029c');
  });

  it('escapes newline and CR in a one-line value (a header), keeping tab', () => {
    expect(escapeControls('v\r\nX-Injected: 1\tz', { multiline: false })).toBe('v\\r\\nX-Injected: 1\tz');
  });
});
