import { useCallback, useRef, useState } from 'react';
import { useConnection, useEvent } from '../../api';

/**
 * A counter that moves when the deliveries change, for views that list them to reload on: at most every 500 ms while
 * `delivery.updated` or `bulk.progress` events arrive (a bulk send announces the rows it queues; rows behind a rate
 * limit bring no other event) or `deliveries.deleted` (cleared or pruned by retention), at once when a bulk send is deleted (its deliveries go with it), when the live-event
 * connection reopens after a drop (the events sent meanwhile were missed), or when `bump`ed.
 */
export function useDeliveriesTick(): [tick: number, bump: () => void] {
  const [tick, setTick] = useState(0);
  const bump = useCallback(() => setTick((t) => t + 1), []);
  const pending = useRef(false);
  const soon = () => {
    if (pending.current) return;
    pending.current = true;
    setTimeout(() => {
      pending.current = false;
      bump();
    }, 500);
  };
  useEvent('delivery.updated', soon);
  useEvent('bulk.progress', soon);
  useEvent('deliveries.deleted', soon);
  useEvent('bulk.deleted', bump);
  useConnection((reconnected) => reconnected && bump());
  return [tick, bump];
}
