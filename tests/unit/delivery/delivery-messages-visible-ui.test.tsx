// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DeliveryLog } from '../../../renderer/src/features/deliveries';
import { DeliveryDetailPanel } from '../../../renderer/src/features/deliveries/DeliveryDetailPanel';
import { succeededDelivery } from '../../helpers/delivery-detail';
import { expectMarked, HOSTILE, useHostileEngineForUi } from '../../helpers/hostile-messages-ui';
import { useHttpTarget } from '../../helpers/http-target';

// A real engine and a real destination; `attempt.error` in `hostile` makes every attempt's error in a delivery's
// detail quote hostile text.
const target = useHttpTarget((req, res) => req.resume().on('end', () => res.end('ok')));
const { ui, hostile, mount } = useHostileEngineForUi((method, answer) => {
  if (method !== 'deliveries.get' || !hostile.has('attempt.error') || !answer.ok) return answer;
  const detail = answer.value as { attemptList: Array<{ error: string | null }> };
  return {
    ...answer,
    value: { ...detail, attemptList: detail.attemptList.map((a) => ({ ...a, error: HOSTILE })) },
  };
});

const delivered = () => succeededDelivery(ui.api, `${target.url}/hook`);

describe('delivery messages quoting hostile text show its invisible characters as marks', () => {
  it('in the refusal alert of the detail', async () => {
    const id = await delivered();
    mount(<DeliveryDetailPanel id={id} />);
    await screen.findByText('Retry now');
    hostile.add('deliveries.retryNow');
    fireEvent.click(screen.getByText('Retry now'));
    expectMarked((await screen.findByRole('alert')).textContent);
  });

  it('in the detail that could not be loaded', async () => {
    hostile.add('deliveries.get');
    const { container } = mount(<DeliveryDetailPanel id={1} />);
    await waitFor(() => expect(container.querySelector('.notice-error')).not.toBeNull());
    expectMarked(container.querySelector('.notice-error')!.textContent);
  });

  it("in an attempt's error in the detail's timeline", async () => {
    const id = await delivered();
    hostile.add('attempt.error');
    const { container } = mount(<DeliveryDetailPanel id={id} />);
    await waitFor(() => expect(container.querySelector('td.cell-wrap')).not.toBeNull());
    expectMarked(container.querySelector('td.cell-wrap')!.textContent);
  });

  it("in the delivery log's error line", async () => {
    hostile.add('deliveries.log');
    const { container } = mount(<DeliveryLog />);
    await waitFor(() => expect(container.querySelector('.notice-error')).not.toBeNull());
    expectMarked(container.querySelector('.notice-error')!.textContent);
  });
});
