import { DiffEditor } from '@monaco-editor/react';
import './monaco-instance';
import type { DiffEditorProps } from './types';
import { useEditorTheme } from './use-editor-theme';

export default function DiffEditorImpl({ original, modified, language, height = '100%' }: DiffEditorProps) {
  const theme = useEditorTheme();
  return (
    <div className="code-editor diff-editor" data-language={language} style={{ height }}>
      <DiffEditor
        original={original}
        modified={modified}
        language={language}
        theme={theme}
        height="100%"
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
