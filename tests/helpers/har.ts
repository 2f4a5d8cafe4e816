export type HarHeader = { name: string; value: string };

/** One request as a tool's HAR gives it, at `https://hooks.example.com${path}`, and the response it got, if given. */
export interface HarRequestSpec {
  path: string;
  method?: string;
  httpVersion?: string;
  headers?: HarHeader[];
  postData?: { mimeType: string; text?: string; params?: Array<Record<string, string>> };
  response?: {
    status: number;
    headers?: HarHeader[];
    content: { mimeType: string; text?: string; encoding?: 'base64' };
  };
}

/** A HAR (as JSON text) holding one entry per request, a second apart from 2026-11-20 10:00:00 UTC. */
export function harOf(...requests: HarRequestSpec[]): string {
  return JSON.stringify({
    log: {
      entries: requests.map(({ path, method = 'POST', headers = [], response, ...rest }, i) => ({
        startedDateTime: new Date(Date.UTC(2026, 10, 20, 10, 0, i)).toISOString(),
        request: { method, url: `https://hooks.example.com${path}`, headers, ...rest },
        ...(response && { response: { ...response, headers: response.headers ?? [] } }),
      })),
    },
  });
}
