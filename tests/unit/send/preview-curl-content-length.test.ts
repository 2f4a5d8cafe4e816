import { describe, expect, it } from 'vitest';
import { buildOutgoing } from '../../../electron/shared/send/outgoing';
import { curlFor } from '../../../renderer/src/features/compose/PreviewPanel';

describe('Copy as cURL of a request with a Content-Length typed in its headers', () => {
  it("leaves it out, as the composer's client does: curl would announce 3 bytes and send 7", () => {
    const built = buildOutgoing(
      {
        method: 'POST',
        url: 'http://127.0.0.1:1/len',
        headers: [
          ['Content-Length', '3'],
          ['X-Keep', 'yes'],
        ],
        auth: { kind: 'none' },
        bodyMode: 'json',
        body: '{"a":1}',
      },
      {},
    );
    const curl = curlFor(built, []);
    expect(curl).not.toMatch(/content-length/i);
    expect(curl).toContain(`-H 'X-Keep: yes'`);
    expect(curl).toContain(`--data-raw '{"a":1}'`);
  });
});
