// @vitest-environment happy-dom
import { cleanup } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { receivedCaptureId } from '../../helpers/filed-capture';
import { replayDialogNote } from '../../helpers/replay-dialog';

const ui = useEngineForUi();
afterEach(cleanup);

const signed = (path: string) =>
  receivedCaptureId(ui, path, {
    method: 'POST',
    headers: [['Stripe-Signature', 't=1741944602,v1=d58c']],
    body: '{}',
  });
const unsigned = (path: string) => receivedCaptureId(ui, path, { method: 'POST', body: '{}' });

/** The stale-signature note of the Replay dialog for `captureIds`, once every capture is read. */
const noteFor = (captureIds: number[]) => replayDialogNote(ui.api, captureIds, 'replay-stale-signature');

describe('the Replay dialog’s stale-signature note agrees in number with the captures it counts', () => {
  it('one capture: it is signed with the time it was sent', async () => {
    const note = await noteFor([await signed('/one')]);
    expect(note).toContain('This capture is signed with the time it was sent (Stripe-Signature)');
    expect(note).toContain('sends that old signature as captured');
    expect(note).toContain('refuses it as too old. To sign it afresh, open the capture in the composer');
  });

  it('one of several: that one is signed with the time it was sent', async () => {
    const note = await noteFor([await signed('/some-signed'), await unsigned('/some-unsigned')]);
    expect(note).toContain('1 of these 2 captures is signed with the time it was sent');
    expect(note).toContain('refuses it as too old. To sign it afresh, open the capture in the composer');
  });

  it('several of several: they are signed with the time they were sent', async () => {
    const ids = [await signed('/all-1'), await signed('/all-2'), await signed('/all-3')];
    const note = await noteFor(ids);
    expect(note).toContain('All 3 captures are signed with the time they were sent (Stripe-Signature)');
    expect(note).toContain('sends those old signatures as captured');
    expect(note).toContain('refuses them as too old. To sign them afresh, open each capture in the composer');
  });

  it('several of more: they are signed with the time they were sent', async () => {
    const ids = [await signed('/many-1'), await signed('/many-2'), await unsigned('/many-3')];
    expect(await noteFor(ids)).toContain('2 of these 3 captures are signed with the time they were sent');
  });
});
