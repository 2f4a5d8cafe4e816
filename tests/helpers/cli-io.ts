/** A CLI command's output streams, collected: pass `io` to the command, read what it wrote with `out()` and `err()`. */
export function cliIo() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s) },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}
