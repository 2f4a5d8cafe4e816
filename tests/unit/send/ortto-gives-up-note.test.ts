import { describe, expect, it } from 'vitest';
import { orttoGivesUpNote } from '../../../electron/shared/send/ortto-retry';

describe("the rule editor's note on failure statuses Ortto never gets past", () => {
  it('says nothing for statuses Ortto retries', () => {
    expect(orttoGivesUpNote([429, 500, 503])).toBeNull();
  });

  it('names the statuses Ortto never retries', () => {
    expect(orttoGivesUpNote([401, 500, 403])).toMatch(
      /^Ortto never retries 401 or 403: it stops at the first/,
    );
  });

  it('names a 3xx failure status, which Ortto counts as delivered and so never retries (seed 004: 200–399)', () => {
    expect(orttoGivesUpNote([302])).toMatch(
      /^Ortto counts 302 as delivered \(200–399 is a success to it\): it stops at the first such answer/,
    );
    expect(orttoGivesUpNote([500, 307, 404, 301])).toMatch(
      /^Ortto never retries 404 and counts 301 or 307 as delivered /,
    );
  });
});
