import { describe, expect, it } from 'vitest';
import { parseHar } from '../../../electron/engine/captures/har-import';

describe('HAR import of a file saved with a byte-order mark', () => {
  it('imports it like the same file without one', () => {
    const har = JSON.stringify({
      log: {
        entries: [
          {
            startedDateTime: '2026-11-23T12:00:00.000Z',
            request: { method: 'POST', url: 'http://127.0.0.1/hook', headers: [] },
          },
        ],
      },
    });
    const result = parseHar('\uFEFF' + har, Date.UTC(2026, 10, 23));
    expect(result.errors).toEqual([]);
    expect(result.captures).toHaveLength(1);
    expect(result.captures[0]).toMatchObject({ method: 'POST', path: '/hook' });
  });
});
