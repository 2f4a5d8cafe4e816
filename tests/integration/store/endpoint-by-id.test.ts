import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../../helpers/app-server';

// The receiver reads an endpoint's current rule by id on every answer: the cache must follow every change.

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

describe('an endpoint looked up by id', () => {
  it('follows creates, renames, rule edits and deletes, and finds the catch-all', async () => {
    app = await startApp({ serveUi: false });
    const endpoints = app.engine.ctx.endpoints;
    const catchAll = endpoints.list().find((e) => e.isDefault)!;
    expect(endpoints.byId(catchAll.id)?.isDefault).toBe(true);

    const a = endpoints.create({ slug: 'a', name: 'A' });
    const b = endpoints.create({ slug: 'b', name: 'B' });
    expect(endpoints.byId(a.id)?.slug).toBe('a');
    expect(endpoints.byId(b.id)?.slug).toBe('b');

    endpoints.update(a.id, { slug: 'a2', rule: { ...a.rule, status: 202 } });
    expect(endpoints.byId(a.id)).toMatchObject({ slug: 'a2', rule: { status: 202 } });

    endpoints.delete(b.id);
    expect(endpoints.byId(b.id)).toBeNull();
    expect(endpoints.byId(a.id)?.slug).toBe('a2');
    expect(endpoints.byId(987_654)).toBeNull();
  });
});
