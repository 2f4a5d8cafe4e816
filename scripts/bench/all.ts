// npm run bench [-- --quick] [-- --soak] [-- --only ingest,storage]
// Runs every bench script that exists and writes docs/benchmarks.md: a machine section, then one section per bench.
// A bench hands its section body over through BENCH_MARKDOWN_OUT; one that writes its own section into
// docs/benchmarks.md keeps it; otherwise its printed output goes in as text. Sections of other benches are kept.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir, type as osType, release } from 'node:os';
import { join } from 'node:path';
import { parseFlags } from './bench-util';

const root = join(import.meta.dirname, '../..');
const docFile = join(root, 'docs/benchmarks.md');
const flags = parseFlags(process.argv.slice(2), { quick: 'boolean', only: 'string', soak: 'boolean' });
const quickArgs: Record<string, string[]> = {
  ingest: ['--duration', '3', '--rounds', '1'],
  storage: ['--rows', '100000', '--lag-seconds', '5'],
  reads: ['--rows', '20000', '--duration', '3'],
};
const benchNames = ['ingest', 'storage', 'reads', 'decode', 'send', 'ui'];
const unknownOnly = flags.only
  ? String(flags.only)
      .split(',')
      .filter((name) => !benchNames.includes(name))
  : [];
if (unknownOnly.length)
  throw new Error(`--only: unknown bench ${unknownOnly.join(', ')} (known: ${benchNames.join(', ')}).`);
const benches: Array<{ name: string; heading: string; args?: string[] }> = [
  { name: 'ingest', heading: 'Ingest' },
  // The 10-minute soak runs only when asked for (`--soak`); its last figures stay in the document otherwise.
  ...(flags.soak
    ? [
        {
          name: 'ingest',
          heading: 'Ingest soak',
          args: ['--soak', flags.quick ? '60' : '600', '--rate', '5000'],
        },
      ]
    : []),
  { name: 'storage', heading: 'Storage' },
  { name: 'reads', heading: 'Reads while capturing' },
  { name: 'decode', heading: 'Decode' },
  { name: 'send', heading: 'Send' },
  { name: 'ui', heading: 'UI' },
].filter(
  (b) =>
    !flags.only ||
    String(flags.only).split(',').includes(b.name) ||
    (b.heading === 'Ingest soak' && flags.soak),
);

/** `## Heading` → its body, in file order; text before the first heading is dropped (it is regenerated). */
function sections(markdown: string): Map<string, string> {
  const out = new Map<string, string>();
  let current: string | null = null;
  let lines: string[] = [];
  for (const line of markdown.split('\n')) {
    const m = /^## (.+)$/.exec(line);
    if (m) {
      if (current) out.set(current, lines.join('\n').trim());
      current = m[1]!.trim();
      lines = [];
    } else lines.push(line);
  }
  if (current) out.set(current, lines.join('\n').trim());
  return out;
}

const produced = new Map<string, string>();
const failed: string[] = [];
const tmp = mkdtempSync(join(tmpdir(), 'hookscope-bench-all-'));
try {
  for (const bench of benches) {
    const ts = join(root, `scripts/bench/${bench.name}.ts`);
    const mjs = join(root, `scripts/bench/${bench.name}.mjs`);
    const script = existsSync(ts) ? ts : existsSync(mjs) ? mjs : null;
    if (!script) {
      console.log(`\n=== ${bench.name}: no scripts/bench/${bench.name}.ts yet, skipped`);
      continue;
    }
    const out = join(tmp, `${bench.heading}.md`);
    const extra = bench.args ?? (flags.quick ? (quickArgs[bench.name] ?? []) : []);
    const args = [...(script.endsWith('.ts') ? ['--import', 'tsx'] : []), script, ...extra];
    console.log(`\n=== ${bench.name}: node ${args.join(' ')}`);
    const started = Date.now();
    const run = spawnSync(process.execPath, args, {
      cwd: root,
      env: { ...process.env, BENCH_MARKDOWN_OUT: out },
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 * 1024 * 1024,
      encoding: 'utf8',
    });
    process.stdout.write(run.stdout ?? '');
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    if (run.status !== 0) failed.push(`${bench.name} (exit ${run.status ?? run.signal})`);
    const status =
      run.status === 0
        ? ''
        : `\n\n**The script failed** (exit ${run.status ?? run.signal}); figures above may be partial.`;
    const command = `npm run bench:${bench.name}${extra.length ? ` -- ${extra.join(' ')}` : ''}`;
    if (existsSync(out))
      produced.set(
        bench.heading,
        `${readFileSync(out, 'utf8').trim()}${status}\n\n_\`${command}\`, ${seconds} s._`,
      );
    else
      produced.set(
        bench.heading,
        `_(printed output of \`npm run bench:${bench.name}\`)_\n\n\`\`\`text\n${(run.stdout ?? '').trim()}\n\`\`\`${status}`,
      );
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

// Re-read now: a bench may have written its own section while it ran.
const existing = existsSync(docFile) ? sections(readFileSync(docFile, 'utf8')) : new Map<string, string>();
for (const bench of benches) {
  if (produced.get(bench.heading)?.includes('_(printed output of') && existing.has(bench.heading))
    produced.delete(bench.heading);
}
const cpuList = cpus();
const load = (await import('node:os'))
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(', ');
const machine = [
  `- date: ${new Date().toISOString()}`,
  `- CPU: ${cpuList[0]?.model ?? 'unknown'} × ${cpuList.length} cores`,
  `- memory: ${(totalmem() / 1024 ** 3).toFixed(1)} GB`,
  `- OS: ${osType()} ${release()}`,
  `- Node: ${process.version}; better-sqlite3 ${readPkgVersion('better-sqlite3')}; autocannon ${readPkgVersion('autocannon')}; mockttp ${readPkgVersion('mockttp')}`,
  `- load average when the run ended: ${load} (other work on the machine skews absolute figures; compare the ratios measured in the same run)`,
  ...(failed.length
    ? [
        `- **failed this time**: ${failed.join(', ')}; a section the run wrote nothing for keeps its earlier figures`,
      ]
    : []),
  `- command: \`npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\` (sections not run this time keep their earlier figures)`,
].join('\n');

const order = ['Machine', 'Ingest', 'Ingest soak', 'Storage', 'Decode', 'Send', 'UI'];
// Hand-written analysis lives in "### " subsections under a section's generated figures; a re-run keeps them.
const notesOf = (body: string) => {
  const at = body.search(/^### /m);
  return at === -1 ? '' : body.slice(at).trim();
};
for (const [heading, body] of produced) {
  const notes = notesOf(existing.get(heading) ?? '');
  if (notes && !notesOf(body)) produced.set(heading, `${body.trimEnd()}\n\n${notes}`);
}
const merged = new Map<string, string>([['Machine', machine]]);
for (const heading of ['Ingest', 'Ingest soak', 'Storage', 'Decode', 'Send', 'UI']) {
  const body = produced.get(heading) ?? existing.get(heading);
  if (body) merged.set(heading, body);
}
for (const [heading, body] of existing) if (!merged.has(heading)) merged.set(heading, body);
const keys = [...new Set([...order.filter((h) => merged.has(h)), ...merged.keys()])];
const doc = [
  '# Benchmarks',
  '',
  'Written by `npm run bench` (each section can be refreshed alone with `npm run bench -- --only <name>`). Speed is',
  'measured here, never asserted in tests. See [testing.md](testing.md) for how to run everything.',
  '',
  ...keys.flatMap((h) => [`## ${h}`, '', merged.get(h)!, '']),
].join('\n');
writeFileSync(docFile, doc);
console.log(`\nwrote ${docFile}`);
if (failed.length) {
  console.error(`\nFAILED: ${failed.join(', ')}`);
  process.exitCode = 1;
}

function readPkgVersion(name: string): string {
  try {
    return (
      JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
  } catch {
    return '?';
  }
}
