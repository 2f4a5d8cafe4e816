/**
 * Said when a line ends in its shell's continuation mark (`\\`, `^` or a backtick) followed by spaces, as commands copied
 * from a web page or a chat often do: the shell would escape the space instead of continuing the line (and hand curl a
 * lone space as a second URL). The paste reads the line as continued, which is what was meant.
 */
export const spacedContinuationWarning = (mark: string) =>
  `command: a line ends in ${mark} followed by spaces, which a shell reads as an escaped space rather than a line continuation; read here as continued (remove the spaces before running it in a shell)`;
