import { useEffect, useState } from 'react';

const read = () =>
  document.documentElement.dataset.theme === 'light' ? 'hookscope-light' : 'hookscope-dark';

/** Follows the app theme (the `data-theme` attribute on <html>). */
export function useEditorTheme(): string {
  const [theme, setTheme] = useState(read);
  useEffect(() => {
    const observer = new MutationObserver(() => setTheme(read()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, []);
  return theme;
}
