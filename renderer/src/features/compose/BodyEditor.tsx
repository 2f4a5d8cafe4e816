import { useMemo } from 'react';
import { CodeEditor } from '../../components/code-editor';
import type { EditorDecoration, EditorMarker } from '../../components/code-editor/types';
import { bodyPlaceholders, unresolvedCount } from './body-placeholders';
import { bodyModes, type BodyMode } from '../../../../electron/shared/send/outgoing';
import { offsetToRange } from './offsets';
import { languageFor } from './state';
import { formatCount } from '../../lib/format';

const modeLabels: Record<BodyMode, string> = {
  json: 'JSON',
  form: 'Form',
  xml: 'XML',
  text: 'Text',
  base64: 'Raw (base64)',
};

/** The body template in Monaco; merge fields are highlighted, unresolved ones marked as warnings. */
export function BodyEditor({
  mode,
  body,
  record,
  env,
  merge,
  onMode,
  onBody,
}: {
  mode: BodyMode;
  body: string;
  record: Record<string, string>;
  env: Record<string, string>;
  /** Off: placeholders are sent as typed, so none is highlighted. */
  merge: boolean;
  onMode: (mode: BodyMode) => void;
  onBody: (body: string) => void;
}) {
  const placeholders = useMemo(
    () => bodyPlaceholders(mode, merge, body, record, env),
    [mode, merge, body, record, env],
  );
  const decorations: EditorDecoration[] = placeholders.map((p) => ({
    range: offsetToRange(body, p.start, p.end),
    className: p.value === undefined ? 'merge-field-missing' : 'merge-field-ok',
    hoverMessage:
      p.value === undefined
        ? `Unresolved: no "${p.name}" in the record${p.kind === 'env' ? ' or environment' : ''}`
        : `= ${p.value}`,
  }));
  const markers: EditorMarker[] = placeholders
    .filter((p) => p.value === undefined)
    .map((p) => ({
      ...offsetToRange(body, p.start, p.end),
      message: `Unresolved ${p.kind === 'env' ? 'variable' : 'merge field'} ${p.name}`,
      severity: 'warning',
    }));
  const missing = unresolvedCount(placeholders);

  return (
    <div className="compose-body">
      <div className="compose-row" role="radiogroup" aria-label="Body mode">
        {bodyModes.map((m) => (
          <label key={m} className={`chip compose-chip ${m === mode ? 'chip-active' : ''}`}>
            <input
              type="radio"
              name="body-mode"
              value={m}
              checked={m === mode}
              data-testid={`body-mode-${m}`}
              onChange={() => onMode(m)}
            />
            {modeLabels[m]}
          </label>
        ))}
        <span className="spacer" />
        <span className="muted" data-testid="placeholder-count">
          {formatCount(placeholders.length, 'field')}
          {missing > 0 && <span className="compose-warn"> · {missing} unresolved</span>}
        </span>
      </div>
      <CodeEditor
        value={body}
        language={languageFor[mode]}
        onChange={onBody}
        height={260}
        decorations={decorations}
        markers={markers}
      />
    </div>
  );
}
