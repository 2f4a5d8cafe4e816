import { useEffect, useRef, useState } from 'react';
import type { Endpoint } from '../../../electron/shared/contract/endpoints';
import { useApi, useConnection, useEvent } from '../api';
import { useThrottledTick } from '../state/use-throttled';
import { dropSetAsideFor } from '../features/endpoints/open-form';

/**
 * All endpoints, kept current by `endpoint.changed` (counts refresh when captures arrive or change, throttled); fetched again
 * after the live-event connection reconnects, since changes during the gap were missed.
 */
export function useEndpoints(arrivals: number): Endpoint[] {
  const api = useApi();
  const [items, setItems] = useState<Endpoint[]>([]);
  const [nonce, setNonce] = useState(0);
  // A response its sender left before getting gives its rule step back: the capture is updated, and none arrives to
  // refresh the card's progress ("1 of 3 failures used" when the next request fails as the first).
  const [updates, setUpdates] = useState(0);
  useEvent('capture.updated', () => setUpdates((n) => n + 1));
  const tick = useThrottledTick(arrivals + updates, 2000);
  // Changes seen as events: a list answered before one of them but arriving after it would undo it, so is asked again.
  const changes = useRef(0);
  useConnection((reconnected) => reconnected && setNonce((n) => n + 1));
  useEffect(() => {
    let live = true;
    const load = () => {
      const seen = changes.current;
      api.call('endpoints.list', {}).then(
        (r) => {
          if (!live) return;
          if (changes.current !== seen) load();
          else setItems(r.items);
        },
        () => undefined,
      );
    };
    load();
    return () => {
      live = false;
    };
  }, [api, nonce, tick]);
  useEvent('endpoint.changed', ({ endpoint, deletedId }) => {
    changes.current++;
    if (deletedId !== null) dropSetAsideFor(deletedId);
    setItems((prev) => {
      if (deletedId !== null) return prev.filter((e) => e.id !== deletedId);
      if (!endpoint) return prev;
      const exists = prev.some((e) => e.id === endpoint.id);
      return exists ? prev.map((e) => (e.id === endpoint.id ? endpoint : e)) : [...prev, endpoint];
    });
  });
  useEvent('capture.deleted', () => setNonce((n) => n + 1));
  return items;
}
