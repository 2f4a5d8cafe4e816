const KEY = 'hookscope.token';

/**
 * The browser-mode server opens the UI at `/?token=…`. Read it once, keep it for this tab only and take it out of the
 * address bar so it is not bookmarked, shared or left in history.
 */
export function takeToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(KEY);
}

/** The server no longer accepts the stored token: forget it, so a reload asks for the new link instead. */
export function forgetToken(): void {
  sessionStorage.removeItem(KEY);
}
