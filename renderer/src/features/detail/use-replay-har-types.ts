import { useEffect, useState } from 'react';
import { harContentType } from '../../../../electron/shared/send/har-content-type';
import { useApi } from '../../api';

/** Which of the captures to replay get a Content-Type from their HAR's postData: how many, and the types. */
export interface ReplayHarTypes {
  captures: number;
  types: string[];
}

const none: ReplayHarTypes = { captures: 0, types: [] };

/**
 * The Content-Types the replay adds to imported captures (see `harContentType`). The detail pane knows its capture's
 * (`known`, null for none); opened from the list the dialog reads each capture's fields itself, bodies left out.
 */
export function useReplayHarTypes(captureIds: number[], known: string | null | undefined): ReplayHarTypes {
  const api = useApi();
  const [loaded, setLoaded] = useState<ReplayHarTypes>(none);
  const key = captureIds.join(',');
  useEffect(() => {
    if (known !== undefined) return;
    let live = true;
    void (async () => {
      let captures = 0;
      const types = new Set<string>();
      for (const id of key.split(',').map(Number)) {
        // One that cannot be read (deleted meanwhile) is reported by the replay itself.
        const detail = await api.call('captures.get', { id, inlineBodyMaxBytes: 0 }).catch(() => null);
        if (!live) return;
        const type = detail && harContentType(detail);
        if (!type) continue;
        captures++;
        types.add(type);
        setLoaded({ captures, types: [...types] });
      }
    })();
    return () => {
      live = false;
    };
  }, [api, key, known]);
  if (known !== undefined) return known ? { captures: 1, types: [known] } : none;
  return loaded;
}
