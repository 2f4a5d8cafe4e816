// @vitest-environment happy-dom
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { useReplayRun } from '../../../renderer/src/features/detail/use-replay-run';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { useHoldingTarget } from '../../helpers/holding-target';
import { renderWithMissedEvents } from '../../helpers/missed-events-ui';

// A replay follows its deliveries through live events. Those sent while the connection was down are lost: after it
// reconnects, each delivery must show where it is now, not "in flight" for good.
const target = useHoldingTarget();
const { held } = target;
const ui = useEngineForUi();
afterEach(cleanup);

function ReplayProbe({ url }: { url: string }) {
  const [run, start] = useReplayRun();
  const send = () => ui.api.call('deliveries.send', { request: { method: 'POST', url, bodyBase64: '' } });
  return (
    <div>
      <button type="button" onClick={() => void start([1, 2], send)}>
        Replay
      </button>
      <output>{run.kind === 'done' ? run.outcomes.map((o) => o.delivery?.state).join(',') : run.kind}</output>
    </div>
  );
}

it('after a reconnect, each replayed delivery shows its state now', async () => {
  const events = renderWithMissedEvents(ui.engine, <ReplayProbe url={`${target.url}/replayed`} />);
  act(() => screen.getByRole('button', { name: 'Replay' }).click());
  await waitFor(() => expect(held).toHaveLength(2));
  await waitFor(() => expect(screen.getByRole('status').textContent).toBe('in_flight,in_flight'));

  events.disconnect();
  for (const res of held) res.end('ok');
  await waitFor(async () => {
    const { items } = await ui.api.call('deliveries.list', {});
    expect(items.map((d) => d.state)).toEqual(['succeeded', 'succeeded']);
  });
  events.reconnect();
  await waitFor(() => expect(screen.getByRole('status').textContent).toBe('succeeded,succeeded'));
});
