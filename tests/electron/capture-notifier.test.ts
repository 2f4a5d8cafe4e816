import { describe, expect, it } from 'vitest';
import { EventBus } from '../../electron/engine/events/event-bus';
import { notificationQuietMs, startCaptureNotifier } from '../../electron/main/capture-notifier';
import type { ApiClient } from '../../electron/shared/contract/client';
import type { EventPayload } from '../../electron/shared/contract/index';
import { createFakeElectron } from './fake-electron';

type Summary = EventPayload<'capture.created'>['items'][number];
const capture = (path: string) => ({ method: 'POST', path }) as Summary;

/** A clock the test moves by hand: due timers run when `advance` passes their time. */
function manualTimers() {
  let now = 0;
  const pending = new Map<number, { at: number; run: () => void }>();
  let next = 0;
  return {
    setTimeout(run: () => void, ms: number) {
      pending.set(++next, { at: now + ms, run });
      return next;
    },
    clearTimeout(timer: unknown) {
      pending.delete(timer as number);
    },
    advance(ms: number) {
      now += ms;
      for (const [id, timer] of [...pending]) {
        if (timer.at > now) continue;
        pending.delete(id);
        timer.run();
      }
    },
  };
}

function setup() {
  const fake = createFakeElectron();
  const window = new fake.electron.BrowserWindow({} as never);
  window.focused = false;
  const bus = new EventBus();
  const api = { call: async () => ({ notifyOnCapture: true }) } as unknown as ApiClient;
  const timers = manualTimers();
  const stop = startCaptureNotifier({
    bus,
    api,
    Notification: fake.electron.Notification,
    getWindow: () => window,
    showWindow: () => window,
    platform: 'darwin',
    timers,
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { fake, window, bus, timers, stop, settle };
}

describe('capture notifications', () => {
  it('a burst of webhooks, each its own batch, is one notification, then one summing up the rest', async () => {
    const { fake, bus, timers, stop, settle } = setup();
    for (let i = 0; i < 30; i++) bus.emit('capture.created', { items: [capture(`/hook/${i}`)] });
    await settle();
    expect(fake.notifications.map((n) => n.options)).toEqual([
      expect.objectContaining({ title: 'New capture', body: 'POST /hook/0' }),
    ]);
    timers.advance(notificationQuietMs);
    await settle();
    expect(fake.notifications.map((n) => n.options)).toEqual([
      expect.objectContaining({ title: 'New capture', body: 'POST /hook/0' }),
      expect.objectContaining({ title: '29 new captures', body: 'POST /hook/1 (+28 more)' }),
    ]);
    timers.advance(notificationQuietMs); // nothing more arrived: nothing more to say
    await settle();
    expect(fake.notifications).toHaveLength(2);
    bus.emit('capture.created', { items: [capture('/later')] });
    await settle();
    expect(fake.notifications.at(-1)?.options).toMatchObject({ body: 'POST /later' });
    stop();
  });

  it('drops what it held back if the window was focused meanwhile', async () => {
    const { fake, window, bus, timers, stop, settle } = setup();
    bus.emit('capture.created', { items: [capture('/a')] });
    bus.emit('capture.created', { items: [capture('/b')] });
    window.focused = true;
    timers.advance(notificationQuietMs);
    await settle();
    expect(fake.notifications).toHaveLength(1);
    stop();
  });

  it('clips a long path on whole characters, never half an emoji', async () => {
    const { fake, bus, stop, settle } = setup();
    // Each emoji is two UTF-16 units: cut at 119 units, the last one kept was half of one.
    bus.emit('capture.created', { items: [capture(`/${'😀'.repeat(200)}`)] });
    await settle();
    expect(fake.notifications[0]?.options.body).toBe(`POST /${'😀'.repeat(113)}…`);
    stop();
  });

  // "POST /" and 112 letters are 118 code points; the clip keeps 119 and adds "…". Each of these ends past that.
  it.each([
    ['a family emoji (three people joined by U+200D)', '\u{1f468}\u200d\u{1f469}\u200d\u{1f467}'],
    ['a flag (two regional indicators)', '\u{1f1fa}\u{1f1f8}'],
    ['an invisible character shown as its code point (U+202E)', '\u202e'],
    ['a control character shown as its escape (\\u0000)', '\u0000'],
  ])('clips a long path before %s that does not fit, never inside it', async (_, tail) => {
    const { fake, bus, stop, settle } = setup();
    bus.emit('capture.created', { items: [capture(`/${'a'.repeat(112)}${tail}/more`)] });
    await settle();
    expect(fake.notifications[0]?.options.body).toBe(`POST /${'a'.repeat(112)}…`);
    stop();
  });

  it('shows the invisible and direction-changing characters of a captured path as code points', async () => {
    const { fake, bus, stop, settle } = setup();
    bus.emit('capture.created', { items: [capture('/pay/\u202egnp.exe/adm\u200din')] });
    await settle();
    expect(fake.notifications[0]?.options.body).toBe('POST /pay/U+202Egnp.exe/admU+200Din');
    stop();
  });
});
