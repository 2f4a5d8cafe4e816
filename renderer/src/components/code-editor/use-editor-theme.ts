import { useSyncExternalStore } from 'react';

const read = () =>
  document.documentElement.dataset.theme === 'light' ? 'hookscope-light' : 'hookscope-dark';

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}

/**
 * Follows the app theme (the `data-theme` attribute on <html>). Read again once watching starts: a theme applied
 * between the editor's render and its subscription fired no mutation for it.
 */
export function useEditorTheme(): string {
  return useSyncExternalStore(subscribe, read);
}
