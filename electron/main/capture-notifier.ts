import type { ApiClient } from '../shared/contract/client';
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
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Linux notification daemons read the body as markup (and strict ones drop a body with a bare `&`). */
const escapeMarkup = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * One desktop notification per capture batch while the window is unfocused or closed and `settings.notifyOnCapture`
 * is on; clicking it brings the window back. Text only: method, path and count, clipped (payloads are hostile and never shown here).
 */
export function startCaptureNotifier(deps: CaptureNotifierDeps): () => void {
  // Electron drops click handlers of notifications that get garbage-collected: keep the recent ones alive.
  const alive = new Set<NotificationLike>();
  return deps.bus.on('capture.created', ({ items }) => {
    const window = deps.getWindow();
    const first = items[0];
    if (!first || (window && window.isFocused()) || !deps.Notification.isSupported()) return;
    void deps.api
      .call('settings.get', {})
      .then((settings) => {
        if (!settings.notifyOnCapture) return;
        const more = items.length > 1 ? ` (+${items.length - 1} more)` : '';
        const body = clip(`${first.method} ${first.path}`, 120) + more;
        const notification = new deps.Notification({
          title: items.length === 1 ? 'New capture' : `${items.length} new captures`,
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
  });
}
