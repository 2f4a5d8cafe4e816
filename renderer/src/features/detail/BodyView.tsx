import { useId, useMemo, useState, type ReactNode } from 'react';
import { findDuplicateKeys } from '../../../../electron/shared/decode/duplicate-keys';
import { TabPanel } from '../../components/TabPanel';
import { tabElementId, tabPanelElementId } from '../../components/tab-ids';
import { onTablistKeyDown } from '../../components/tablist-keys';
import { CodeEditor } from '../../components/code-editor';
import { VisibleText } from '../../components/VisibleText';
import { bodyKind, editorLanguage, type BodyKind } from '../../lib/body-kind';
import { bodyText, type BodyText } from '../../lib/bytes';
import { formatBytes } from '../../lib/format';
import { jsonKeyOrder } from '../../../../electron/shared/decode/json-key-order';
import { tryParseJson } from '../../lib/json-normalize';
import { prettyXml } from '../../lib/xml';
import { FormView, type FormHead } from './FormView';
import { HexView } from './HexView';
import { JsonTree } from './JsonTree';
import { MultipartView } from './MultipartView';
import { PlainText } from './PlainText';

type Mode = 'pretty' | 'raw' | 'hex';
/**
 * Past this, Raw shows plain text, not Monaco: a long single line is slow to tokenize and lay out, and a 5.5 MB
 * one-line JSON body blocked the page for 2.4 s.
 */
const RAW_EDITOR_LIMIT = 128 * 1024;
/** Past this, JSON is indented as text rather than parsed into a tree, and XML is shown as received: parsing 5 MB
 * blocked the page for seconds. */
const PRETTY_LIMIT = 1024 * 1024;

export function BodyView({
  bytes,
  contentType,
  query,
  note,
  choice,
  decoded: given,
  formHead,
  stillCoded = false,
}: {
  bytes: Uint8Array;
  contentType: string | null;
  query: string;
  note?: string | null;
  /** A control shown in the toolbar, such as which bytes of the body to view. */
  choice?: ReactNode;
  /** The bytes' text, when already decoded (in a worker, for a big body). */
  decoded?: BodyText;
  /** A form's first fields, when already read. */
  formHead?: FormHead | null;
  /** The bytes are in a coding not undone: shown as bytes, however they read (see bodyKind). */
  stillCoded?: boolean;
}) {
  const decoded = useMemo(() => given ?? bodyText(bytes, contentType), [given, bytes, contentType]);
  const { text } = decoded;
  const charset = charsetLabel(decoded);
  const kind = bodyKind(contentType, text, bytes.length, stillCoded);
  // Switching Decoded / Received keeps this component and may change the kind: the view follows it until the user
  // picks one.
  const [picked, setPicked] = useState<Mode | null>(null);
  const mode = picked ?? (kind === 'binary' ? 'hex' : 'pretty');
  const tabsId = useId();
  if (kind === 'empty')
    return (
      <div className="muted pad empty-body">
        {note ? 'No body bytes stored.' : 'No body.'}{' '}
        {note && (
          <span className="pill pill-info">
            <VisibleText text={note} />
          </span>
        )}
      </div>
    );
  return (
    <div className="body-view" data-kind={kind}>
      <div className="body-toolbar">
        <div className="segmented" role="tablist" aria-label="Body view" onKeyDown={onTablistKeyDown}>
          {(['pretty', 'raw', 'hex'] as const).map((m) => (
            <button
              key={m}
              type="button"
              role="tab"
              aria-selected={mode === m}
              tabIndex={mode === m ? 0 : -1}
              className={mode === m ? 'active' : ''}
              data-mode={m}
              id={tabElementId(tabsId, m)}
              aria-controls={mode === m ? tabPanelElementId(tabsId) : undefined}
              onClick={() => setPicked(m)}
            >
              {m === 'pretty' ? 'Pretty' : m === 'raw' ? 'Raw' : 'Hex'}
            </button>
          ))}
        </div>
        {choice}
        <span className="muted">
          {kindLabel(kind)} ·{' '}
          {charset && (
            <>
              <span className="body-charset" data-testid="body-charset" title={charset.title}>
                {charset.text}
              </span>{' '}
              ·{' '}
            </>
          )}
          {formatBytes(bytes.length)}
        </span>
        {note && (
          <span className="pill pill-info">
            <VisibleText text={note} />
          </span>
        )}
      </div>
      <TabPanel tabsId={tabsId} active={mode} className={`body-content body-${mode}`} testId={`body-${mode}`}>
        {mode === 'hex' && <HexView bytes={bytes} />}
        {mode === 'raw' &&
          (text === null ? (
            <div className="notice">
              Binary body — not valid{' '}
              {decoded.declared && !decoded.unknownCharset ? decoded.declared : 'UTF-8'}. Use Hex, or download
              it.
            </div>
          ) : bytes.length > RAW_EDITOR_LIMIT ? (
            <PlainText text={text} bytes={bytes.length} />
          ) : (
            <CodeEditor value={text} language={editorLanguage(kind)} readOnly height="100%" />
          ))}
        {mode === 'pretty' && (
          <Pretty
            kind={kind}
            text={text}
            bytes={bytes}
            contentType={contentType}
            query={query}
            formHead={formHead}
          />
        )}
      </TabPanel>
    </div>
  );
}

/** Which charset the text was read in, when it is not plain UTF-8 (the usual case, left unsaid). */
function charsetLabel(d: BodyText): { text: string; title: string } | null {
  if (d.text === null) return null;
  if (d.unknownCharset)
    return {
      text: `read as UTF-8`,
      title: `Unknown charset "${d.declared}" in ${d.declaredIn}; the body is valid UTF-8 and shown as such`,
    };
  if (d.encoding === null || d.encoding === 'utf-8') return null;
  return {
    text: d.encoding,
    title:
      d.declared === d.encoding
        ? `Decoded as ${d.encoding}, the charset in ${d.declaredIn}`
        : `${d.declaredIn === 'Content-Type' ? `Content-Type says charset=${d.declared}` : `The XML declaration says encoding="${d.declared}"`}; decoded as ${d.encoding} (its WHATWG Encoding Standard name)`,
  };
}

function kindLabel(kind: BodyKind): string {
  return {
    empty: 'empty',
    json: 'JSON',
    form: 'Form',
    xml: 'XML',
    multipart: 'Multipart',
    html: 'HTML',
    text: 'Text',
    binary: 'Binary',
  }[kind];
}

function Pretty({
  kind,
  text,
  bytes,
  contentType,
  query,
  formHead,
}: {
  kind: BodyKind;
  text: string | null;
  bytes: Uint8Array;
  contentType: string | null;
  query: string;
  formHead?: FormHead | null;
}) {
  switch (kind) {
    case 'json': {
      if (text !== null && text.length > PRETTY_LIMIT)
        return (
          <>
            <div className="notice" data-testid="json-as-text">
              Over {formatBytes(PRETTY_LIMIT)}: indented as text, not parsed into a tree.
            </div>
            <PlainText text={text} bytes={bytes.length} query={query} json />
          </>
        );
      const parsed = tryParseJson(text ?? '');
      if (!parsed.ok)
        return (
          <>
            <div className="notice notice-warn">Declared as JSON but does not parse; shown as text.</div>
            <PlainText text={text ?? ''} bytes={bytes.length} query={query} />
          </>
        );
      const repeated = findDuplicateKeys(text ?? '', 5);
      return (
        <>
          {repeated.length > 0 && (
            <div className="notice notice-warn" data-testid="json-duplicate-keys">
              {repeated.map((d) => (
                <div key={`${d.objectPath} ${d.key}`}>
                  Key <VisibleText text={JSON.stringify(d.key)} /> is written {d.count} times in{' '}
                  <VisibleText text={d.objectPath} />: the tree shows its last value only; Raw has them all.
                </div>
              ))}
            </div>
          )}
          <div className="json-tree" data-testid="json-tree">
            <JsonTree value={parsed.value} query={query} keyOrder={jsonKeyOrder(text ?? '', parsed.value)} />
          </div>
        </>
      );
    }
    case 'form':
      return <FormView text={text ?? ''} query={query} head={formHead} />;
    case 'xml':
    case 'html': {
      const tooBig = (text ?? '').length > PRETTY_LIMIT;
      const pretty = kind === 'xml' && !tooBig ? prettyXml(text ?? '') : { text: text ?? '', error: null };
      return (
        <>
          {kind === 'xml' && tooBig && (
            <div className="notice" data-testid="xml-as-received">
              Over {formatBytes(PRETTY_LIMIT)}: shown as received, not re-indented.
            </div>
          )}
          {pretty.error && (
            <div className="notice notice-warn">
              {/* The parser's message quotes tag and attribute names from the payload. */}
              Not well-formed XML (<VisibleText text={pretty.error} />
              ); shown as received.
            </div>
          )}
          <PlainText
            text={pretty.text}
            bytes={bytes.length}
            query={query}
            className="text-body markup-body"
            testId="markup-body"
          />
        </>
      );
    }
    case 'multipart':
      return <MultipartView bytes={bytes} contentType={contentType} query={query} />;
    case 'binary':
      return <HexView bytes={bytes} />;
    default:
      return <PlainText text={text ?? ''} bytes={bytes.length} query={query} />;
  }
}
