import type * as Monaco from 'monaco-editor';

export type MonacoApi = typeof Monaco;
type SetupFn = (monaco: MonacoApi) => void;

const pending: SetupFn[] = [];
let loaded: MonacoApi | null = null;

/**
 * Register code that needs the Monaco instance (hover providers, languages, themes). Each fn runs once, when Monaco
 * first loads — or right away if it already has. Importing this file does not load Monaco.
 */
export function addMonacoSetup(fn: SetupFn): void {
  if (loaded) runSafely(fn, loaded);
  else pending.push(fn);
}

/** Called by the lazy Monaco chunk once the instance exists. */
export function runMonacoSetups(monaco: MonacoApi): void {
  loaded = monaco;
  for (const fn of pending.splice(0)) runSafely(fn, monaco);
}

function runSafely(fn: SetupFn, monaco: MonacoApi) {
  try {
    fn(monaco);
  } catch (error) {
    console.error('Monaco setup failed', error);
  }
}
