import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { useApiHarness } from '../integration/delivery/helpers';
import { until } from '../integration/delivery/helpers';
import { rawExchange } from './raw-http';

/**
 * A request target sent raw (no client normalises it) through an API harness's engine and out again: the capture it
 * became, its export, and the target a command built from that export asked the harness's cue server for.
 */
export function rawTargets(api: ReturnType<typeof useApiHarness>) {
  /** Runs `command` in sh; the request the cue server got. */
  const requested = async (command: string) => {
    const before = api.server.received.length;
    await promisify(execFile)('sh', ['-c', command]);
    return api.server.received[before]!;
  };
  /** Runs `command` in sh; the target the cue server was asked for. */
  const askedFor = async (command: string): Promise<string> => (await requested(command)).url;
  /** Runs an exported cURL command against the cue server instead of the receiver; the request it sent. */
  const curlRequest = (command: string) =>
    requested(command.replaceAll(api.engine.receiverUrl, api.server.url));
  return {
    /** Sends `target` raw in a request line; the capture the receiver filed (not an import of it), in detail. */
    async captureRaw(target: string, method = 'GET') {
      const port = Number(new URL(api.engine.receiverUrl).port);
      await rawExchange(port, `${method} ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      const path = target.split('?')[0]!;
      const summary = await until(() =>
        api.engine.ctx.captures
          .list({ limit: 50 })
          .items.find((c) => c.path === path && c.source !== 'imported'),
      );
      return api.engine.ctx.captures.get(summary.id);
    },
    async exported(id: number, format: 'curl' | 'har'): Promise<string> {
      const reply = await api.call('captures.export', { ids: [id], format, redact: false });
      return (reply.value as { content: string }).content;
    },
    askedFor,
    curlRequest,
    /** Runs an exported cURL command against the cue server instead of the receiver; the target it asked for. */
    curlTarget: async (command: string) => (await curlRequest(command)).url,
  };
}
