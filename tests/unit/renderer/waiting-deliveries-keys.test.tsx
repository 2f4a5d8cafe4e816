// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeliverySummary } from '../../../electron/shared/contract/delivery';
import { WaitingDeliveries } from '../../../renderer/src/features/deliveries/WaitingDeliveries';

afterEach(cleanup);

const waiting = (id: number) =>
  ({
    id,
    method: 'POST',
    url: `http://127.0.0.1:9/w${id}`,
    state: 'queued',
    nextAttemptAtMs: null,
    name: '',
    type: 'manual',
  }) as unknown as DeliverySummary;

describe('Waiting deliveries', () => {
  it('rows are focusable and open with Enter or Space, not only a click', () => {
    const opened: number[] = [];
    render(
      <WaitingDeliveries
        items={[waiting(1), waiting(2)]}
        more={false}
        showMore={() => undefined}
        selected={null}
        onSelect={(id) => opened.push(id)}
      />,
    );
    const [first, second] = screen.getAllByRole('row').slice(1);
    expect(first!.tabIndex).toBe(0);
    fireEvent.keyDown(first!, { key: 'Enter' });
    fireEvent.keyDown(second!, { key: ' ' });
    fireEvent.keyDown(second!, { key: 'a' });
    expect(opened).toEqual([1, 2]);
  });
});
