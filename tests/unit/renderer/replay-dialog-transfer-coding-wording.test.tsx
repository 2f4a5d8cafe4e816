// @vitest-environment happy-dom
import { gzipSync } from 'node:zlib';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { ReplayDialog } from '../../../renderer/src/features/detail/ReplayDialog';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { filedCaptureId, receivedCaptureId } from '../../helpers/filed-capture';
import { rawExchange } from '../../helpers/raw-http';

const ui = useEngineForUi();
afterEach(cleanup);

/** Posts gzip bytes raw with `Transfer-Encoding: gzip, chunked`; the capture's id once filed. */
async function gzipChunked(path: string): Promise<number> {
  const gz = gzipSync('{"a":1}');
  const port = Number(new URL(ui.engine.receiverUrl).port);
  const head = `POST ${path} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\nConnection: close\r\n\r\n`;
  const chunk = Buffer.concat([
    Buffer.from(`${gz.length.toString(16)}\r\n`),
    gz,
    Buffer.from('\r\n0\r\n\r\n'),
  ]);
  await rawExchange(port, Buffer.concat([Buffer.from(head), chunk]));
  return filedCaptureId(ui.api, path);
}
const plain = (path: string) => receivedCaptureId(ui, path, { method: 'POST', body: '{}' });

/** The Transfer-Encoding note of the Replay dialog for `captureIds`, once every capture is read. */
async function noteFor(captureIds: number[]): Promise<string> {
  render(
    <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
      <ReplayDialog captureIds={captureIds} onClose={() => undefined} />
    </ApiProvider>,
  );
  await waitFor(() => expect(screen.getByTestId('replay-send').textContent).toBe('Replay'));
  return (await screen.findByTestId('replay-transfer-coding')).textContent!.replace(/\s+/g, ' ');
}

describe('the Replay dialog’s Transfer-Encoding note agrees in number with the captures it counts', () => {
  it('one capture: this capture was sent', async () => {
    expect(await noteFor([await gzipChunked('/te-one')])).toContain(
      'This capture was sent with a Transfer-Encoding',
    );
  });

  it('one of several: that one was sent', async () => {
    const note = await noteFor([await gzipChunked('/te-some'), await plain('/te-some-plain')]);
    expect(note).toContain('1 of these 2 captures was sent with a Transfer-Encoding');
  });

  it('several of several: all of them were sent', async () => {
    const note = await noteFor([await gzipChunked('/te-all-1'), await gzipChunked('/te-all-2')]);
    expect(note).toContain('All 2 captures were sent with a Transfer-Encoding');
  });

  it('several of more: they were sent', async () => {
    const ids = [await gzipChunked('/te-many-1'), await gzipChunked('/te-many-2'), await plain('/te-many-3')];
    expect(await noteFor(ids)).toContain('2 of these 3 captures were sent with a Transfer-Encoding');
  });
});
