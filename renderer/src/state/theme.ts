import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ApiClient } from '../../../electron/shared/contract/client';

export type ThemeChoice = 'system' | 'light' | 'dark';
const KEY = 'hookscope.theme';
const media = window.matchMedia('(prefers-color-scheme: dark)');

/**
 * Read on every render and once more after subscribing: a change made before the listener was attached fires no event
 * for it, and a value captured only at the first render would stay stale until the next change.
 */
function subscribeToOs(onChange: () => void): () => void {
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}
const osIsDark = () => media.matches;

function resolve(choice: ThemeChoice): 'light' | 'dark' {
  if (choice === 'system') return media.matches ? 'dark' : 'light';
  return choice;
}

function readChoice(): ThemeChoice {
  const stored = localStorage.getItem(KEY);
  return stored === 'light' || stored === 'dark' ? stored : 'system';
}

/** Applied before React renders so the first paint has the right colours. */
export function applyInitialTheme(): void {
  document.documentElement.dataset.theme = resolve(readChoice());
}

/**
 * Follows the OS unless the user picked light or dark. The choice is kept in the engine's settings (browser mode's
 * origin, and so its storage, changes with every start) and in the page's storage for the first paint.
 */
export function useTheme(api?: ApiClient): {
  choice: ThemeChoice;
  resolved: 'light' | 'dark';
  cycle: () => void;
  /** For `useConnection`: asks for the saved theme again when it may have been missed. */
  onConnectionOpen: (reconnected: boolean) => void;
} {
  const [choice, setChoice] = useState<ThemeChoice>(readChoice);
  const saved = useRef<ThemeChoice | null>(null);
  /** A toggle not known to be saved (made before the stored theme came back, or its save failed): saved on the next read. */
  const toggledEarly = useRef<ThemeChoice | null>(null);
  const save = useCallback(
    (theme: ThemeChoice) => {
      saved.current = theme;
      api?.call('settings.update', { theme }).catch(() => {
        if (saved.current !== theme) return;
        saved.current = null;
        toggledEarly.current = theme;
      });
    },
    [api],
  );
  const readSaved = useCallback(() => {
    api?.call('settings.get', {}).then(
      (s) => {
        saved.current = s.theme;
        const early = toggledEarly.current;
        toggledEarly.current = null;
        if (early === null) return setChoice(s.theme);
        if (early !== s.theme) save(early);
      },
      () => undefined,
    );
  }, [api, save]);
  useEffect(readSaved, [readSaved]);
  // A first read that failed is made again, and a change saved elsewhere while the events were down is read.
  const onConnectionOpen = (reconnected: boolean) => {
    if (reconnected || saved.current === null) readSaved();
  };
  // A theme saved elsewhere (another tab, the desktop menu, the API) is shown here too; it is not saved back.
  useEffect(
    () =>
      api?.on('settings.changed', (s) => {
        saved.current = s.theme;
        setChoice(s.theme);
      }),
    [api],
  );
  useEffect(() => {
    // Only a change the user made is saved, never the first read-back.
    if (saved.current === null || saved.current === choice) return;
    save(choice);
  }, [save, choice]);
  const systemDark = useSyncExternalStore(subscribeToOs, osIsDark);
  const resolved = choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
  useEffect(() => {
    document.documentElement.dataset.theme = resolved;
    if (choice === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, choice);
  }, [resolved, choice]);
  // Toggling back to the OS's own theme follows the OS again: the page has no other way back to 'system'.
  const cycle = () => {
    const next = resolved === 'dark' ? 'light' : 'dark';
    const picked = next === (systemDark ? 'dark' : 'light') ? 'system' : next;
    if (saved.current === null) toggledEarly.current = picked;
    setChoice(picked);
  };
  return { choice, resolved, cycle, onConnectionOpen };
}
