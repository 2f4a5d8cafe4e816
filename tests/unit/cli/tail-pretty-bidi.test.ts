import { describe, expect, it } from 'vitest';
import { formatPretty } from '../../../electron/cli/commands/tail';
import type { CaptureSummary } from '../../../electron/shared/contract/index';

// A sender's path, content type or event label with a right-to-left override would make tail's line read differently
// from what was received: `/invoice‮fdp.exe` shows as `/invoiceexe.pdf`.
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

describe('tail pretty line and bidirectional controls', () => {
  it('writes none of them from the path, query, content type or event label', () => {
    for (const mark of bidiControls) {
      const line = formatPretty(
        {
          id: 7,
          receivedAtMs: Date.UTC(2026, 10, 24, 12),
          method: 'POST',
          path: `/invoice${mark}fdp.exe`,
          query: `q=${mark}x`,
          endpointId: 1,
          responseStatus: 200,
          bodySizeBytes: 2,
          contentType: `text/${mark}plain`,
          truncated: false,
          vendor: 'ortto',
          eventLabel: `event${mark}`,
        } as unknown as CaptureSummary,
        false,
        Date.UTC(2026, 10, 24, 12),
      );
      expect(line).not.toContain(mark);
      expect(line).toContain('/invoice�fdp.exe?q=�x');
    }
  });
});
