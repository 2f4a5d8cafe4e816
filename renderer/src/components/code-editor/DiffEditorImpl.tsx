import { DiffEditor, type DiffOnMount } from '@monaco-editor/react';
import { useEffect, useMemo, useRef } from 'react';
import type * as Monaco from 'monaco-editor';
import './monaco-instance';
import { editorLanguageFor } from './language';
import type { DiffEditorProps } from './types';
import { useEditorTheme } from './use-editor-theme';

export default function DiffEditorImpl({ original, modified, language, height = '100%' }: DiffEditorProps) {
  const theme = useEditorTheme();
  const shownLanguage = useMemo(
    () => editorLanguageFor(language, original, modified),
    [language, original, modified],
  );
  // @monaco-editor/react disposes the text models before the diff widget lets go of them ("TextModel got disposed
  // before DiffEditorWidget model got reset"). Keep the models and release them ourselves once the widget is gone.
  const models = useRef<Monaco.editor.ITextModel[]>([]);
  const onMount: DiffOnMount = (editor) => {
    const model = editor.getModel();
    if (model) models.current = [model.original, model.modified];
  };
  useEffect(
    () => () => {
      const owned = models.current;
      setTimeout(() => owned.forEach((m) => m.isDisposed() || m.dispose()), 0);
    },
    [],
  );
  return (
    <div className="code-editor diff-editor" data-language={shownLanguage} style={{ height }}>
      <DiffEditor
        original={original}
        modified={modified}
        language={shownLanguage}
        theme={theme}
        height="100%"
        onMount={onMount}
        keepCurrentOriginalModel
        keepCurrentModifiedModel
        loading={<div className="code-editor-loading">Loading diff…</div>}
        options={{
          readOnly: true,
          originalEditable: false,
          renderSideBySide: true,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          fontSize: 12.5,
          automaticLayout: true,
          wordWrap: 'on',
          links: false,
        }}
      />
    </div>
  );
}
