import { useEffect, useState } from 'react';
import { useApi } from '../../api';

/**
 * The raw query of the first of the captures to replay that has one, or null when none does. The detail pane knows
 * its capture's (`known`); opened from the list the dialog reads the captures until it finds one, bodies left out.
 */
export function useReplayQuery(captureIds: number[], known: string | undefined): string | null {
  const api = useApi();
  const [loaded, setLoaded] = useState<string | null>(null);
  const key = captureIds.join(',');
  useEffect(() => {
    if (known !== undefined) return;
    let live = true;
    void (async () => {
      for (const id of key.split(',').map(Number)) {
        // One that cannot be read (deleted meanwhile) is reported by the replay itself.
        const detail = await api.call('captures.get', { id, inlineBodyMaxBytes: 0 }).catch(() => null);
        if (!live) return;
        if (!detail?.query) continue;
        setLoaded(detail.query);
        return;
      }
    })();
    return () => {
      live = false;
    };
  }, [api, key, known]);
  if (known !== undefined) return known || null;
  return loaded;
}
