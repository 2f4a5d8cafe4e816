import { useEffect, useState } from 'react';
import type { CaptureDetail } from '../../../../electron/shared/contract/captures';
import { useApi } from '../../api';

/**
 * The captures to replay, bodies left out, each read once and listed as they arrive: what the dialog notes (trailers,
 * the captured query, a HAR's type) when its opener did not know them (`needed`). Opened from the list (the Replay
 * button, R) it needs them; the detail pane passes its capture's. One that cannot be read (deleted meanwhile) is left
 * out here and reported by the replay itself.
 */
export function useReplayCaptures(captureIds: number[], needed: boolean): CaptureDetail[] {
  const api = useApi();
  const [loaded, setLoaded] = useState<CaptureDetail[]>([]);
  const key = captureIds.join(',');
  useEffect(() => {
    if (!needed) return;
    let live = true;
    void (async () => {
      const read: CaptureDetail[] = [];
      for (const id of key.split(',').map(Number)) {
        const detail = await api.call('captures.get', { id, inlineBodyMaxBytes: 0 }).catch(() => null);
        if (!live) return;
        if (!detail) continue;
        read.push(detail);
        setLoaded([...read]);
      }
    })();
    return () => {
      live = false;
    };
  }, [api, key, needed]);
  return needed ? loaded : [];
}
