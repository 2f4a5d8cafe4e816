import { originOf } from '../engine/transport/ipc-transport';
import type { Logger } from '../engine/util/logger';
import type { SessionLike, ShellLike, WebContentsLike } from './electron-like';
import { externalHttpsUrl } from './external-links';

export interface GuardOptions {
  /** Origins the window may stay on (the app:// origin, plus the Vite dev server in development). */
  allowedOrigins: readonly string[];
  shell: Pick<ShellLike, 'openExternal'>;
  log?: Logger;
}

function openOutside(url: string, options: GuardOptions): void {
  const safe = externalHttpsUrl(url);
  if (safe)
    void options.shell
      .openExternal(safe)
      .catch((error: unknown) => options.log?.warn('openExternal failed', { error: String(error) }));
  else options.log?.warn('blocked a non-https external URL', { scheme: url.split(':', 1)[0] });
}

/** Navigation away from the app, new windows and webviews are refused; https links go to the system browser. */
export function guardWebContents(contents: WebContentsLike, options: GuardOptions): void {
  const inApp = (url: string) => {
    const origin = originOf(url);
    return origin !== null && options.allowedOrigins.includes(origin);
  };
  const onNavigate = (event: { preventDefault(): void }, url: string) => {
    if (inApp(url)) return;
    event.preventDefault();
    openOutside(url, options);
  };
  contents.on('will-navigate', onNavigate);
  contents.on('will-redirect', (event, url) => {
    if (!inApp(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    // Ctrl-, Shift- or middle-click on one of the app's own links (#view=deliveries&delivery=5) asks for a new window;
    // the app has one, so the link opens there, as a plain click does, instead of doing nothing.
    if (inApp(url))
      void contents
        .loadURL(url)
        .catch((error: unknown) => options.log?.warn('in-app link failed to open', { error: String(error) }));
    else openOutside(url, options);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * Every permission (camera, geolocation, notifications, HID, …) is refused. The one exception is writing
 * text to the clipboard from the app's own origin, which the "copy as curl" buttons need and which grants
 * no read access.
 */
export function denyPermissions(session: SessionLike, appOrigins: readonly string[]): void {
  const allowed = (permission: string, origin: string | null) =>
    permission === 'clipboard-sanitized-write' && origin !== null && appOrigins.includes(origin);
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(allowed(permission, originOf(details?.requestingUrl))),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    allowed(permission, originOf(requestingOrigin)),
  );
}
