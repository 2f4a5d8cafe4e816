import { describe, expect, it } from 'vitest';
import type { Handlers } from '../../../electron/shared/contract/index';
import { tunnelState, type TunnelState } from '../../../electron/shared/contract/tunnel';
import { createDispatcher } from '../../../electron/engine/api/dispatcher';
import { createTunnelModule } from '../../../electron/engine/tunnel/module';
import { useCleanup } from '../../helpers/cleanup';
import { startApp, type TestApp } from '../../helpers/app-server';
import { newCapture } from '../../helpers/new-capture';
import { tempDir } from '../../helpers/temp-dir';
import { FakeProvider, flush } from '../../unit/tunnel/fake-provider';

// The tunnel module over a real engine (SQLite in a temp dir, receiver on port 0) with a hand-driven provider.

const cleanups = useCleanup();

async function app(dataDir?: string): Promise<TestApp> {
  const started = await startApp({ serveUi: false, dataDir });
  cleanups.push(() => started.close());
  return started;
}

function tunnelOn(target: TestApp) {
  const provider = new FakeProvider();
  const module = createTunnelModule(target.engine.ctx, { provider });
  cleanups.push(() => module.close?.());
  const dispatcher = createDispatcher(module.handlers as unknown as Handlers, { checkOutputs: true });
  const call = (method: string, input: unknown = {}) =>
    dispatcher.dispatch(method, input, { transport: 'in-process' });
  return { provider, module, call };
}

describe('tunnel module', () => {
  it('persists settings per profile in SQLite and validates them, naming the field', async () => {
    const dir = tempDir();
    const first = tunnelOn(await app(dir.path));
    expect(await first.call('tunnel.settings.get')).toEqual({
      ok: true,
      value: { subdomain: null, host: 'https://localtunnel.me', autoStart: false },
    });
    const bad = await first.call('tunnel.settings.update', { subdomain: 'Not_Valid' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!bad.ok && bad.error.message).toMatch(/^subdomain: /);
    const badHost = await first.call('tunnel.start', { host: 'localtunnel.me' });
    expect(!badHost.ok && badHost.error.message).toMatch(/^host: use an http\(s\) URL/);
    expect(first.provider.calls).toHaveLength(0);
    await first.call('tunnel.settings.update', { subdomain: 'my-hooks', host: 'http://127.0.0.1:9/' });
    await cleanups.closeNow();

    const second = tunnelOn(await app(dir.path));
    cleanups.push(() => dir.cleanup());
    expect(await second.call('tunnel.settings.get')).toMatchObject({
      value: { subdomain: 'my-hooks', host: 'http://127.0.0.1:9' },
    });
  });

  it("numbers its states: each tunnel.state event's revision is above the last, and answers carry the latest", async () => {
    const target = await app();
    const { provider, call } = tunnelOn(target);
    const revisions: number[] = [];
    cleanups.push(target.engine.bus.on('tunnel.state', (state) => revisions.push(state.revision)));
    const before = (await call('tunnel.status')) as { ok: true; value: TunnelState };
    const started = (await call('tunnel.start', { host: 'http://127.0.0.1:9' })) as {
      ok: true;
      value: TunnelState;
    };
    provider.last().reject('refused');
    await flush();
    expect(revisions.length).toBeGreaterThanOrEqual(2);
    expect(revisions[0]).toBeGreaterThan(before.value.revision);
    expect(started.value.revision).toBe(revisions.at(-2));
    expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
    expect(new Set(revisions).size).toBe(revisions.length);
  });

  it('starts with the saved options on the receiver port, and auto-starts when asked', async () => {
    const target = await app();
    const { provider, module, call } = tunnelOn(target);
    await call('tunnel.settings.update', { autoStart: true, subdomain: 'auto-hooks' });
    await module.start?.();
    expect(provider.last().request).toMatchObject({
      subdomain: 'auto-hooks',
      host: 'https://localtunnel.me',
      localPort: target.engine.ctx.receiverPort(),
    });
    const started = await call('tunnel.start', { subdomain: null });
    expect(started).toMatchObject({ ok: true, value: { phase: 'connecting', requestedSubdomain: null } });
    expect(await call('tunnel.settings.get')).toMatchObject({ value: { subdomain: null, autoStart: true } });
  });

  it('refuses to start, saying why, when the receiver listens only on an address other than loopback', async () => {
    const target = await app();
    const provider = new FakeProvider();
    const ctx = { ...target.engine.ctx, config: { ...target.engine.ctx.config, receiverHost: '192.0.2.2' } };
    const module = createTunnelModule(ctx, { provider });
    cleanups.push(() => module.close?.());
    const dispatcher = createDispatcher(module.handlers as unknown as Handlers, { checkOutputs: true });
    const started = await dispatcher.dispatch('tunnel.start', {}, { transport: 'in-process' });
    expect(started).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(!started.ok && started.error.message).toContain('listens only on 192.0.2.2 (--host)');
    // Refused options are not saved either (they used to be, before the refusal).
    const refused = await dispatcher.dispatch(
      'tunnel.start',
      { subdomain: 'refused-hooks', host: 'http://127.0.0.1:9' },
      { transport: 'in-process' },
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(await dispatcher.dispatch('tunnel.settings.get', {}, { transport: 'in-process' })).toEqual({
      ok: true,
      value: { subdomain: null, host: 'https://localtunnel.me', autoStart: false },
    });
    // Saved to start on its own: the engine still starts, and the tunnel stays off.
    await dispatcher.dispatch('tunnel.settings.update', { autoStart: true }, { transport: 'in-process' });
    await module.start?.();
    expect(provider.calls).toHaveLength(0);
    expect(module.state().phase).toBe('idle');
  });

  it('raises the public-without-auth banner only while a public URL exists, listing endpoints by path', async () => {
    const target = await app();
    const { provider, module } = tunnelOn(target);
    const events: TunnelState[] = [];
    target.engine.ctx.bus.on('tunnel.state', (s) => events.push(s));
    expect(module.state().publicWithoutAuth).toBe(false);
    module.startTunnel({ host: 'http://127.0.0.1:9' });
    // Connecting: nothing is public yet.
    expect(module.state()).toMatchObject({
      phase: 'connecting',
      url: null,
      publicWithoutAuth: false,
      unprotectedEndpoints: [],
    });
    provider.last().resolve('http://abcd.lt.test');
    await flush();
    expect(module.state()).toMatchObject({ phase: 'online', publicWithoutAuth: true });
    expect(tunnelState.safeParse(module.state()).success).toBe(true);
    expect(module.publicUrls()).toEqual(['http://abcd.lt.test']);
    const endpoints = target.engine.ctx.endpoints;
    const defaultEndpoint = endpoints.list().find((e) => e.isDefault)!;
    expect(module.state().unprotectedEndpoints).toEqual(['/ (catch-all)']);
    endpoints.update(defaultEndpoint.id, { auth: { kind: 'header', name: 'x-key', value: 'k' } });
    expect(events.at(-1)).toMatchObject({ publicWithoutAuth: false, unprotectedEndpoints: [] });
    endpoints.create({ slug: 'open', name: 'Open' });
    // Names are free text (blank, repeated, bidi overrides): the banner names the path senders reach.
    endpoints.create({ slug: 'evil', name: '\u202EOpen' });
    expect(events.at(-1)).toMatchObject({
      publicWithoutAuth: true,
      unprotectedEndpoints: ['/h/open', '/h/evil'],
    });
    // Another server that refuses the registration: the old URL is closed, so nothing is public.
    module.startTunnel({ host: 'http://127.0.0.2:9' });
    provider.last().reject('tunnel server refused the registration (HTTP 503)');
    await flush();
    expect(module.state()).toMatchObject({
      phase: 'offline',
      url: null,
      publicWithoutAuth: false,
      unprotectedEndpoints: [],
    });
    module.handlers['tunnel.stop']({}, { transport: 'in-process' });
    expect(module.state()).toMatchObject({ phase: 'idle', publicWithoutAuth: false });
    expect(module.publicUrls()).toEqual(['http://abcd.lt.test']);
  });

  it('files a request as tunnel traffic only when it came from loopback, where the tunnel client connects from', async () => {
    // With the receiver on 0.0.0.0, a LAN sender could name the public host in Host and pass for tunnel traffic.
    const target = await app();
    const { provider, module } = tunnelOn(target);
    module.startTunnel({ host: 'http://127.0.0.1:9' });
    provider.last().resolve('http://abcd.lt.test');
    await flush();
    const captures = target.engine.ctx.captures;
    const fileFrom = async (remoteAddress: string) => {
      const id = await captures.add(
        newCapture({ remoteAddress, headers: [['Host', 'abcd.lt.test']], annotate: true }),
      );
      captures.flush();
      const { source, publicUrl } = captures.get(id);
      return { source, publicUrl };
    };
    expect(await fileFrom('127.0.0.1')).toEqual({ source: 'tunnel', publicUrl: 'http://abcd.lt.test' });
    expect(await fileFrom('::ffff:127.0.0.1')).toEqual({
      source: 'tunnel',
      publicUrl: 'http://abcd.lt.test',
    });
    expect(await fileFrom('192.168.1.20')).toEqual({ source: 'receiver', publicUrl: null });
  });
});
