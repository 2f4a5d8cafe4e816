import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useRef } from 'react';
import type * as Monaco from 'monaco-editor';
import { monaco } from './monaco-instance';
import type { CodeEditorProps } from './types';
import { useEditorTheme } from './use-editor-theme';

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
  const editorRef = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const collection = useRef<Monaco.editor.IEditorDecorationsCollection | null>(null);

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
      options: { inlineClassName: d.className, hoverMessage: d.hoverMessage ? { value: d.hoverMessage } : undefined },
    }));
    if (collection.current) collection.current.set(next);
    else collection.current = editor.createDecorationsCollection(next);
  };

  useEffect(apply);

  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
    apply();
  };

  return (
    <div className="code-editor" data-language={language} style={{ height }}>
      <Editor
        value={value}
        language={language}
        theme={theme}
        height="100%"
        onMount={onMount}
        onChange={(next) => onChange?.(next ?? '')}
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
        }}
      />
    </div>
  );
}
