// @vitest-environment happy-dom
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { useDeliveryRun } from '../../../renderer/src/features/deliveries/use-delivery-run';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { useHoldingTarget } from '../../helpers/holding-target';
import { renderWithMissedEvents } from '../../helpers/missed-events-ui';

// The composer follows the delivery it sent through live events. Those sent while the connection was down are lost:
// after it reconnects, the status must show what the delivery is now, not "in flight" for good.
const target = useHoldingTarget();
const { held } = target;
const ui = useEngineForUi();
afterEach(cleanup);

function SendProbe({ url }: { url: string }) {
  const [run, , start] = useDeliveryRun();
  return (
    <div>
      <button
        type="button"
        onClick={() =>
          void start(() =>
            ui.api.call('deliveries.send', { request: { method: 'POST', url, bodyBase64: '' } }),
          )
        }
      >
        Send
      </button>
      <output>
        {run.kind === 'sent' ? `${run.delivery.state} ${run.delivery.lastStatus ?? ''}` : run.kind}
      </output>
    </div>
  );
}

it('after a reconnect, the sent delivery shows its state now', async () => {
  const events = renderWithMissedEvents(ui.engine, <SendProbe url={`${target.url}/followed`} />);
  act(() => screen.getByRole('button', { name: 'Send' }).click());
  await waitFor(() => expect(held).toHaveLength(1));
  await waitFor(() => expect(screen.getByRole('status').textContent).toBe('in_flight '));

  events.disconnect();
  held[0]!.end('ok');
  await waitFor(async () => {
    const { items } = await ui.api.call('deliveries.list', {});
    expect(items[0]?.state).toBe('succeeded');
  });
  events.reconnect();
  await waitFor(() => expect(screen.getByRole('status').textContent).toBe('succeeded 200'));
});
