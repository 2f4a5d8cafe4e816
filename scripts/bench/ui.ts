// npm run bench:ui [-- --rate 1000 --seconds 10 --rows 100000]
// 1. With the UI open in Chromium, send captures at `rate`/s for `seconds` and measure, per capture, the time from the
//    receiver's acknowledgement (the HTTP response arriving at the sender) to its row appearing in the list's DOM.
// 2. With `rows` stored captures, scroll the list for 10 s and record frame intervals and long tasks.
// Prints the figures and writes the "## UI" section of docs/benchmarks.md.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { startApp } from '../../tests/helpers/app-server';
import { createHttpTransport } from '../../tests/helpers/http-client';
import { launchChromium } from '../../tests/helpers/chromium';
import { fmt, handOffMarkdown, parseFlags, table, verdict } from './bench-util';
import { generateCapture, rng } from './storage-data';

const flags = parseFlags(process.argv.slice(2), { rate: 'number', seconds: 'number', rows: 'number' });
const rate = (flags.rate as number | undefined) ?? 1000;
const seconds = (flags.seconds as number | undefined) ?? 10;
const rows = Math.floor((flags.rows as number | undefined) ?? 100_000);

const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

const browser = await launchChromium();

// ---------- 1. acknowledge → row visible ----------
const app = await startApp();
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await page.goto(app.uiUrl);
await page.locator('.status-bar .conn-open').waitFor();
// Record the wall-clock time each row first enters the DOM (rows are only rendered when on screen).
await page.evaluate(() => {
  const seen = new Map<string, number>();
  (window as unknown as { __seen: Map<string, number> }).__seen = seen;
  new MutationObserver((records) => {
    const now = Date.now();
    for (const r of records)
      for (const node of r.addedNodes) {
        if (!(node instanceof HTMLElement)) continue;
        const path = node.querySelector?.('.cell.path')?.textContent;
        if (path && !seen.has(path)) seen.set(path, now);
      }
  }).observe(document.body, { childList: true, subtree: true });
});

// Baseline in the same run: a Node WebSocket client of the same API, stamping each capture.created item on arrival.
const wsClient = createHttpTransport(app.apiUrl, app.token);
const eventAt = new Map<string, number>();
wsClient.subscribe((event, payload) => {
  if (event !== 'capture.created') return;
  const now = Date.now();
  for (const item of (payload as { items: Array<{ path: string }> }).items) eventAt.set(item.path, now);
});
await wsClient.ready();
const total = rate * seconds;
console.log(
  `ui: sending ${fmt(total)} captures at ${fmt(rate)}/s for ${seconds} s with the UI open (sender in its own process)`,
);
const child = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    join(import.meta.dirname, 'ui-sender.ts'),
    app.receiverUrl,
    String(rate),
    String(seconds),
  ],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
let output = '';
child.stdout.on('data', (c: Buffer) => (output += c.toString()));
await new Promise((done) => child.on('exit', done));
const result = JSON.parse(output) as {
  sent: number;
  failed: number;
  seconds: number;
  acked: Record<string, number>;
};
const { sent, failed } = result;
const sendSeconds = result.seconds;
const acked = new Map(Object.entries(result.acked));
await page.waitForTimeout(2000);
const seenPairs = await page.evaluate(() => [
  ...(window as unknown as { __seen: Map<string, number> }).__seen.entries(),
]);
const latencies: number[] = [];
const eventLatencies: number[] = [];
for (const [path, at] of seenPairs) {
  const ack = acked.get(path);
  if (ack !== undefined) latencies.push(Math.max(0, at - ack));
}
for (const [path, ack] of acked) {
  const at = eventAt.get(path);
  if (at !== undefined) eventLatencies.push(Math.max(0, at - ack));
}
wsClient.close();
const shownTop = await page.locator('.row[data-capture-id] .cell.path').first().innerText();
const allCount = await page.getByTestId('result-count').innerText();
await page.close();
await app.close();

const p50 = pct(latencies, 50);
const p99 = pct(latencies, 99);
console.log(
  `  sent ${fmt(sent)} in ${sendSeconds.toFixed(1)} s (${fmt(sent / sendSeconds)}/s), ${failed} failed`,
);
console.log(
  `  rows observed entering the DOM: ${fmt(latencies.length)} (the list renders only what is on screen)`,
);
console.log(`  acknowledge → row visible: p50 ${p50} ms, p99 ${p99} ms, max ${Math.max(...latencies)} ms`);
const e50 = pct(eventLatencies, 50);
const e99 = pct(eventLatencies, 99);
console.log(
  `  baseline, acknowledge → event at a Node WebSocket client: p50 ${e50} ms, p99 ${e99} ms (${fmt(eventLatencies.length)} events)`,
);
console.log(`  after the burst the list shows ${shownTop} on top and "${allCount}"`);

// ---------- 2. scrolling 100k stored captures ----------
const big = await startApp();
{
  const r = rng(7);
  const now = Date.now();
  const defaultId = big.engine.ctx.endpoints.match('/').id;
  const t0 = Date.now();
  for (let i = 0; i < rows;) {
    const batch: Promise<number>[] = [];
    for (let j = 0; j < 500 && i < rows; j++, i++)
      batch.push(big.engine.ctx.captures.add(generateCapture(i, r, () => defaultId, now).capture));
    await Promise.all(batch);
  }
  // Let the full-text indexer catch up first: this measures scrolling, not indexing.
  for (let lag = 1; lag > 0;) {
    await new Promise((r) => setTimeout(r, 500));
    const stats = await big.rpc<{ indexLagRows: number }>('app.stats', {});
    lag = stats.ok ? stats.value.indexLagRows : 0;
  }
  console.log(
    `ui: stored ${fmt(rows)} captures in ${((Date.now() - t0) / 1000).toFixed(1)} s; scrolling the list for 10 s`,
  );
}
const scrollPage = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await scrollPage.goto(big.uiUrl);
await scrollPage.locator('.row[data-capture-id]').first().waitFor({ timeout: 120_000 });
// Passed as source text: tsx would wrap named functions in a helper the page does not have.
const scroll = (await scrollPage.evaluate(`(async () => {
  const list = document.querySelector('[data-testid="capture-list"]');
  const longTasks = [];
  const observer = new PerformanceObserver((entries) => { for (const e of entries.getEntries()) longTasks.push(e.duration); });
  observer.observe({ type: 'longtask', buffered: false });
  const frames = [];
  let last = performance.now();
  const end = last + 10000;
  let direction = 1;
  await new Promise((done) => {
    function step(t) {
      frames.push(t - last);
      last = t;
      // About two screens per frame, like a fast flick; turn back at the loaded end.
      if (list.scrollTop + list.clientHeight >= list.scrollHeight - 5) direction = -1;
      else if (list.scrollTop <= 0) direction = 1;
      list.scrollTop += direction * 1600;
      if (t < end) requestAnimationFrame(step); else done();
    }
    requestAnimationFrame(step);
  });
  observer.disconnect();
  const loaded = Number((document.querySelector('.list-toolbar .muted')?.textContent ?? '0').split(' ')[0].replace(/,/g, ''));
  return { frames: frames.slice(1), longTasks, loaded };
})()`)) as { frames: number[]; longTasks: number[]; loaded: number };
await scrollPage.close();
await big.close();
await browser.close();

const fp50 = pct(scroll.frames, 50);
const fp95 = pct(scroll.frames, 95);
const fp99 = pct(scroll.frames, 99);
const maxLong = scroll.longTasks.length ? Math.max(...scroll.longTasks) : 0;
console.log(
  `  frames: ${fmt(scroll.frames.length)} in 10 s; interval p50 ${fp50.toFixed(1)} ms, p95 ${fp95.toFixed(1)} ms, p99 ${fp99.toFixed(1)} ms, max ${Math.max(...scroll.frames).toFixed(1)} ms`,
);
console.log(
  `  long tasks (> 50 ms): ${scroll.longTasks.length}${scroll.longTasks.length ? `, longest ${maxLong.toFixed(0)} ms` : ''}; rows loaded by scrolling: ${fmt(scroll.loaded)}`,
);

const md = `Headless Debian Chromium (software rendering, \`--disable-gpu\`) against browser mode, the sender in its own process,
all on this one machine (they compete for its cores: ${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(1)} at the end
of the run).

${table(
  ['measure', 'result', 'target', ''],
  [
    [
      `acknowledge → row visible, ${fmt(rate)}/s for ${seconds} s (${fmt(latencies.length)} rows observed)`,
      `p50 ${p50} ms · p99 ${p99} ms`,
      'p99 ≤ 100 ms',
      verdict(p99 <= 100),
    ],
    [
      'baseline: acknowledge → capture.created at a Node WebSocket client',
      `p50 ${e50} ms · p99 ${e99} ms`,
      '—',
      `UI adds p50 ${p50 - e50} ms · p99 ${p99 - e99} ms`,
    ],
    ['send rate achieved', `${fmt(sent / sendSeconds)}/s, ${failed} failed`, `${fmt(rate)}/s`, '—'],
    [
      `scroll frame interval, ${fmt(rows)} stored (${fmt(scroll.loaded)} rows paged in)`,
      `p50 ${fp50.toFixed(1)} ms · p95 ${fp95.toFixed(1)} ms · p99 ${fp99.toFixed(1)} ms`,
      '—',
      '—',
    ],
    [
      'long tasks while scrolling',
      `${scroll.longTasks.length}${scroll.longTasks.length ? ` (longest ${maxLong.toFixed(0)} ms)` : ''}`,
      'none > 50 ms',
      verdict(scroll.longTasks.length === 0),
    ],
  ],
)}

Rows are virtualized: only rows on screen enter the DOM, so "observed" counts the captures that were on screen at
some point during the burst (new rows land at the top while the list is scrolled to the top).`;
handOffMarkdown(md);
if (!process.env.BENCH_MARKDOWN_OUT) {
  const file = join(import.meta.dirname, '../../docs/benchmarks.md');
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const section = `## UI\n\n${md}\n\n_\`npm run bench:ui\`, ${new Date().toISOString().slice(0, 10)}._\n`;
  const re = /## UI\n[\s\S]*?(?=\n## |$)/;
  writeFileSync(
    file,
    re.test(text) ? text.replace(re, section.trimEnd() + '\n') : `${text.trimEnd()}\n\n${section}`,
  );
  console.log('  wrote the "## UI" section of docs/benchmarks.md');
}
