import { afterEach, describe, expect, it } from 'vitest';
import type { Endpoint } from '../../../electron/shared/contract/endpoints';
import { startApp, type TestApp } from '../../helpers/app-server';

// Endpoint names over the HTTP API (inputs and outputs checked against the contract), real SQLite in a temp dir.

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

describe('endpoint names', () => {
  it('are trimmed on create and update, refused when blank (naming the field), and stored blank ones still load', async () => {
    app = await startApp({ serveUi: false });
    const { rpc } = app;
    const slugs = async () => {
      const list = await rpc<{ items: Endpoint[] }>('endpoints.list', {});
      if (!list.ok) throw new Error(list.error.message);
      return list.value.items;
    };

    const blank = await rpc('endpoints.create', { slug: 'blank', name: '   ' });
    expect(blank).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!blank.ok && blank.error.message).toMatch(/^name: /);
    expect((await slugs()).map((e) => e.slug)).not.toContain('blank');

    const padded = await rpc<Endpoint>('endpoints.create', { slug: 'padded', name: '  Padded  ' });
    if (!padded.ok) throw new Error(padded.error.message);
    expect(padded.value.name).toBe('Padded');
    const cleared = await rpc('endpoints.update', { id: padded.value.id, name: ' \t ' });
    expect(!cleared.ok && cleared.error.message).toMatch(/^name: /);
    const renamed = await rpc<Endpoint>('endpoints.update', { id: padded.value.id, name: ' Renamed ' });
    expect(renamed.ok && renamed.value.name).toBe('Renamed');

    // A database written before names were checked may hold a blank one: it lists and can be edited.
    const legacy = app.engine.ctx.endpoints.create({ slug: 'legacy', name: '  ' });
    expect((await slugs()).find((e) => e.slug === 'legacy')?.name).toBe('  ');
    const edited = await rpc<Endpoint>('endpoints.update', { id: legacy.id, rateLimitPerMinute: 5 });
    expect(edited).toMatchObject({ ok: true, value: { name: '  ', rateLimitPerMinute: 5 } });
  });

  it('trim a slug pasted with spaces or a line break around it, on create and update', async () => {
    app = await startApp({ serveUi: false });
    const { rpc } = app;
    const pasted = await rpc<Endpoint>('endpoints.create', { slug: ' ortto-prod\n', name: 'Ortto' });
    expect(pasted).toMatchObject({ ok: true, value: { slug: 'ortto-prod', pathPrefix: '/h/ortto-prod' } });
    if (!pasted.ok) return;
    const moved = await rpc<Endpoint>('endpoints.update', { id: pasted.value.id, slug: '\tortto-live ' });
    expect(moved).toMatchObject({ ok: true, value: { slug: 'ortto-live' } });
    const inner = await rpc('endpoints.create', { slug: 'ortto prod', name: 'Inner' });
    expect(!inner.ok && inner.error.message).toMatch(/^slug: /);
  });

  it('refuse an empty slug with one message saying it is required, not zod\'s "Too small" and the pattern as well', async () => {
    app = await startApp({ serveUi: false });
    for (const typed of ['', '  ']) {
      const empty = await app.rpc('endpoints.create', { slug: typed, name: 'Orders' });
      expect(!empty.ok && empty.error.message).toBe(
        'slug: required: the part of the URL after /h/ (such as orders)',
      );
    }
  });

  it('refuse a slug taken by another endpoint, and say that "default" belongs to the catch-all (whose URL is /)', async () => {
    app = await startApp({ serveUi: false });
    const { rpc } = app;
    const hooks = await rpc<Endpoint>('endpoints.create', { slug: 'hooks', name: 'Hooks' });
    if (!hooks.ok) throw new Error(hooks.error.message);
    const again = await rpc('endpoints.create', { slug: 'hooks', name: 'Again' });
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'slug: an endpoint "hooks" already exists.' },
    });
    const reserved = 'slug: "default" is reserved for the catch-all endpoint; pick another.';
    expect(await rpc('endpoints.create', { slug: 'default', name: 'Mine' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: reserved },
    });
    expect(await rpc('endpoints.update', { id: hooks.value.id, slug: 'default' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: reserved },
    });
  });
});
