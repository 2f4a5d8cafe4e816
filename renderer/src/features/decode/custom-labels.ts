import { useEffect } from 'react';
import { compileCustomDictionary, type CustomDictionary } from '../../../../electron/shared/decode/index';
import type { ApiClient } from '../../api';

/**
 * The custom labels the Monaco hover uses. Hovers run outside React, so the labels live here and are refreshed by
 * whichever decode view is mounted (once per session, then on `dictionary.changed`).
 */
let current: CustomDictionary | undefined;
let loadedFor: ApiClient | null = null;

export const hoverCustomDictionary = (): CustomDictionary | undefined => current;

async function refresh(api: ApiClient) {
  try {
    const { items: custom } = await api.call('dictionary.entries', { origin: 'custom' });
    current = custom.length
      ? compileCustomDictionary(
          custom.map((e) => ({
            fieldId: e.id,
            label: e.label,
            activityId: e.activityId,
            displayType: e.displayType,
          })),
        )
      : undefined;
  } catch {
    // Hovers fall back to the built-in labels.
  }
}

export function useCustomLabelsForHover(api: ApiClient): void {
  useEffect(() => {
    if (loadedFor !== api) {
      loadedFor = api;
      void refresh(api);
    }
    return api.on('dictionary.changed', () => void refresh(api));
  }, [api]);
}
