import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../../renderer/src/features/decode/hover';

// The Markdown parser Monaco renders hovers with (its own bundled copy of marked, which ships no types).
const markedPath = 'monaco-editor/base/common/marked/marked.js';
const { marked } = (await import(/* @vite-ignore */ markedPath)) as {
  marked: { parse(markdown: string, options: { gfm: boolean }): string };
};

// Labels come from custom dictionaries (imported files): a hover must show them as characters, never as a link.
const labels = [
  'https://evil.example/login?next=1',
  'http://localhost:8787/h/x',
  'https://3232235777/admin',
  'ftp://files.example/a',
  'www.evil.example/login',
  'see support@evil.example',
];

describe('the Ortto hover shows a label that looks like a URL as text', () => {
  it.each(labels)('%s', (label) => {
    const html = marked.parse(`**${escapeMarkdown(label)}**`, { gfm: true });
    expect(html).not.toContain('<a');
    expect(html.replace(/<[^>]+>/g, '').trim()).toBe(label);
  });
});
