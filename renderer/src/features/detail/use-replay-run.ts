import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeliverySummary } from '../../../../electron/shared/contract/delivery';
import { useApi, useConnection } from '../../api';
import { loopRefusal } from '../deliveries/loop-refusal';

export type ReplayOutcome = { captureId: number } & (
  { delivery: DeliverySummary; error?: undefined } | { delivery?: undefined; error: string }
);

export type ReplayRun =
  | { kind: 'idle' }
  | { kind: 'sending' }
  /** The loop guard refused (the first capture, so none was sent): the UI offers an explicit override. */
  | { kind: 'loop'; message: string }
  | { kind: 'done'; outcomes: ReplayOutcome[] };

/**
 * Replays captures one after another to one URL and follows their deliveries live. One capture that cannot be
 * replayed (truncated, deleted meanwhile) is reported beside the others, which still go out.
 */
export function useReplayRun() {
  const api = useApi();
  const [run, setRun] = useState<ReplayRun>({ kind: 'idle' });
  // Updates that arrive before a call returns (a fast target answers first) are kept, so the newest state wins.
  const seen = useRef(new Map<number, DeliverySummary>());

  useEffect(
    () =>
      api.on('delivery.updated', ({ items }) => {
        for (const d of items) seen.current.set(d.id, d);
        setRun((current) =>
          current.kind !== 'done'
            ? current
            : {
                kind: 'done',
                outcomes: current.outcomes.map((o) => {
                  const next = o.delivery && items.find((d) => d.id === o.delivery.id);
                  return next ? { ...o, delivery: next } : o;
                }),
              },
        );
      }),
    [api],
  );

  // Updates sent while the live-event connection was down were missed: read where each delivery is now.
  const latestRun = useRef(run);
  latestRun.current = run;
  useConnection((reconnected) => {
    const current = latestRun.current;
    if (!reconnected || current.kind !== 'done') return;
    for (const { delivery } of current.outcomes) {
      if (!delivery) continue;
      api.call('deliveries.get', { id: delivery.id }).then(
        (now) =>
          setRun((run) =>
            run.kind !== 'done'
              ? run
              : {
                  kind: 'done',
                  outcomes: run.outcomes.map((o) =>
                    o.delivery?.id === now.id ? { captureId: o.captureId, delivery: now } : o,
                  ),
                },
          ),
        () => undefined,
      );
    }
  });

  const start = useCallback(
    async (captureIds: number[], replay: (captureId: number) => Promise<DeliverySummary>) => {
      setRun({ kind: 'sending' });
      seen.current = new Map();
      const outcomes: ReplayOutcome[] = [];
      for (const captureId of captureIds) {
        try {
          const delivery = await replay(captureId);
          outcomes.push({ captureId, delivery });
        } catch (error) {
          const loop = loopRefusal(error);
          if (loop !== null && outcomes.length === 0) {
            setRun({ kind: 'loop', message: loop });
            return;
          }
          outcomes.push({ captureId, error: error instanceof Error ? error.message : String(error) });
        }
      }
      const latest = (o: ReplayOutcome): ReplayOutcome =>
        o.delivery ? { ...o, delivery: seen.current.get(o.delivery.id) ?? o.delivery } : o;
      setRun({ kind: 'done', outcomes: outcomes.map(latest) });
    },
    [],
  );

  const reset = useCallback(() => setRun((s) => (s.kind === 'loop' ? { kind: 'idle' } : s)), []);
  return [run, start, reset] as const;
}
