import { useEffect, useState } from 'react';

export type ThemeChoice = 'system' | 'light' | 'dark';
const KEY = 'hookscope.theme';
const media = window.matchMedia('(prefers-color-scheme: dark)');

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

/** Follows the OS unless the user picked light or dark; the choice is remembered. */
export function useTheme(): { choice: ThemeChoice; resolved: 'light' | 'dark'; cycle: () => void } {
  const [choice, setChoice] = useState<ThemeChoice>(readChoice);
  const [systemDark, setSystemDark] = useState(media.matches);
  useEffect(() => {
    const onChange = () => setSystemDark(media.matches);
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, []);
  const resolved = choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
  useEffect(() => {
    document.documentElement.dataset.theme = resolved;
    if (choice === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, choice);
  }, [resolved, choice]);
  const cycle = () =>
    setChoice((c) =>
      c === 'system' ? (resolved === 'dark' ? 'light' : 'dark') : c === 'dark' ? 'light' : 'dark',
    );
  return { choice, resolved, cycle };
}
