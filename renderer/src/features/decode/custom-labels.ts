import { useEffect } from 'react';
import { compileCustomDictionary, type CustomDictionary } from '../../../../electron/shared/decode/index';
import type { ApiClient } from '../../api';

/**
 * The custom labels the Monaco hover uses. Hovers run outside React, so the labels live here and are refreshed by
 * `useCustomLabelsForHover` (once, then on `dictionary.changed`).
 */
let current: CustomDictionary | undefined;
let loadedFor: ApiClient | null = null;
let stopListening: (() => void) | null = null;
let users = 0;

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

/**
 * Keeps the hover labels current while any component using this is mounted (the app shell keeps it for the whole
 * session: the Body tab and the composer show hovers without a decode view ever being opened). One subscription,
 * however many components use it; once none does, the next one loads the labels afresh.
 */
export function useCustomLabelsForHover(api: ApiClient): void {
  useEffect(() => {
    if (loadedFor !== api) {
      stopListening?.();
      loadedFor = api;
      void refresh(api);
      stopListening = api.on('dictionary.changed', () => void refresh(api));
    }
    users++;
    return () => {
      if (--users > 0) return;
      stopListening?.();
      stopListening = null;
      loadedFor = null;
    };
  }, [api]);
}
