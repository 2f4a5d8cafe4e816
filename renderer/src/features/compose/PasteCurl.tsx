import { useId, useState } from 'react';
import { CurlParseError, parseCurl, type ParsedCurl } from '../../../../electron/shared/send/curl';
import { VisibleText } from '../../components/VisibleText';
import { keepPastedCurlDraft, pastedCurlDraft } from './paste-curl-draft';

/**
 * Paste a cURL command to fill the composer; parse errors name the part that could not be read. A command read with
 * warnings fills the composer and stays open to show them. Closing before the command filled the composer keeps it
 * for the next open.
 */
export function PasteCurl({
  onParsed,
  onClose,
}: {
  onParsed: (parsed: ParsedCurl) => void;
  onClose: () => void;
}) {
  const [text, setText] = useState(pastedCurlDraft);
  const [error, setError] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  const errorId = useId();
  const apply = () => {
    try {
      const parsed = parseCurl(text);
      onParsed(parsed);
      keepPastedCurlDraft('');
      if (parsed.warnings.length > 0) setWarnings(parsed.warnings);
      else onClose();
    } catch (e) {
      setError(e instanceof CurlParseError ? e.message : `cURL: ${(e as Error).message}`);
    }
  };
  return (
    <div
      className="compose-paste"
      role="dialog"
      aria-label="Paste a cURL command"
      data-testid="paste-curl"
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <textarea
        rows={6}
        value={text}
        autoFocus
        spellCheck={false}
        placeholder="curl -X POST https://example.com/hook -H 'Content-Type: application/json' -d '{…}'"
        data-testid="paste-curl-input"
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => {
          setText(e.target.value);
          keepPastedCurlDraft(e.target.value);
          setError(null);
          setWarnings([]);
        }}
      />
      {error && (
        <p className="compose-error" id={errorId} role="alert" data-testid="paste-curl-error">
          <VisibleText text={error} />
        </p>
      )}
      {warnings.length > 0 && (
        <div className="compose-warn" role="status" data-testid="paste-curl-warnings">
          <p>Filled the composer; check:</p>
          <ul className="compose-problems">
            {warnings.map((warning) => (
              <li key={warning}>
                <VisibleText text={warning} />
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="compose-row">
        <button
          type="button"
          className="btn btn-primary btn-small"
          data-testid="paste-curl-apply"
          onClick={apply}
          disabled={text.trim() === ''}
        >
          Fill composer
        </button>
        <button type="button" className="btn btn-small" onClick={onClose}>
          {warnings.length > 0 ? 'Close' : 'Cancel'}
        </button>
      </div>
    </div>
  );
}
