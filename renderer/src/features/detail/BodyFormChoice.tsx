import type { KeyboardEvent } from 'react';
import type { BodyForm } from './request-body';

const forms = ['decoded', 'received'] as const;

/** Decoded / Received switch for a body whose codings (Content-Encoding, transfer codings) the engine undid. */
export function BodyFormChoice({
  form,
  encoding,
  onChange,
}: {
  form: BodyForm;
  encoding: string | null;
  onChange: (form: BodyForm) => void;
}) {
  // A radio group is one Tab stop, its choice moved with the arrow keys (WAI-ARIA radio group).
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
    if (step === undefined) return;
    e.preventDefault();
    const next = forms[(forms.indexOf(form) + step + forms.length) % forms.length]!;
    onChange(next);
    e.currentTarget.querySelector<HTMLElement>(`[data-form="${next}"]`)?.focus();
  };
  return (
    <div
      className="segmented body-form"
      role="radiogroup"
      aria-label="Body bytes"
      data-testid="body-form"
      onKeyDown={onKeyDown}
    >
      {forms.map((f) => (
        <button
          key={f}
          type="button"
          role="radio"
          aria-checked={form === f}
          tabIndex={form === f ? 0 : -1}
          className={form === f ? 'active' : ''}
          data-form={f}
          title={f === 'decoded' ? `With ${encoding} undone` : 'The bytes exactly as they arrived'}
          onClick={() => onChange(f)}
        >
          {f === 'decoded' ? 'Decoded' : `Received (${encoding})`}
        </button>
      ))}
    </div>
  );
}
