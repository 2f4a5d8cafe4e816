import { describe, expect, it } from 'vitest';
import { importHarEntry, replayToServer } from './har-replay';
import { useApiHarness } from './helpers';

const api = useApiHarness();

// A HAR header folded over lines was stored with its line break: no request could carry it, so a replay dropped it and
// the composer refused to send it, while the import said nothing.
describe('a HAR request header folded over several lines (obs-fold)', () => {
  it('is imported with each fold as one space, with a warning, and replayed as imported', async () => {
    const capture = await importHarEntry(api, '/folded', [
      { name: 'X-Folded', value: 'first part\r\n   second part' },
      { name: 'X-Lf-Tab', value: 'a \n\tb' },
      { name: 'X-Plain', value: 'y' },
    ]);
    expect(capture.headers).toEqual([
      ['X-Folded', 'first part second part'],
      ['X-Lf-Tab', 'a b'],
      ['X-Plain', 'y'],
    ]);
    expect(capture.warnings).toEqual([
      'entries[0].request.headers[0] ("X-Folded"): value folded over several lines; each fold read as one space (RFC 9110 obs-fold)',
      'entries[0].request.headers[1] ("X-Lf-Tab"): value folded over several lines; each fold read as one space (RFC 9110 obs-fold)',
    ]);
    const delivery = await replayToServer(api, capture.id, '/replayed-folded');
    expect(delivery.state).toBe('succeeded');
    expect(delivery.headers).toContainEqual(['X-Folded', 'first part second part']);
    const got = api.server.received.find((r) => r.url === '/replayed-folded')!;
    expect(got.headers['x-folded']).toBe('first part second part');
    expect(got.headers['x-lf-tab']).toBe('a b');
  });

  it('a line break that is no fold is kept as captured, and the import says a replay leaves it out', async () => {
    const capture = await importHarEntry(api, '/split', [{ name: 'X-Split', value: 'a\r\nX-Injected: 1' }]);
    expect(capture.headers).toContainEqual(['X-Split', 'a\r\nX-Injected: 1']);
    expect(capture.warnings).toEqual([
      'entries[0].request.headers[0] ("X-Split"): value holds a line break or control character no request can carry; kept as captured, left out on replay',
    ]);
    const delivery = await replayToServer(api, capture.id, '/replayed-split');
    expect(delivery.state).toBe('succeeded');
    const got = api.server.received.find((r) => r.url === '/replayed-split')!;
    expect(got.headers['x-split']).toBeUndefined();
    expect(got.headers['x-injected']).toBeUndefined();
  });
});
