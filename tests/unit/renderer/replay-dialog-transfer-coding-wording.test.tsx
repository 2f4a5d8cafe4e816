// @vitest-environment happy-dom
import { cleanup } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { receivedCaptureId } from '../../helpers/filed-capture';
import { gzipChunkedCaptureId } from '../../helpers/gzip-chunked-capture';
import { replayDialogNote } from '../../helpers/replay-dialog';

const ui = useEngineForUi();
afterEach(cleanup);

const gzipChunked = (path: string) => gzipChunkedCaptureId(ui, path);
const plain = (path: string) => receivedCaptureId(ui, path, { method: 'POST', body: '{}' });

/** The Transfer-Encoding note of the Replay dialog for `captureIds`, once every capture is read. */
const noteFor = (captureIds: number[]) => replayDialogNote(ui.api, captureIds, 'replay-transfer-coding');

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
