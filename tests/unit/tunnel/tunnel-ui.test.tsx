// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../../../electron/shared/contract/client';
import type { TunnelState } from '../../../electron/shared/contract/tunnel';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { TunnelBanner, TunnelControl } from '../../../renderer/src/features/tunnel';
import { tunnelState } from '../../helpers/tunnel-state';

const baseState = tunnelState();

/** An API client that answers tunnel methods from a scripted state and lets the test push events. */
function fakeApi(initial: TunnelState) {
  const calls: Array<[string, unknown]> = [];
  const listeners = new Set<(payload: unknown) => void>();
  const others = new Map<string, Set<(payload: unknown) => void>>();
  let state = initial;
  const api = {
    async call(method: string, input: unknown) {
      calls.push([method, input]);
      if (method === 'tunnel.settings.get')
        return { subdomain: null, host: 'https://localtunnel.me', autoStart: false };
      if (method === 'tunnel.settings.update')
        return { subdomain: null, host: 'https://localtunnel.me', autoStart: true };
      if (method === 'tunnel.start')
        state = { ...state, phase: 'connecting', ...(input as object) } as TunnelState;
      if (method === 'tunnel.dismiss') state = { ...state, urlChanged: null };
      return state;
    },
    on(event: string, listener: (payload: unknown) => void) {
      const set = event === 'tunnel.state' ? listeners : (others.get(event) ?? new Set());
      others.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
    async capabilities() {
      return [];
    },
  } as unknown as ApiClient;
  const push = (next: TunnelState) => act(() => listeners.forEach((l) => l(next)));
  const emit = (event: string, payload: unknown) => act(() => others.get(event)?.forEach((l) => l(payload)));
  return { api, calls, push, emit };
}

const mount = (api: ApiClient, ui: React.ReactNode) =>
  render(<ApiProvider value={{ api, connection: new ConnectionStatus() }}>{ui}</ApiProvider>);

afterEach(cleanup);

describe('TunnelBanner', () => {
  it('says prominently that the sender must be updated, and clears once acknowledged', async () => {
    const { api, calls } = fakeApi({
      ...baseState,
      phase: 'online',
      url: 'https://brave-fox.loca.lt',
      // The subdomain field has been cleared since: the alert names the one that was refused.
      requestedSubdomain: null,
      urlChanged: {
        previousUrl: null,
        url: 'https://brave-fox.loca.lt',
        reason: 'subdomain-taken',
        requestedSubdomain: 'my-hooks',
        atMs: 1,
      },
    });
    mount(api, <TunnelBanner />);
    const alert = await screen.findByTestId('tunnel-url-changed');
    expect(alert.textContent).toContain('update the webhook URL at the sender');
    expect(alert.textContent).toContain('"my-hooks" was taken');
    expect(alert.textContent).toContain('https://brave-fox.loca.lt');
    await act(async () => fireEvent.click(screen.getByText('Sender updated')));
    expect(calls).toContainEqual(['tunnel.dismiss', { notice: 'urlChanged' }]);
    expect(screen.queryByTestId('tunnel-url-changed')).toBeNull();
  });

  it('warns while public without auth and renders a hostile User-Agent as text', async () => {
    const hostile = '<img src=x onerror="window.pwned=1">';
    const { api, push } = fakeApi(baseState);
    const { container } = mount(api, <TunnelBanner />);
    await act(async () => undefined);
    expect(screen.queryByTestId('tunnel-public-without-auth')).toBeNull();
    push({
      ...baseState,
      phase: 'online',
      publicWithoutAuth: true,
      unprotectedEndpoints: ['/ (catch-all)', '/h/open'],
      reminderNotice: { atMs: 1, userAgent: hostile, explanation: 'explained' },
    });
    expect(screen.getByTestId('tunnel-public-without-auth').textContent).toContain('Public without auth');
    expect(screen.getByTestId('tunnel-public-without-auth').textContent).toContain(
      'send requests to / (catch-all), /h/open.',
    );
    const paths = screen.getByTestId('tunnel-public-without-auth').querySelectorAll('bdi');
    expect([...paths].map((p) => p.textContent)).toEqual(['/ (catch-all)', '/h/open']);
    expect(screen.getByTestId('tunnel-reminder').textContent).toContain(hostile);
    expect(container.querySelector('img')).toBeNull();
  });
});

describe('TunnelControl', () => {
  it('validates the subdomain before asking, starts with the options, and follows state events', async () => {
    const { api, calls, push } = fakeApi(baseState);
    mount(api, <TunnelControl />);
    await act(async () => undefined);
    expect(screen.getByTestId('tunnel-control').textContent).toContain('Public URL: Off');
    await act(async () => fireEvent.click(screen.getByTestId('tunnel-control')));
    const input = screen.getByPlaceholderText('my-hooks');
    fireEvent.change(input, { target: { value: 'ab-c' } });
    expect(screen.getByText(/subdomain: start and end with a letter or digit/)).toBeTruthy();
    const start = screen.getByText('Start') as HTMLButtonElement;
    expect(start.disabled).toBe(true);
    fireEvent.change(input, { target: { value: 'my-hooks' } });
    expect(start.disabled).toBe(false);
    await act(async () => fireEvent.click(start));
    expect(calls).toContainEqual(['tunnel.start', { subdomain: 'my-hooks', host: 'https://localtunnel.me' }]);

    push({
      ...baseState,
      phase: 'online',
      url: 'https://my-hooks.loca.lt',
      history: [
        {
          url: 'https://my-hooks.loca.lt',
          host: 'https://localtunnel.me',
          requestedSubdomain: 'my-hooks',
          fromMs: 0,
          untilMs: null,
        },
      ],
    });
    expect(screen.getByTestId('tunnel-control').textContent).toContain('Public URL: Online');
    expect(screen.getByTestId('tunnel-url').textContent).toContain('https://my-hooks.loca.lt');
    expect(
      within(screen.getByTestId('tunnel-url')).getByRole('button', { name: 'Copy public URL' }),
    ).toBeTruthy();
    expect(screen.getByTestId('tunnel-history').textContent).toContain('https://my-hooks.loca.lt');
    expect(screen.getByText('Stop')).toBeTruthy();

    const auto = screen.getByLabelText('Start the public URL when Hookscope starts') as HTMLInputElement;
    expect(auto.checked).toBe(false);
    await act(async () => fireEvent.click(auto));
    expect(calls).toContainEqual(['tunnel.settings.update', { autoStart: true }]);
    expect(auto.checked).toBe(true);
  });

  it('refuses a subdomain typed with a space, naming the field, instead of dropping the space', async () => {
    const { api, calls } = fakeApi(baseState);
    mount(api, <TunnelControl />);
    await act(async () => undefined);
    await act(async () => fireEvent.click(screen.getByTestId('tunnel-control')));
    const input = screen.getByPlaceholderText('my-hooks') as HTMLInputElement;
    // Key by key, as typed: each change carries what the field shows plus the new character.
    for (const key of 'my hooks') fireEvent.change(input, { target: { value: input.value + key } });
    expect(input.value).toBe('my hooks');
    expect(screen.getByText('subdomain: use lowercase letters, digits and hyphens only')).toBeTruthy();
    const start = screen.getByText('Start') as HTMLButtonElement;
    expect(start.disabled).toBe(true);
    await act(async () => fireEvent.submit(start.closest('form')!));
    expect(calls.filter(([method]) => method === 'tunnel.start')).toEqual([]);
  });

  it("links each field's error to its input, which a screen reader then reads as the field's description", async () => {
    const { api } = fakeApi(baseState);
    mount(api, <TunnelControl />);
    await act(async () => undefined);
    await act(async () => fireEvent.click(screen.getByTestId('tunnel-control')));
    const subdomain = screen.getByPlaceholderText('my-hooks') as HTMLInputElement;
    const host = screen.getByDisplayValue('https://localtunnel.me') as HTMLInputElement;
    const description = (input: HTMLInputElement) =>
      (input.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ')
        .trim();
    expect(subdomain.hasAttribute('aria-describedby')).toBe(false);
    expect(host.hasAttribute('aria-describedby')).toBe(false);
    fireEvent.change(subdomain, { target: { value: 'ab-c' } });
    fireEvent.change(host, { target: { value: 'localtunnel.me' } });
    expect(subdomain.getAttribute('aria-invalid')).toBe('true');
    expect(description(subdomain)).toMatch(/^subdomain: start and end with a letter or digit/);
    expect(host.getAttribute('aria-invalid')).toBe('true');
    expect(description(host)).toMatch(/^host: use an http\(s\) URL/);
    fireEvent.change(subdomain, { target: { value: 'my-hooks' } });
    expect(subdomain.hasAttribute('aria-describedby')).toBe(false);
  });

  it('refuses a tunnel server typed with a space, naming the field, instead of dropping the space', async () => {
    const { api, calls } = fakeApi(baseState);
    mount(api, <TunnelControl />);
    await act(async () => undefined);
    await act(async () => fireEvent.click(screen.getByTestId('tunnel-control')));
    const input = screen.getByDisplayValue('https://localtunnel.me') as HTMLInputElement;
    fireEvent.change(input, { target: { value: '' } });
    for (const key of 'http://a b') fireEvent.change(input, { target: { value: input.value + key } });
    expect(input.value).toBe('http://a b');
    expect(
      screen.getByText('host: use an http(s) URL with no path, like https://localtunnel.me'),
    ).toBeTruthy();
    const start = screen.getByText('Start') as HTMLButtonElement;
    expect(start.disabled).toBe(true);
    await act(async () => fireEvent.submit(start.closest('form')!));
    expect(calls.filter(([method]) => method === 'tunnel.start')).toEqual([]);
  });

  it('starts with a subdomain pasted with a space after it, sending it without the space', async () => {
    const { api, calls, emit } = fakeApi(baseState);
    mount(api, <TunnelControl />);
    await act(async () => undefined);
    await act(async () => fireEvent.click(screen.getByTestId('tunnel-control')));
    const input = screen.getByPlaceholderText('my-hooks') as HTMLInputElement;
    fireEvent.change(input, { target: { value: ' my-hooks ' } });
    expect(screen.queryByText(/^subdomain:/)).toBeNull();
    const start = screen.getByText('Start') as HTMLButtonElement;
    expect(start.disabled).toBe(false);
    await act(async () => fireEvent.submit(start.closest('form')!));
    expect(calls.filter(([method]) => method === 'tunnel.start')).toEqual([
      ['tunnel.start', { subdomain: 'my-hooks', host: 'https://localtunnel.me' }],
    ]);
    // The start saved what was sent: that is this panel's own change, not one made elsewhere.
    await emit('tunnel.settings.changed', {
      subdomain: 'my-hooks',
      host: 'https://localtunnel.me',
      autoStart: false,
    });
    expect(screen.queryByTestId('tunnel-changed-elsewhere')).toBeNull();
  });

  it('opened while the tunnel runs, shows the options saved since (elsewhere), which Restart then uses', async () => {
    const running = {
      ...baseState,
      phase: 'online' as const,
      url: 'https://old-name.loca.lt',
      requestedSubdomain: 'old-name',
    };
    const { api, calls } = fakeApi(running);
    const saved = { subdomain: 'new-name', host: 'http://127.0.0.1:9', autoStart: false };
    const call = api.call.bind(api);
    api.call = (async (method: string, input: unknown) =>
      method === 'tunnel.settings.get' ? saved : call(method as never, input as never)) as typeof api.call;
    mount(api, <TunnelControl />);
    await act(async () => undefined);
    await act(async () => fireEvent.click(screen.getByTestId('tunnel-control')));
    expect((screen.getByPlaceholderText('my-hooks') as HTMLInputElement).value).toBe('new-name');
    expect((screen.getByLabelText('Tunnel server') as HTMLInputElement).value).toBe('http://127.0.0.1:9');
    await act(async () => fireEvent.click(screen.getByText('Restart')));
    expect(calls).toContainEqual(['tunnel.start', { subdomain: 'new-name', host: 'http://127.0.0.1:9' }]);
  });

  it('shows no error of a tunnel that is off', async () => {
    const lastError = { message: 'health probe failed: probe timed out after 5000 ms', atMs: 1 };
    const { api, push } = fakeApi({ ...baseState, phase: 'offline', lastError });
    mount(api, <TunnelControl />);
    await act(async () => undefined);
    await act(async () => fireEvent.click(screen.getByTestId('tunnel-control')));
    expect(screen.getByTestId('tunnel-last-error').textContent).toContain('health probe failed');
    push({ ...baseState, phase: 'idle', lastError });
    expect(screen.getByTestId('tunnel-control').textContent).toContain('Public URL: Off');
    expect(screen.queryByTestId('tunnel-last-error')).toBeNull();
  });

  it('counts down to the next attempt from the time it was scheduled, not from when the panel opened', async () => {
    let clock = 1_800_000_000_000;
    const now = vi.spyOn(Date, 'now').mockImplementation(() => clock);
    try {
      const url = 'https://my-hooks.loca.lt';
      const { api, push } = fakeApi({ ...baseState, phase: 'online', url });
      mount(api, <TunnelControl />);
      await act(async () => undefined);
      await act(async () => fireEvent.click(screen.getByTestId('tunnel-control')));
      clock += 60_000;
      push({
        ...baseState,
        phase: 'offline',
        url,
        lastError: { message: 'cannot reach tunnel server', atMs: clock },
        nextAttemptAtMs: clock + 2_000,
      });
      expect(screen.getByTestId('tunnel-last-error').textContent).toContain('next attempt in 2 s');
    } finally {
      now.mockRestore();
    }
  });

  it('says a probe that could not check the URL from here is inconclusive, not failed', async () => {
    const detail =
      'could not check the public URL from this machine: abcd.lt.test does not resolve here (ENOTFOUND)';
    const lastProbe = { ok: false, inconclusive: true, atMs: 1, latencyMs: null, detail };
    const { api } = fakeApi({ ...baseState, phase: 'online', url: 'http://abcd.lt.test', lastProbe });
    mount(api, <TunnelControl />);
    await act(async () => undefined);
    await act(async () => fireEvent.click(screen.getByTestId('tunnel-control')));
    expect(screen.getByTitle(detail).textContent).toMatch(/^probe inconclusive at /);
  });
});

// The tunnel server's own words reach the UI: a refused registration quotes its `message`, a failed probe's detail
// carries what the connection reported.
describe('TunnelControl, answers and events that cross', () => {
  it('keeps a newer tunnel.state event over the answer to tunnel.start that arrives after it', async () => {
    const { api, push } = fakeApi({ ...baseState, revision: 10 });
    let answer: (state: TunnelState) => void = () => undefined;
    const call = api.call.bind(api);
    api.call = ((method: string, input: unknown) =>
      method === 'tunnel.start'
        ? new Promise<TunnelState>((resolve) => (answer = resolve))
        : call(method as never, input as never)) as typeof api.call;
    mount(api, <TunnelControl />);
    await act(async () => undefined);
    await act(async () => fireEvent.click(screen.getByTestId('tunnel-control')));
    await act(async () => fireEvent.click(screen.getByText('Start')));
    // The engine moved on (the registration failed) before the start's answer got here.
    push({ ...baseState, phase: 'offline', revision: 12 });
    await act(async () => answer({ ...baseState, phase: 'connecting', revision: 11 }));
    expect(screen.getByTestId('tunnel-phase').textContent).toBe('Offline');
    push({ ...baseState, phase: 'connecting', revision: 13 });
    expect(screen.getByTestId('tunnel-phase').textContent).toBe('Connecting…');
  });
});

describe('TunnelControl, server text with a right-to-left override or a control character', () => {
  it('shows it escaped in the last error and the probe tooltip', async () => {
    const lastError = {
      message:
        'tunnel server http://127.0.0.1:9 refused the registration (HTTP 503): try \u202eniaga\u001b[2J',
      atMs: 1,
    };
    const lastProbe = { ok: false, atMs: 1, latencyMs: null, detail: 'socket hang up \u202eevil' };
    const { api } = fakeApi({ ...baseState, phase: 'offline', lastError, lastProbe });
    mount(api, <TunnelControl />);
    await act(async () => undefined);
    await act(async () => fireEvent.click(screen.getByTestId('tunnel-control')));
    expect(screen.getByTestId('tunnel-last-error').textContent).toContain(
      'refused the registration (HTTP 503): try U+202Eniaga\\u001b[2J',
    );
    const probe = screen.getByText(/^probe failed at /);
    expect(probe.getAttribute('title')).toBe('socket hang up U+202Eevil');
  });
});
