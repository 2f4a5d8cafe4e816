// The only module that imports Monaco itself. It is reached only through React.lazy, so Monaco stays out of the
// first bundle; everything is served from our own origin (no CDN), workers included.
import * as monaco from 'monaco-editor';
import { loader } from '@monaco-editor/react';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
import { runMonacoSetups } from './monaco-setup';

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    return label === 'json' ? new JsonWorker() : new EditorWorker();
  },
};

monaco.editor.defineTheme('hookscope-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [],
  colors: { 'editor.background': '#15181e', 'editorGutter.background': '#15181e' },
});
monaco.editor.defineTheme('hookscope-light', {
  base: 'vs',
  inherit: true,
  rules: [],
  colors: { 'editor.background': '#ffffff' },
});

loader.config({ monaco });
runMonacoSetups(monaco);

export { monaco };
