import { describe, expect, it } from 'vitest';
import {
  JSON_MAX_DEPTH,
  editorLanguageFor,
  nestsDeeperThan,
} from '../../../renderer/src/components/code-editor/language';

describe('the language Monaco is given', () => {
  it('counts nesting outside strings only, escapes included', () => {
    expect(nestsDeeperThan('{"a":[1,{"b":2}]}', 3)).toBe(false);
    expect(nestsDeeperThan('{"a":[1,{"b":[2]}]}', 3)).toBe(true);
    expect(nestsDeeperThan('{"s":"[[[[[[{{{{"}', 1)).toBe(false);
    expect(nestsDeeperThan('{"s":"\\"[[[[["}', 1)).toBe(false);
    expect(nestsDeeperThan('{"s":"\\\\"}[[', 1)).toBe(true);
  });

  it('shows JSON nested past the bound as plain text; other languages are left alone', () => {
    const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
    expect(editorLanguageFor('json', deep(JSON_MAX_DEPTH))).toBe('json');
    expect(editorLanguageFor('json', deep(JSON_MAX_DEPTH + 1))).toBe('plaintext');
    expect(editorLanguageFor('json', '{}', deep(3000))).toBe('plaintext');
    expect(editorLanguageFor('xml', deep(3000))).toBe('xml');
  });
});
