import { useCallback, useEffect, useState } from 'react';
import type { AppInfo } from '../../../electron/shared/contract/app';
import { useApi, useConnection } from '../api';

/**
 * The engine's receiver URL, version and limits. A failed ask is made again each time the live connection opens:
 * dropped, the top bar's receiver URL and the prompt before a delete too large to undo stayed missing until a reload.
 */
export function useAppInfo(): AppInfo | null {
  const api = useApi();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const ask = useCallback(() => {
    api.call('app.info', {}).then(setInfo, () => undefined);
  }, [api]);
  useEffect(ask, [ask]);
  useConnection(() => {
    if (info === null) ask();
  });
  return info;
}
