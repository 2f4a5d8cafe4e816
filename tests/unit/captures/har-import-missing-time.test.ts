import { describe, expect, it } from 'vitest';
import { parseHar } from '../../../electron/engine/captures/har-import';

const importNow = 1234;
const withTime = (startedDateTime?: unknown) => ({
  ...(startedDateTime === undefined ? {} : { startedDateTime }),
  request: { method: 'POST', url: 'https://hooks.example.com/x', headers: [] },
});

describe('HAR import of an entry whose startedDateTime is missing or not text', () => {
  it('imports the request at the import time, as for a value that is not a date, with a warning naming the field', () => {
    const result = parseHar(
      JSON.stringify({ log: { entries: [withTime(), withTime(null), withTime(1_700_000_000_000)] } }),
      importNow,
    );
    expect(result.errors).toEqual([]);
    expect(result.captures.map((c) => c.receivedAtMs)).toEqual([importNow, importNow, importNow]);
    expect(result.warnings).toEqual([
      'entries[0].startedDateTime: missing; used the import time',
      'entries[1].startedDateTime: not a date and time but null; used the import time',
      'entries[2].startedDateTime: not a date and time but a number; used the import time',
    ]);
  });
});
