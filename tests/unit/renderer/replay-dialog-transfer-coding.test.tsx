// @vitest-environment happy-dom
import { gzipSync } from 'node:zlib';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { ReplayDialog } from '../../../renderer/src/features/detail/ReplayDialog';
import { renderDetailPane } from '../../helpers/detail-pane';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { filedCaptureId } from '../../helpers/filed-capture';
import { rawExchange } from '../../helpers/raw-http';

const ui = useEngineForUi();
afterEach(cleanup);

/** Posts gzip bytes raw with `Transfer-Encoding: gzip, chunked`; the capture's id once filed. */
async function capturedGzipChunked(path: string): Promise<number> {
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

const note = 'the replay sends the same bytes with Content-Encoding: gzip';

describe('the replay dialog for a capture sent with Transfer-Encoding: gzip, chunked', () => {
  it('from the list (the dialog reads the capture), says the replay sends it as Content-Encoding: gzip', async () => {
    const id = await capturedGzipChunked('/te-list');
    render(
      <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
        <ReplayDialog captureIds={[id]} onClose={() => undefined} />
      </ApiProvider>,
    );
    expect((await screen.findByTestId('replay-transfer-coding')).textContent).toContain(note);
  });

  it('from the detail pane, the same', async () => {
    const id = await capturedGzipChunked('/te-detail');
    renderDetailPane(ui.api, id, 'overview');
    fireEvent.click(await screen.findByTestId('replay-open'));
    expect((await screen.findByTestId('replay-transfer-coding')).textContent).toContain(note);
  });
});
