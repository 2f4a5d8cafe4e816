import { useState } from 'react';
import { withoutDigitGroups } from '../settings/digit-groups';
import type { ComposeDraft } from './state';

type Settings = ComposeDraft['ontraport'];

/** Ontraport's "Send a Webhook" settings (seed 000, step 8): requests per minute and number of retries. */
export function OntraportSettings({
  value,
  onChange,
}: {
  value: Settings;
  onChange: (next: Settings) => void;
}) {
  return (
    <>
      <WholeNumber
        label="Requests / min"
        title="Ontraport spaces its deliveries to this many a minute (1–100,000)"
        testId="compose-ontraport-rate"
        min={1}
        max={100_000}
        value={value.requestsPerMinute}
        onChange={(requestsPerMinute) => onChange({ ...value, requestsPerMinute })}
      />
      <WholeNumber
        label="Retries"
        title="How many times a failed delivery is tried again (0–100)"
        testId="compose-ontraport-retries"
        min={0}
        max={100}
        value={value.retries}
        onChange={(retries) => onChange({ ...value, retries })}
      />
    </>
  );
}

/** A whole number in [min, max]: what is typed is kept while it is being edited; only a valid number is applied. */
function WholeNumber(props: {
  label: string;
  title: string;
  testId: string;
  min: number;
  max: number;
  value: number;
  onChange: (n: number) => void;
}) {
  const [text, setText] = useState(String(props.value));
  // Digits in thousands groups or not ("100,000", as the hint writes it); a number input would drop the comma.
  const read = (t: string) => Number(withoutDigitGroups(t.trim()) ?? NaN);
  const valid = (t: string) => read(t) >= props.min && read(t) <= props.max;
  // A value changed from elsewhere (a saved webhook loaded, another preset) replaces the text; the value this input
  // has just applied leaves what is being typed alone.
  const [applied, setApplied] = useState(props.value);
  if (props.value !== applied) {
    setApplied(props.value);
    if (!(valid(text) && read(text) === props.value)) setText(String(props.value));
  }
  const errorId = `${props.testId}-error`;
  return (
    <label title={props.title}>
      {props.label}{' '}
      <input
        inputMode="numeric"
        className="compose-number"
        data-testid={props.testId}
        aria-invalid={!valid(text)}
        aria-describedby={valid(text) ? undefined : errorId}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (valid(e.target.value)) props.onChange(read(e.target.value));
        }}
        onBlur={() => setText(String(props.value))}
      />
      {!valid(text) && (
        <span id={errorId} className="compose-error" data-testid={errorId}>
          {' '}
          {props.label}: enter a whole number from {props.min.toLocaleString('en')} to{' '}
          {props.max.toLocaleString('en')}; {props.value.toLocaleString('en')} is sent
        </span>
      )}
    </label>
  );
}
