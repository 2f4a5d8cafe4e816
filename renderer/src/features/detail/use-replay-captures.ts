import { useEffect, useState } from 'react';
import type { CaptureDetail } from '../../../../electron/shared/contract/captures';
import { useApi } from '../../api';

export interface ReplayCaptures {
  /** The captures read so far, in the order asked. */
  read: CaptureDetail[];
  /** Every capture has been asked for: what the dialog decides from them (keep the query) holds for all. */
  done: boolean;
}

/**
 * The captures to replay, bodies left out, each read once and listed as they arrive: what the dialog notes (trailers,
 * the captured query, a HAR's type) when its opener did not know them (`needed`). Opened from the list (the Replay
 * button, R) it needs them; the detail pane passes its capture's. One that cannot be read (deleted meanwhile) is left
 * out here and reported by the replay itself.
 */
export function useReplayCaptures(captureIds: number[], needed: boolean): ReplayCaptures {
  const api = useApi();
  const key = captureIds.join(',');
  const [loaded, setLoaded] = useState<ReplayCaptures & { key: string }>({ key, read: [], done: false });
  useEffect(() => {
    if (!needed) return;
    let live = true;
    void (async () => {
      const read: CaptureDetail[] = [];
      setLoaded({ key, read: [], done: false });
      for (const id of key.split(',').map(Number)) {
        const detail = await api.call('captures.get', { id, inlineBodyMaxBytes: 0 }).catch(() => null);
        if (!live) return;
        if (!detail) continue;
        read.push(detail);
        setLoaded({ key, read: [...read], done: false });
      }
      setLoaded({ key, read, done: true });
    })();
    return () => {
      live = false;
    };
  }, [api, key, needed]);
  if (!needed) return { read: [], done: true };
  return loaded.key === key ? { read: loaded.read, done: loaded.done } : { read: [], done: false };
}
