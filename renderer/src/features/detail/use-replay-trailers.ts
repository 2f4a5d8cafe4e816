import { useEffect, useState } from 'react';
import type { HeaderPair } from '../../../../electron/shared/contract/captures';
import { useApi } from '../../api';

/** Which of the captures to replay ended with trailer fields: how many, and the field names. */
export interface ReplayTrailers {
  captures: number;
  names: string[];
}

const none: ReplayTrailers = { captures: 0, names: [] };

/**
 * The trailers the replay will leave out. The detail pane knows its capture's (`known`); opened from the list (the
 * Replay button, R) the dialog reads each capture's fields itself, bodies left out.
 */
export function useReplayTrailers(captureIds: number[], known: HeaderPair[] | undefined): ReplayTrailers {
  const api = useApi();
  const [loaded, setLoaded] = useState<ReplayTrailers>(none);
  const key = captureIds.join(',');
  useEffect(() => {
    if (known) return;
    let live = true;
    void (async () => {
      let captures = 0;
      const names = new Set<string>();
      for (const id of key.split(',').map(Number)) {
        // One that cannot be read (deleted meanwhile) is reported by the replay itself.
        const detail = await api.call('captures.get', { id, inlineBodyMaxBytes: 0 }).catch(() => null);
        if (!live) return;
        if (!detail?.trailers.length) continue;
        captures++;
        for (const [name] of detail.trailers) names.add(name);
        setLoaded({ captures, names: [...names] });
      }
    })();
    return () => {
      live = false;
    };
  }, [api, key, known]);
  if (known) return known.length ? { captures: 1, names: [...new Set(known.map(([name]) => name))] } : none;
  return loaded;
}
