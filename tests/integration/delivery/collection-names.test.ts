import { describe, expect, it } from 'vitest';
import { useApiHarness } from './helpers';

const harness = useApiHarness();
const { call } = harness;

type Listed = {
  items: Array<{ name: string; collectionId: number | null }>;
  collections: Array<{ id: number; name: string }>;
};
const list = async () => (await call('webhooks.list', {})).value as Listed;

describe('collection names are unique ignoring case and surrounding spaces', () => {
  it('refuses a second collection with the same name, naming the field, and keeps the first', async () => {
    const first = (await call('collections.save', { name: 'Ortto' })).value as { id: number };
    const second = await call('collections.save', { name: '  ORTTO ' });
    expect(second.ok).toBe(false);
    expect(second.error).toEqual({
      code: 'conflict',
      message: 'name: “ORTTO” is taken; choose another name',
    });
    expect((await list()).collections.filter((c) => c.name.toLowerCase() === 'ortto')).toEqual([
      { id: first.id, name: 'Ortto', createdAtMs: expect.any(Number) as number },
    ]);
  });

  it('refuses a rename to another collection’s name, and allows a collection to change its own name’s case', async () => {
    const a = (await call('collections.save', { name: 'Stripe' })).value as { id: number };
    const b = (await call('collections.save', { name: 'Shopify' })).value as { id: number };
    expect((await call('collections.save', { id: b.id, name: 'stripe' })).error?.message).toBe(
      'name: “stripe” is taken; choose another name',
    );
    expect((await call('collections.save', { id: a.id, name: 'STRIPE' })).value).toMatchObject({
      id: a.id,
      name: 'STRIPE',
    });
    expect((await list()).collections.find((c) => c.id === b.id)?.name).toBe('Shopify');
  });

  it('imports into the existing collection of that name, whatever its case, and never makes a second one', async () => {
    const mine = (await call('collections.save', { name: 'Ontraport' })).value as { id: number };
    const content = JSON.stringify({
      format: 'hookscope-webhooks',
      version: 1,
      webhooks: [
        { name: 'Imported lower', method: 'POST', url: 'https://x.example/a', collection: 'ontraport' },
        { name: 'Imported spaced', method: 'POST', url: 'https://x.example/b', collection: ' ONTRAPORT ' },
        { name: 'Imported new', method: 'POST', url: 'https://x.example/c', collection: 'Mailchimp' },
        { name: 'Imported new again', method: 'POST', url: 'https://x.example/d', collection: 'mailchimp' },
        { name: 'Imported blank', method: 'POST', url: 'https://x.example/e', collection: '   ' },
      ],
    });
    expect((await call('webhooks.import', { content })).value).toMatchObject({ imported: 5, errors: [] });
    const after = await list();
    const named = (n: string) => after.collections.filter((c) => c.name.toLowerCase() === n);
    expect(named('ontraport').map((c) => c.id)).toEqual([mine.id]);
    expect(named('mailchimp')).toHaveLength(1);
    const inCollection = (name: string) => after.items.find((w) => w.name === name)?.collectionId;
    expect([inCollection('Imported lower'), inCollection('Imported spaced')]).toEqual([mine.id, mine.id]);
    expect([inCollection('Imported new'), inCollection('Imported new again')]).toEqual([
      named('mailchimp')[0]!.id,
      named('mailchimp')[0]!.id,
    ]);
    expect(inCollection('Imported blank')).toBeNull();
    expect(after.collections.filter((c) => !c.name.trim())).toEqual([]);
  });

  it('lets each of two legacy collections with the same name keep, or re-case, its own name', async () => {
    // A database from before the rule may hold both; the engine now refuses to make the second, so write it directly.
    const insert = harness.engine.ctx.db.prepare(
      'INSERT INTO webhook_collections (name, created_at_ms) VALUES (?, 0)',
    );
    const a = Number(insert.run('Legacy').lastInsertRowid);
    const b = Number(insert.run('legacy').lastInsertRowid);
    expect((await call('collections.save', { id: a, name: 'Legacy' })).value).toMatchObject({
      id: a,
      name: 'Legacy',
    });
    expect((await call('collections.save', { id: b, name: 'LEGACY' })).value).toMatchObject({
      id: b,
      name: 'LEGACY',
    });
    const other = (await call('collections.save', { name: 'Elsewhere' })).value as { id: number };
    expect((await call('collections.save', { id: other.id, name: 'legacy' })).error?.message).toBe(
      'name: “legacy” is taken; choose another name',
    );
  });
});
