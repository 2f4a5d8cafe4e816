import { describe, expect, it } from 'vitest';
import { buildOutgoing } from '../../../electron/shared/send/outgoing';
import { curlFor } from '../../../renderer/src/features/compose/PreviewPanel';

describe('Copy as cURL', () => {
  it('writes a non-ASCII header value as the UTF-8 bytes the composer sends', () => {
    const built = buildOutgoing(
      {
        method: 'POST',
        url: 'http://127.0.0.1:1/who',
        headers: [['X-Who', 'Zoë']],
        auth: { kind: 'none' },
        bodyMode: 'text',
        body: '',
      },
      {},
    );
    const curl = curlFor(built, []);
    // A UTF-8 shell sends the text as UTF-8, as the composer does; Latin-1 would be $'X-Who: Zo\xeb'.
    expect(curl).toContain(`-H 'X-Who: Zoë'`);
    expect(curl).not.toContain(String.raw`\xeb`);
  });

  it("leaves out a capture's stale X-Hookscope-Delivery, as the preview does", () => {
    const built = buildOutgoing(
      {
        method: 'POST',
        url: 'http://127.0.0.1:1/again',
        headers: [
          ['X-Keep', 'yes'],
          ['x-hookscope-delivery', 'dlv_stale'],
        ],
        auth: { kind: 'none' },
        bodyMode: 'text',
        body: '',
      },
      {},
    );
    const curl = curlFor(built, []);
    expect(curl).toContain(`-H 'X-Keep: yes'`);
    expect(curl).not.toMatch(/x-hookscope-delivery/i);
    expect(curl).not.toContain('dlv_stale');
  });
});
