/**
 * Whether to colour terminal output: FORCE_COLOR (as Node reads it: set and not 0/false turns colour on, 0/false
 * off) wins, then NO_COLOR (set and not empty: off, https://no-color.org), else only on a terminal.
 */
export function wantsColour(env: NodeJS.ProcessEnv, isTty: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR) return false;
  return isTty;
}
