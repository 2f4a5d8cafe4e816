import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeExports } from '../../../renderer/src/features/transfer/merge-export';
import { startApp, type TestApp } from '../../helpers/app-server';

let app: TestApp;
beforeAll(async () => {
  app = await startApp({ serveUi: false });
});
afterAll(() => app.close());

/** Sends a request whose header value is a raw Latin-1 byte (not UTF-8), so its cURL line needs bash's $'…'. */
function sendLatin1Header(path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(new URL(app.receiverUrl).port), '127.0.0.1', () =>
      socket.end(
        Buffer.concat([
          Buffer.from(`POST ${path} HTTP/1.1\r\nHost: x\r\nX-Name: Jos`),
          Buffer.from([0xe9]),
          Buffer.from('\r\nContent-Length: 1\r\nConnection: close\r\n\r\nx'),
        ]),
      ),
    );
    socket.on('data', () => undefined);
    socket.on('close', () => resolve());
    socket.on('error', reject);
  });
}

const exportCurl = async (ids: number[]) => {
  const r = await app.rpc<{ content: string }>('captures.export', { format: 'curl', ids, redact: false });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.content;
};

describe('merging cURL export chunks', () => {
  it('uses bash when any chunk needed bash, not just the first chunk', async () => {
    await fetch(`${app.receiverUrl}/plain`, { method: 'POST', body: 'x' });
    await sendLatin1Header('/latin1');
    const list = await app.rpc<{ items: Array<{ id: number; path: string }> }>('captures.list', {
      limit: 10,
    });
    if (!list.ok) throw new Error(list.error.message);
    const id = (path: string) => list.value.items.find((c) => c.path === path)!.id;
    const plain = await exportCurl([id('/plain')]);
    const latin = await exportCurl([id('/latin1')]);
    expect(plain.split('\n')[0]).toBe('#!/bin/sh');
    expect(latin.split('\n')[0]).toBe('#!/usr/bin/env bash');
    expect(latin).toContain("$'");

    const merged = mergeExports('curl', [plain, latin]);
    expect(merged.split('\n')[0]).toBe('#!/usr/bin/env bash');
    expect(merged.match(/^#!/gm)).toHaveLength(1);
    expect(merged).toBe(
      `#!/usr/bin/env bash\n${plain.replace(/^#!.*\n/, '').trimEnd()}\n\n${latin.replace(/^#!.*\n/, '').trimEnd()}\n`,
    );
    // All plain: stays POSIX sh.
    expect(mergeExports('curl', [plain, plain]).split('\n')[0]).toBe('#!/bin/sh');
  });
});
