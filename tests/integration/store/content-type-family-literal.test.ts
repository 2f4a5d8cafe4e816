import { describe, expect, it } from 'vitest';
import type { NewCapture } from '../../../electron/engine/store/capture-writer';
import { newCapture } from '../../helpers/new-capture';
import { useTempStores } from '../../helpers/temp-stores';

const t = useTempStores();

const capture = (contentType: string): NewCapture =>
  newCapture({ receivedAtMs: t.clock.now(), path: `/${contentType}`, contentType });

describe('a content-type family filter (`type/*`) on a real store', () => {
  it('reads `_` and `%` in the type as themselves, not as LIKE wildcards', async () => {
    for (const type of ['a_b/json', 'axb/json', 'a%b/xml', 'a-long-b/xml', 'application/json'])
      await t.stores.captures.add(capture(type));
    t.stores.captures.fileWaiting();
    const matching = (family: string) => {
      const filter = { contentTypes: [family] };
      const paths = t.stores.captures
        .list({ filter, limit: 50 })
        .items.map((c) => c.path)
        .sort();
      expect(t.stores.captures.count(filter)).toBe(paths.length);
      return paths;
    };
    expect(matching('a_b/*')).toEqual(['/a_b/json']);
    expect(matching('a%b/*')).toEqual(['/a%b/xml']);
    expect(matching('A_B/*')).toEqual(['/a_b/json']);
    expect(matching('application/*')).toEqual(['/application/json']);
    expect(matching('a!b/*')).toEqual([]);
  });
});
