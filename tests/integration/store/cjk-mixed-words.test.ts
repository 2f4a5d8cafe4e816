import { beforeEach, expect, it } from 'vitest';
import { newCapture } from '../../helpers/new-capture';
import { useTempStores } from '../../helpers/temp-stores';

// Letters or digits written against CJK text make one token with it (`注文ID12345の確認`). A search for such a word
// matched on its CJK pairs alone: `注文ID12345` found every order, `東京2024` everything about 東京.
const t = useTempStores();

const searchPaths = (text: string) =>
  t.stores.captures
    .list({ filter: { text }, limit: 50 })
    .items.map((c) => c.path)
    .sort();

beforeEach(async () => {
  const bodies: Record<string, string> = {
    '/order-12345': '{"subject":"注文ID12345の確認"}',
    '/order-99999': '{"subject":"注文ID99999の確認"}',
    '/tokyo-2024': '{"event":"東京2024年大会"}',
    '/tokyo-tower': '{"event":"東京タワー"}',
  };
  for (const [path, body] of Object.entries(bodies))
    await t.stores.captures.add(newCapture({ path, body: Buffer.from(body) }));
  t.stores.captures.indexer.drain();
});

it('a word mixing CJK with letters or digits needs all of it, not its CJK pairs alone', () => {
  expect(searchPaths('注文ID12345')).toEqual(['/order-12345']);
  expect(searchPaths('ID12345の確認')).toEqual(['/order-12345']);
  expect(searchPaths('東京2024')).toEqual(['/tokyo-2024']);
  expect(searchPaths('2024年')).toEqual(['/tokyo-2024']);
  expect(searchPaths('東京2023')).toEqual([]);
});

it('the CJK and the other parts of such words are still found on their own', () => {
  expect(searchPaths('注文')).toEqual(['/order-12345', '/order-99999']);
  expect(searchPaths('確認')).toEqual(['/order-12345', '/order-99999']);
  expect(searchPaths('東京')).toEqual(['/tokyo-2024', '/tokyo-tower']);
  expect(searchPaths('ID12345')).toEqual(['/order-12345']);
  expect(t.stores.captures.count({ text: '注文ID99999' })).toBe(1);
});
