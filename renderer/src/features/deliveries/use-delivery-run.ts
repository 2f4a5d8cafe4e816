import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeliverySummary } from '../../../../electron/shared/contract/delivery';
import { useApi, useConnection } from '../../api';
import { loopRefusal } from './loop-refusal';

type SentRun = { kind: 'sent'; delivery: DeliverySummary };

export type DeliveryRun =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | SentRun
  /** The loop guard refused: the UI shows the reason and offers an explicit override. */
  | { kind: 'loop'; message: string }
  | { kind: 'failed'; message: string };

const isSent = (run: { kind: string }): run is SentRun => run.kind === 'sent';

/**
 * Starts a delivery (send, replay) and follows it live as its attempts land. Updates that arrive before the call
 * returns (a fast target answers first) are kept, so the newest state wins. `Extra` adds a component's own states.
 */
export function useDeliveryRun<Extra extends { kind: string } = never>() {
  const api = useApi();
  const [run, setRun] = useState<DeliveryRun | Extra>({ kind: 'idle' });
  const inFlight = useRef<Map<number, DeliverySummary> | null>(null);

  useEffect(
    () =>
      api.on('delivery.updated', ({ items }) => {
        const seen = inFlight.current;
        if (seen) for (const d of items) seen.set(d.id, d);
        setRun((current) => {
          if (!isSent(current)) return current;
          const next = items.find((d) => d.id === current.delivery.id);
          return next ? { kind: 'sent', delivery: next } : current;
        });
      }),
    [api],
  );

  // Its updates sent while the live-event connection was down were missed: read where it is now.
  const latestRun = useRef(run);
  latestRun.current = run;
  useConnection((reconnected) => {
    const current = latestRun.current;
    if (!reconnected || !isSent(current)) return;
    const id = current.delivery.id;
    api.call('deliveries.get', { id }).then(
      (delivery) =>
        setRun((now) => (isSent(now) && now.delivery.id === id ? { kind: 'sent', delivery } : now)),
      () => undefined,
    );
  });

  const start = useCallback(async (call: () => Promise<DeliverySummary>) => {
    setRun({ kind: 'sending' });
    const seen = new Map<number, DeliverySummary>();
    inFlight.current = seen;
    try {
      const delivery = await call();
      setRun({ kind: 'sent', delivery: seen.get(delivery.id) ?? delivery });
    } catch (error) {
      const loop = loopRefusal(error);
      setRun(
        loop !== null
          ? { kind: 'loop', message: loop }
          : { kind: 'failed', message: error instanceof Error ? error.message : String(error) },
      );
    } finally {
      if (inFlight.current === seen) inFlight.current = null;
    }
  }, []);

  return [run, setRun, start] as const;
}
