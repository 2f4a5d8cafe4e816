import { useState } from 'react';
import { hasBrackets, nestForm, parseFormPairs } from '../../lib/form';
import { JsonTree } from './JsonTree';
import { PairsTable } from './PairsTable';

export function FormView({ text, query }: { text: string; query: string }) {
  const pairs = parseFormPairs(text);
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
        />
      )}
    </div>
  );
}
