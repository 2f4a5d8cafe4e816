import { expect } from 'vitest';
import type { Result } from '../../electron/shared/contract/errors';
import { useRefusingEngineForUi } from './refusing-engine-for-ui';

/** What an error may quote from a user or a sender: a direction override and a control character. */
export const HOSTILE = 'https://evil.test/\u202egpj.exe\u0000';

/** `text` shows HOSTILE's invisible characters as marks, never as themselves. */
export function expectMarked(text: string | null | undefined): void {
  expect(text).toContain('U+202E');
  expect(text).toContain('\\u0000');
  expect(text).not.toContain('\u202e');
  expect(text).not.toContain('\u0000');
}

/**
 * A real engine (in-process transport, SQLite in a temp dir) for component tests: the calls named in `hostile` answer
 * the way a server would, refused with a message quoting HOSTILE; the others answer for real, through `rewrite`.
 * After each test the DOM is unmounted, kept state forgotten and `hostile` emptied.
 */
export function useHostileEngineForUi(
  rewrite?: (method: string, answer: Result<unknown>) => Result<unknown>,
) {
  const { ui, refused, mount } = useRefusingEngineForUi(() => HOSTILE, rewrite);
  return { ui, hostile: refused, mount };
}
