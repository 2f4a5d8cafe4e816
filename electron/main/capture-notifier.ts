import type { ApiClient } from '../shared/contract/client';
import { clipVisibleLine } from '../shared/clip-visible-line';
import { visibleLine } from '../shared/visible-characters';
import type { EventBus } from '../engine/events/event-bus';
import type { Logger } from '../engine/util/logger';
import type { BrowserWindowLike, NotificationLike, NotificationStatic } from './electron-like';

export interface CaptureNotifierDeps {
  bus: Pick<EventBus, 'on'>;
  api: ApiClient;
  Notification: NotificationStatic;
  getWindow(): BrowserWindowLike | null;
  /** The window, opened again if there is none (macOS keeps receiving with every window closed). */
  showWindow(): BrowserWindowLike;
  platform: NodeJS.Platform;
  log?: Logger;
  /** Tests pass a manual clock. */
  timers?: { setTimeout(run: () => void, ms: number): unknown; clearTimeout(timer: unknown): void };
}

/** Linux notification daemons read the body as markup (and strict ones drop a body with a bare `&`). */
const escapeMarkup = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** After a notification, captures arriving within this time are gathered into one, shown when it ends. */
export const notificationQuietMs = 5_000;

interface Pending {
  count: number;
  first: { method: string; path: string };
}

/**
 * A desktop notification for new captures while the window is unfocused or closed and `settings.notifyOnCapture` is
 * on; clicking it brings the window back. At most one per quiet period: a burst of webhooks (each of which may be its
 * own `capture.created` batch) is announced once, then as one "N new captures" when the period ends. Text only:
 * method, path and count, clipped, with invisible and control characters shown as the UI shows them (payloads are
 * hostile and never shown here).
 */
export function startCaptureNotifier(deps: CaptureNotifierDeps): () => void {
  // Electron drops click handlers of notifications that get garbage-collected: keep the recent ones alive.
  const alive = new Set<NotificationLike>();
  const timers = deps.timers ?? {
    setTimeout: (run: () => void, ms: number) => setTimeout(run, ms),
    clearTimeout: (timer: unknown) => clearTimeout(timer as ReturnType<typeof setTimeout>),
  };
  let quiet: unknown = null;
  let held: Pending | null = null;
  const unfocused = () => {
    const window = deps.getWindow();
    return !(window && window.isFocused());
  };

  const announce = ({ count, first }: Pending) => {
    quiet = timers.setTimeout(endQuiet, notificationQuietMs);
    void deps.api
      .call('settings.get', {})
      .then((settings) => {
        if (!settings.notifyOnCapture) return;
        const more = count > 1 ? ` (+${count - 1} more)` : '';
        const body = clipVisibleLine(visibleLine(`${first.method} ${first.path}`), 120) + more;
        const notification = new deps.Notification({
          title: count === 1 ? 'New capture' : `${count} new captures`,
          body: deps.platform === 'linux' ? escapeMarkup(body) : body,
          silent: true,
        });
        notification.on('click', () => {
          const target = deps.showWindow();
          if (target.isMinimized()) target.restore();
          target.show();
          target.focus();
        });
        alive.add(notification);
        for (const old of alive) if (alive.size > 10) alive.delete(old);
        notification.show();
      })
      .catch((error: unknown) => deps.log?.warn('capture notification failed', { error: String(error) }));
  };

  function endQuiet() {
    quiet = null;
    const pending = held;
    held = null;
    // Focused meanwhile: the user is looking at the list the captures arrived in.
    if (pending && unfocused()) announce(pending);
  }

  const stop = deps.bus.on('capture.created', ({ items }) => {
    const first = items[0];
    if (!first || !unfocused() || !deps.Notification.isSupported()) return;
    if (quiet) held = { count: (held?.count ?? 0) + items.length, first: held?.first ?? first };
    else announce({ count: items.length, first });
  });
  return () => {
    stop();
    if (quiet) timers.clearTimeout(quiet);
    quiet = null;
    held = null;
  };
}
