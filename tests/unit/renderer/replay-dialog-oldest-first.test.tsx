// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { ReplayDialog } from '../../../renderer/src/features/detail/ReplayDialog';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { harOf } from '../../helpers/har';
import { useRecordingTarget } from '../../helpers/recording-target';
import { recordingTransport } from '../../helpers/recording-transport';

afterEach(cleanup);

const calls: Array<{ method: string; input: unknown }> = [];
const ui = useEngineForUi((transport) => recordingTransport(transport, (call) => calls.push(call)));
const target = useRecordingTarget();

/** A HAR of one request at `path`, received `minutes` after the helper's start time. */
function harAt(path: string, minutes: number): string {
  const har = JSON.parse(harOf({ path })) as { log: { entries: Array<{ startedDateTime: string }> } };
  const entry = har.log.entries[0]!;
  entry.startedDateTime = new Date(Date.parse(entry.startedDateTime) + minutes * 60_000).toISOString();
  return JSON.stringify(har);
}

describe('replaying several captures', () => {
  it('sends them in the order they were received, not the order they were imported in', async () => {
    // The newer one imported first gets the lower id.
    expect((await ui.api.call('captures.importHar', { har: harAt('/newer', 60) })).imported).toBe(1);
    expect((await ui.api.call('captures.importHar', { har: harAt('/older', 0) })).imported).toBe(1);
    const items = (await ui.api.call('captures.list', { limit: 10 })).items;
    const byPath = (path: string) => items.find((c) => c.path === path)!;
    expect(byPath('/newer').id).toBeLessThan(byPath('/older').id);
    expect(byPath('/newer').receivedAtMs).toBeGreaterThan(byPath('/older').receivedAtMs);

    render(
      <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
        <ReplayDialog captureIds={[byPath('/newer').id, byPath('/older').id]} onClose={() => undefined} />
      </ApiProvider>,
    );
    fireEvent.change(screen.getByTestId('replay-url'), { target: { value: `${target.url}/x` } });
    const send = screen.getByTestId('replay-send') as HTMLButtonElement;
    await waitFor(() => expect(send.textContent).toBe('Replay'));
    calls.length = 0;
    fireEvent.click(send);
    await waitFor(() => expect(target.targets).toHaveLength(2));

    const replayed = calls
      .filter((c) => c.method === 'deliveries.replay')
      .map((c) => (c.input as { captureId: number }).captureId);
    expect(replayed).toEqual([byPath('/older').id, byPath('/newer').id]);
  });
});
