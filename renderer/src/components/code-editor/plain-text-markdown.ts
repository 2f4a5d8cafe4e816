/**
 * Text for a Markdown slot (Monaco hovers) that must show as the characters it is: every ASCII punctuation mark is
 * backslash-escaped, so no emphasis, image, link, HTML or bare-URL autolink comes out of captured values.
 */
export function plainTextMarkdown(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, '\\$&');
}
