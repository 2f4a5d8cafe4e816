import type { BodyForm } from './request-body';

/** Decoded / Received switch for a body whose Content-Encoding the engine undid. */
export function BodyFormChoice({
  form,
  encoding,
  onChange,
}: {
  form: BodyForm;
  encoding: string | null;
  onChange: (form: BodyForm) => void;
}) {
  return (
    <div className="segmented body-form" role="radiogroup" aria-label="Body bytes" data-testid="body-form">
      {(['decoded', 'received'] as const).map((f) => (
        <button
          key={f}
          type="button"
          role="radio"
          aria-checked={form === f}
          className={form === f ? 'active' : ''}
          data-form={f}
          title={
            f === 'decoded' ? `With Content-Encoding ${encoding} undone` : 'The bytes exactly as they arrived'
          }
          onClick={() => onChange(f)}
        >
          {f === 'decoded' ? 'Decoded' : `Received (${encoding})`}
        </button>
      ))}
    </div>
  );
}
