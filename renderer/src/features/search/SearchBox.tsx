import { searchedBodyBytes } from '../../../../electron/shared/contract/captures';
import { formatBytes } from '../../lib/format';
import { pageShortcutStandsDown } from '../../lib/page-shortcut';
import { useEffect, useRef, useState } from 'react';

/**
 * Full-text search (the engine's FTS index); applies after a short pause in typing. `/` focuses it. A change of
 * `clears` (Clear filters) drops text typed but not applied yet, which would otherwise be applied after the clear.
 */
export function SearchBox({
  value,
  onChange,
  clears,
}: {
  value: string;
  onChange: (text: string) => void;
  clears: number;
}) {
  const [draft, setDraft] = useState(value);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => setDraft(value), [value, clears]);
  useEffect(() => {
    if (draft === value) return;
    const t = setTimeout(() => onChange(draft), 250);
    return () => clearTimeout(t);
  }, [draft, value, onChange]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '/' && !pageShortcutStandsDown(e.target)) {
        e.preventDefault();
        ref.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className="search-box">
      <span className="search-icon" aria-hidden>
        ⌕
      </span>
      <input
        ref={ref}
        type="search"
        placeholder="Search path, headers, bodies…  ( / )"
        aria-label="Search captures"
        title={`Words and numbers in the path, query, headers, decoded labels and the first ${formatBytes(searchedBodyBytes)} of each body. A whole word matches exactly; end a word with * to match every word starting with it (subscription* finds subscriptions). "two words" must be side by side, -word (or NOT word) leaves out, invoice OR refund finds either.`}
        data-testid="search"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') onChange(draft);
          if (e.key === 'Escape') {
            setDraft('');
            onChange('');
          }
        }}
      />
    </div>
  );
}
