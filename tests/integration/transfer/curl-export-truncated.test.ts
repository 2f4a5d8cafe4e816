import { connect } from 'node:net';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { until, useApiHarness } from '../delivery/helpers';
import { rawTargets } from '../../helpers/raw-target';

const api = useApiHarness();
const hasCurl = spawnSync('curl', ['--version']).status === 0;

describe('the cURL export of a capture whose body broke off', () => {
  it.skipIf(!hasCurl)('says before the command that it sends only the bytes that arrived', async () => {
    connect(Number(new URL(api.engine.receiverUrl).port), '127.0.0.1')
      .on('error', () => undefined)
      .end('POST /broke-off HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n0123456789');
    const summary = await until(() =>
      api.engine.ctx.captures.list({ limit: 10 }).items.find((c) => c.path === '/broke-off' && c.truncated),
    );
    const targets = rawTargets(api);
    const command = await targets.exported(summary.id, 'curl');
    expect(command).toContain(
      `# capture ${summary.id} broke off mid-body: this command sends only the 10 bytes that arrived\n`,
    );
    // Still a command sh runs: the note is a comment.
    const sent = await targets.curlRequest(command);
    expect(sent.body.toString()).toBe('0123456789');
  });
});
