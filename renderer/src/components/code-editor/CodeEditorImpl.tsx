import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useMemo, useRef } from 'react';
import type * as Monaco from 'monaco-editor';
import { monaco } from './monaco-instance';
import { editorLanguageFor } from './language';
import type { CodeEditorProps } from './types';
import { useEditorTheme } from './use-editor-theme';
import { plainTextMarkdown } from './plain-text-markdown';

const severity = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
} as const;

export default function CodeEditorImpl({
  value,
  language,
  readOnly = false,
  onChange,
  height = '100%',
  markers,
  decorations,
}: CodeEditorProps) {
  const theme = useEditorTheme();
  const shownLanguage = useMemo(() => editorLanguageFor(language, value), [language, value]);
  const editorRef = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const collection = useRef<Monaco.editor.IEditorDecorationsCollection | null>(null);
  // Texts this editor emitted through onChange. React renders after Monaco's event, so the parent can echo one
  // back a keystroke or two late; re-applying it would overwrite newer typing and jump the cursor. Only a value
  // the editor never produced (a real external change) is pushed into the model.
  const emitted = useRef<string[]>([]);
  // Set while this editor writes an outside value into its model, so the write is not echoed back as typing.
  const pushing = useRef(false);
  // The model's text as last written or typed, so an unchanged value is not compared against the model again.
  const modelText = useRef(value);
  const external = !emitted.current.includes(value);
  if (external) emitted.current = [];
  // Caught up with the typing: no echo is pending, so an older text (a body cleared before the current one was typed)
  // coming back is an outside change, such as a pasted cURL command with no body, not a late echo.
  else if (value === modelText.current) emitted.current = [value];

  const apply = () => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model) return;
    monaco.editor.setModelMarkers(
      model,
      'hookscope',
      (markers ?? []).map((m) => ({ ...m, severity: severity[m.severity] })),
    );
    const next = (decorations ?? []).map((d) => ({
      range: d.range,
      options: {
        inlineClassName: d.className,
        // Hover texts can carry captured values: shown as plain text, never as Markdown, HTML or links.
        hoverMessage: d.hoverMessage
          ? { value: plainTextMarkdown(d.hoverMessage), isTrusted: false, supportHtml: false }
          : undefined,
      },
    }));
    if (collection.current) collection.current.set(next);
    else collection.current = editor.createDecorationsCollection(next);
  };

  useEffect(apply);

  // An outside value replaces the model's text. Monaco converts inserted text to the model's line ending, so the
  // model first takes the line ending of the incoming text: a CRLF body must stay CRLF when the editor already
  // held an LF one.
  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!external || !editor || !model || value === modelText.current) return;
    modelText.current = value;
    if (model.getValue() === value) return;
    pushing.current = true;
    try {
      model.setEOL(
        lineEndingOf(value) === '\r\n'
          ? monaco.editor.EndOfLineSequence.CRLF
          : monaco.editor.EndOfLineSequence.LF,
      );
      // A read-only editor refuses edits; setValue drops the undo history, which it has no use for.
      if (readOnly) model.setValue(value);
      else {
        editor.executeEdits('', [{ range: model.getFullModelRange(), text: value, forceMoveMarkers: true }]);
        editor.pushUndoStop();
      }
    } finally {
      pushing.current = false;
    }
  });

  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
    apply();
    // Tab indents, which would hold keyboard users inside an editable editor: Escape, then Tab, moves focus on.
    editor.onKeyDown((e) => {
      if (e.keyCode === monaco.KeyCode.Escape) editor.updateOptions({ tabFocusMode: true });
      else if (e.keyCode !== monaco.KeyCode.Tab && !modifierKeys.has(e.keyCode))
        editor.updateOptions({ tabFocusMode: false });
    });
    editor.onDidBlurEditorText(() => editor.updateOptions({ tabFocusMode: false }));
  };

  return (
    <div className="code-editor" data-language={shownLanguage} style={{ height }}>
      {!readOnly && (
        <span className="code-editor-hint" aria-hidden>
          Esc then Tab leaves the editor
        </span>
      )}
      <Editor
        defaultValue={value}
        language={shownLanguage}
        theme={theme}
        height="100%"
        onMount={onMount}
        onChange={(next) => {
          if (pushing.current) return;
          const text = next ?? '';
          modelText.current = text;
          emitted.current.push(text);
          if (emitted.current.length > 64) emitted.current.shift();
          onChange?.(text);
        }}
        loading={<div className="code-editor-loading">Loading editor…</div>}
        options={{
          readOnly,
          domReadOnly: readOnly,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          fontSize: 12.5,
          wordWrap: 'on',
          automaticLayout: true,
          renderWhitespace: 'selection',
          unicodeHighlight: { ambiguousCharacters: true, invisibleCharacters: true },
          links: false,
          // A body may hold U+2028/U+2029 (valid in JSON strings): Monaco's default asks with a native dialog, and
          // accepting it deletes them from the text that is sent.
          unusualLineTerminators: 'off',
          ariaLabel: readOnly
            ? 'Editor content'
            : 'Editor content. Tab indents; Escape then Tab leaves the editor.',
        }}
      />
    </div>
  );
}

const modifierKeys = new Set([
  monaco.KeyCode.Shift,
  monaco.KeyCode.Ctrl,
  monaco.KeyCode.Alt,
  monaco.KeyCode.Meta,
]);

/** The line ending most of the text uses (Monaco models hold one). */
function lineEndingOf(text: string): '\r\n' | '\n' {
  const crlf = text.split('\r\n').length - 1;
  const lf = text.split('\n').length - 1 - crlf;
  return crlf > lf ? '\r\n' : '\n';
}
