// Small helpers shared by the bench scripts: flags, number formatting, markdown tables, the section hand-off to all.ts.
import { rmSync, writeFileSync } from 'node:fs';

/** `--name value` / `--name=value` / `--flag`. Unknown flags are refused by name. */
export function parseFlags(
  argv: string[],
  known: Record<string, 'number' | 'boolean' | 'string'>,
): Record<string, number | boolean | string> {
  const out: Record<string, number | boolean | string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument "${arg}".`);
    const [rawName, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const type = known[rawName];
    if (!type)
      throw new Error(
        `Unknown flag --${rawName}. Known: ${Object.keys(known)
          .map((k) => `--${k}`)
          .join(', ')}.`,
      );
    if (type === 'boolean') {
      out[rawName] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`Flag --${rawName} needs a value.`);
    if (type === 'number') {
      const n = Number(value);
      if (!Number.isFinite(n) || n <= 0)
        throw new Error(`Flag --${rawName} must be a positive number, got "${value}".`);
      out[rawName] = n;
    } else out[rawName] = value;
  }
  return out;
}

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export function table(head: string[], rows: Array<Array<string | number>>): string {
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  return lines.join('\n');
}

export const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');

/** all.ts sets BENCH_MARKDOWN_OUT; a bench that writes its section body there gets it placed in docs/benchmarks.md. */
export function handOffMarkdown(body: string): void {
  const file = process.env.BENCH_MARKDOWN_OUT;
  if (file) writeFileSync(file, body.trim() + '\n');
}

const removedOnExit = new Set<string>();

/**
 * Deletes `path` (a bench's temporary data dir, possibly gigabytes) when the process ends: normally, on an uncaught
 * error, or on Ctrl-C / SIGTERM, which by default end Node without running its exit handlers.
 */
export function removeOnExit(path: string): void {
  if (removedOnExit.size === 0) {
    process.on('exit', () => {
      for (const p of removedOnExit) rmSync(p, { recursive: true, force: true });
    });
    process.once('SIGINT', () => process.exit(130));
    process.once('SIGTERM', () => process.exit(143));
  }
  removedOnExit.add(path);
}
