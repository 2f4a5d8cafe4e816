import { describe, expect, it } from 'vitest';
import { withC1Escaped } from '../../../electron/cli/json-text';

// tail --json and export write a sender's headers and paths as JSON; a raw right-to-left override in them reorders the
// terminal line (`"text/pl‮ain"` shows reversed), so it is written as \u202e, which parses to the same string.
const bidiControls = [
  '\u061c',
  '\u200e',
  '\u200f',
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
];

describe('JSON text for a terminal and bidirectional controls', () => {
  it('escapes each of them, keeping the value', () => {
    for (const mark of bidiControls) {
      const value = { headers: [['Content-Type', `text/pl${mark}ain`]], path: `/a${mark}b` };
      const text = withC1Escaped(JSON.stringify(value));
      expect(text).not.toContain(mark);
      expect(JSON.parse(text)).toEqual(value);
    }
  });
});
