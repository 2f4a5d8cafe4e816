// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderDetailPane } from '../../helpers/detail-pane';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { gzipChunkedCaptureId } from '../../helpers/gzip-chunked-capture';
import { renderReplayDialog } from '../../helpers/replay-dialog';

const ui = useEngineForUi();
afterEach(cleanup);

const capturedGzipChunked = (path: string) => gzipChunkedCaptureId(ui, path);

const note = 'the replay sends the same bytes with Content-Encoding: gzip';

describe('the replay dialog for a capture sent with Transfer-Encoding: gzip, chunked', () => {
  it('from the list (the dialog reads the capture), says the replay sends it as Content-Encoding: gzip', async () => {
    const id = await capturedGzipChunked('/te-list');
    renderReplayDialog(ui.api, [id]);
    expect((await screen.findByTestId('replay-transfer-coding')).textContent).toContain(note);
  });

  it('from the detail pane, the same', async () => {
    const id = await capturedGzipChunked('/te-detail');
    renderDetailPane(ui.api, id, 'overview');
    fireEvent.click(await screen.findByTestId('replay-open'));
    expect((await screen.findByTestId('replay-transfer-coding')).textContent).toContain(note);
  });
});
