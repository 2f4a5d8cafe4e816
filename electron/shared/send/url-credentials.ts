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
  parsed.username = '';
  parsed.password = '';
  if (headers.some(([name]) => name.toLowerCase() === 'authorization')) return { url: parsed.href, headers };
  return {
    url: parsed.href,
    headers: [...headers, ['Authorization', `Basic ${bytesToBase64(utf8Encode(credentials))}`]],
  };
}
