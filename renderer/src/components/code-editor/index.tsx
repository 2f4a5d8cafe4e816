import { lazy, Suspense } from 'react';
import type { CodeEditorProps, DiffEditorProps } from './types';

// Monaco is large: it loads on first use, never in the first bundle.
const LazyCodeEditor = lazy(() => import('./CodeEditorImpl'));
const LazyDiffEditor = lazy(() => import('./DiffEditorImpl'));

const fallback = <div className="code-editor-loading">Loading editor…</div>;

/** The one component that renders Monaco. Read-only editors show sender bytes as a text model, never as HTML. */
export function CodeEditor(props: CodeEditorProps) {
  return (
    <Suspense fallback={fallback}>
      <LazyCodeEditor {...props} />
    </Suspense>
  );
}

export function DiffEditor(props: DiffEditorProps) {
  return (
    <Suspense fallback={fallback}>
      <LazyDiffEditor {...props} />
    </Suspense>
  );
}

export { addMonacoSetup } from './monaco-setup';
export type { CodeEditorProps, DiffEditorProps, EditorDecoration, EditorMarker, EditorRange } from './types';
