import { useMemo, useState } from 'react';
import { hasBrackets, nestForm, parseFormHead } from '../../lib/form';
import type { JsonKeyOrder } from '../../../../electron/shared/decode/json-key-order';
import { JsonTree } from './JsonTree';
import { fieldsCopyText } from './fields-copy-text';
import { FORM_READ } from './form-read';
import { PairsTable } from './PairsTable';

export type FormHead = ReturnType<typeof parseFormHead>;

/** `head`, when given, is the first FORM_READ fields of `text`, already read (in a worker, for a big body). */
export function FormView({ text, query, head }: { text: string; query: string; head?: FormHead | null }) {
  const [count, setCount] = useState(FORM_READ);
  const { pairs, complete, noEquals } = useMemo(
    () => (head && count === FORM_READ ? head : parseFormHead(text, count)),
    [text, count, head],
  );
  const nested = hasBrackets(pairs);
  const [mode, setMode] = useState<'table' | 'nested'>('table');
  return (
    <div className="form-view">
      {nested && (
        <div className="segmented small" role="group" aria-label="Form fields as">
          <button
            type="button"
            className={mode === 'table' ? 'active' : ''}
            aria-pressed={mode === 'table'}
            onClick={() => setMode('table')}
          >
            Fields
          </button>
          <button
            type="button"
            className={mode === 'nested' ? 'active' : ''}
            aria-pressed={mode === 'nested'}
            onClick={() => setMode('nested')}
          >
            Nested
          </button>
        </div>
      )}
      {mode === 'nested' && nested ? (
        <div className="json-tree" data-testid="form-nested">
          <NestedFields pairs={pairs} query={query} />
        </div>
      ) : (
        <PairsTable
          pairs={pairs}
          query={query}
          empty="No form fields."
          label="form fields"
          one="form field"
          caseSensitiveNames
          noEquals={noEquals}
          copyFormat={(p) => fieldsCopyText(p, noEquals)}
          unread={complete ? undefined : () => setCount((n) => n + FORM_READ)}
        />
      )}
    </div>
  );
}

function NestedFields({ pairs, query }: { pairs: Array<[string, string]>; query: string }) {
  const nested = useMemo(() => {
    const keyOrder: JsonKeyOrder = new WeakMap();
    return { value: nestForm(pairs, keyOrder), keyOrder };
  }, [pairs]);
  return <JsonTree value={nested.value} query={query} keyOrder={nested.keyOrder} />;
}
