import { expect } from 'vitest';
import { harOf, type HarRequestSpec } from '../../helpers/har';
import { until, type ApiReply, type useApiHarness } from './helpers';

type Harness = ReturnType<typeof useApiHarness>;

/** One HAR entry imported through the API; the capture it became, once filed. */
export async function importHarEntry(
  api: Harness,
  path: string,
  headers: NonNullable<HarRequestSpec['headers']>,
  {
    httpVersion = 'HTTP/1.1',
    postData = { mimeType: 'application/json', text: '{"a":1}' },
  }: Pick<HarRequestSpec, 'httpVersion' | 'postData'> = {},
) {
  const har = harOf({ path, httpVersion, headers, postData });
  const result = (await api.call('captures.importHar', { har })) as ApiReply & {
    value: { imported: number; warnings: string[] };
  };
  expect(result.value.imported).toBe(1);
  const summary = await until(() =>
    api.engine.ctx.captures.list({ limit: 50 }).items.find((c) => c.path === path),
  );
  const capture = (await api.call('captures.get', { id: summary.id })).value as {
    id: number;
    contentType: string | null;
    headers: Array<[string, string]>;
  };
  return { ...capture, warnings: result.value.warnings };
}

/** Replays a capture to the harness's server at `path`, with no retries; the delivery once it has finished. */
export async function replayToServer(api: Harness, captureId: number, path: string) {
  const replay = (await api.call('deliveries.replay', {
    captureId,
    url: `${api.server.url}${path}`,
    policy: 'none',
  })) as ApiReply & { value: { id: number } };
  expect(replay.ok).toBe(true);
  return until(async () => {
    const d = (await api.call('deliveries.get', { id: replay.value.id })).value as {
      state: string;
      lastError: string | null;
      headers: Array<[string, string]>;
    };
    return ['succeeded', 'failed'].includes(d.state) ? d : undefined;
  });
}
