import { useMemo, useState } from 'react';
import { hasBrackets, nestForm, parseFormHead } from '../../lib/form';
import { JsonTree } from './JsonTree';
import { PAIRS_PAGE, PairsTable } from './PairsTable';

/** Fields read from the body at a time: enough to page through quickly, few enough to parse in a few ms. */
const FORM_READ = 10 * PAIRS_PAGE;

export function FormView({ text, query }: { text: string; query: string }) {
  const [count, setCount] = useState(FORM_READ);
  const { pairs, complete } = useMemo(() => parseFormHead(text, count), [text, count]);
  const nested = hasBrackets(pairs);
  const [mode, setMode] = useState<'table' | 'nested'>('table');
  return (
    <div className="form-view">
      {nested && (
        <div className="segmented small">
          <button type="button" className={mode === 'table' ? 'active' : ''} onClick={() => setMode('table')}>
            Fields
          </button>
          <button
            type="button"
            className={mode === 'nested' ? 'active' : ''}
            onClick={() => setMode('nested')}
          >
            Nested
          </button>
        </div>
      )}
      {mode === 'nested' && nested ? (
        <div className="json-tree" data-testid="form-nested">
          <JsonTree value={nestForm(pairs)} query={query} />
        </div>
      ) : (
        <PairsTable
          pairs={pairs}
          query={query}
          empty="No form fields."
          label="form fields"
          one="form field"
          unread={complete ? undefined : () => setCount((n) => n + FORM_READ)}
        />
      )}
    </div>
  );
}
