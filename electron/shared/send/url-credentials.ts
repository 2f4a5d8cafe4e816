import { bytesToBase64, utf8Encode } from './bytes';

const decode = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/**
 * `https://user:pass@host/…` as curl sends it: the credentials leave the URL (which the log and exports show) and go
 * out as Basic auth, unless the request already has an Authorization header, which wins. The composer's preview and
 * the delivery engine both use this, so what is shown is what is sent.
 */
export function credentialsFromUrl(
  url: string,
  headers: [string, string][],
): { url: string; headers: [string, string][] } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { url, headers };
  }
  if (parsed.username === '' && parsed.password === '') return { url, headers };
  const credentials = `${decode(parsed.username)}:${decode(parsed.password)}`;
  const sent = withoutUserinfo(url, parsed);
  if (headers.some(([name]) => name.toLowerCase() === 'authorization')) return { url: sent, headers };
  return {
    url: sent,
    headers: [...headers, ['Authorization', `Basic ${bytesToBase64(utf8Encode(credentials))}`]],
  };
}

/**
 * The URL as written with its `user:password@` cut out, so the rest goes out as typed (`?q='x'` stays, as
 * `requestTarget` sends it; `href` would write `%27`). Parsing's own form when cutting the text would change the URL.
 */
function withoutUserinfo(url: string, parsed: URL): string {
  parsed.username = '';
  parsed.password = '';
  const cut = url.replace(/^([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^/?#]*@/, '$1');
  try {
    if (cut !== url && new URL(cut).href === parsed.href) return cut;
  } catch {
    // not a URL once cut: parsing's form below
  }
  return parsed.href;
}
