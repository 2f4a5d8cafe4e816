// npm run bench:ui [-- --rate 1000 --seconds 10 --rows 100000]
// 1. With the UI open in Chromium, send captures at `rate`/s for `seconds` and measure, per capture, the time from the
//    receiver's acknowledgement (the HTTP response arriving at the sender) to its row appearing in the list's DOM.
// 2. With `rows` stored captures, scroll the list for 10 s and record frame intervals and long tasks.
// Prints the figures and writes the "## UI" section of docs/benchmarks.md.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { startApp } from '../../tests/helpers/app-server';
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

const agent = new Agent({ connections: 64, pipelining: 1 });
const acked = new Map<string, number>();
const total = rate * seconds;
const tickMs = 10;
const perTick = rate / (1000 / tickMs);
let sent = 0;
let failed = 0;
const inflight: Promise<void>[] = [];
const started = Date.now();
console.log(`ui: sending ${fmt(total)} captures at ${fmt(rate)}/s for ${seconds} s with the UI open`);
while (sent < total) {
  const due = Math.min(total, Math.floor(((Date.now() - started) / tickMs + 1) * perTick));
  for (; sent < due; sent++) {
    const path = `/bench/ui/${sent}`;
    inflight.push(
      request(`${app.receiverUrl}${path}`, { method: 'POST', body: `{"n":${sent}}`, headers: { 'content-type': 'application/json' }, dispatcher: agent })
        .then(async (res) => {
          await res.body.dump();
          acked.set(path, Date.now());
        })
        .catch(() => void failed++),
    );
  }
  await new Promise((r) => setTimeout(r, tickMs));
}
await Promise.all(inflight);
const sendSeconds = (Date.now() - started) / 1000;
await page.waitForTimeout(2000);
const seenPairs = await page.evaluate(() => [...(window as unknown as { __seen: Map<string, number> }).__seen.entries()]);
const latencies: number[] = [];
for (const [path, at] of seenPairs) {
  const ack = acked.get(path);
  if (ack !== undefined) latencies.push(Math.max(0, at - ack));
}
const shownTop = await page.locator('.row[data-capture-id] .cell.path').first().innerText();
const allCount = await page.getByTestId('result-count').innerText();
await page.close();
await app.close();
await agent.close();

const p50 = pct(latencies, 50);
const p99 = pct(latencies, 99);
console.log(`  sent ${fmt(sent)} in ${sendSeconds.toFixed(1)} s (${fmt(sent / sendSeconds)}/s), ${failed} failed`);
console.log(`  rows observed entering the DOM: ${fmt(latencies.length)} (the list renders only what is on screen)`);
console.log(`  acknowledge → row visible: p50 ${p50} ms, p99 ${p99} ms, max ${Math.max(...latencies)} ms`);
console.log(`  after the burst the list shows ${shownTop} on top and "${allCount}"`);

// ---------- 2. scrolling 100k stored captures ----------
const big = await startApp();
{
  const r = rng(7);
  const now = Date.now();
  const defaultId = big.engine.ctx.endpoints.match('/').id;
  const t0 = Date.now();
  for (let i = 0; i < rows; ) {
    const batch: Promise<number>[] = [];
    for (let j = 0; j < 500 && i < rows; j++, i++) batch.push(big.engine.ctx.captures.add(generateCapture(i, r, () => defaultId, now).capture));
    await Promise.all(batch);
  }
  console.log(`ui: stored ${fmt(rows)} captures in ${((Date.now() - t0) / 1000).toFixed(1)} s; scrolling the list for 10 s`);
}
const scrollPage = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await scrollPage.goto(big.uiUrl);
await scrollPage.locator('.row[data-capture-id]').first().waitFor();
const scroll = await scrollPage.evaluate(async () => {
  const list = document.querySelector<HTMLElement>('[data-testid="capture-list"]')!;
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((entries) => {
    for (const e of entries.getEntries()) longTasks.push(e.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  const frames: number[] = [];
  let last = performance.now();
  const end = last + 10_000;
  let direction = 1;
  await new Promise<void>((done) => {
    const step = (t: number) => {
      frames.push(t - last);
      last = t;
      // ~2 screens per frame, like a fast flick; reverse at the loaded end so scrolling never waits on nothing.
      if (list.scrollTop + list.clientHeight >= list.scrollHeight - 5) direction = -1;
      else if (list.scrollTop <= 0) direction = 1;
      list.scrollTop += direction * 1600;
      if (t < end) requestAnimationFrame(step);
      else done();
    };
    requestAnimationFrame(step);
  });
  observer.disconnect();
  const loaded = Number(document.querySelector('.list-toolbar .muted')?.textContent?.split(' ')[0]?.replace(/,/g, '') ?? 0);
  return { frames: frames.slice(1), longTasks, loaded };
});
await scrollPage.close();
await big.close();
await browser.close();

const fp50 = pct(scroll.frames, 50);
const fp95 = pct(scroll.frames, 95);
const fp99 = pct(scroll.frames, 99);
const maxLong = scroll.longTasks.length ? Math.max(...scroll.longTasks) : 0;
console.log(`  frames: ${fmt(scroll.frames.length)} in 10 s; interval p50 ${fp50.toFixed(1)} ms, p95 ${fp95.toFixed(1)} ms, p99 ${fp99.toFixed(1)} ms, max ${Math.max(...scroll.frames).toFixed(1)} ms`);
console.log(`  long tasks (> 50 ms): ${scroll.longTasks.length}${scroll.longTasks.length ? `, longest ${maxLong.toFixed(0)} ms` : ''}; rows loaded by scrolling: ${fmt(scroll.loaded)}`);

const md = `Headless Debian Chromium (software rendering, \`--disable-gpu\`) against browser mode on this machine; sender and
engine in one Node process, so the figures include the engine's own work.

${table(
  ['measure', 'result', 'target', ''],
  [
    [`acknowledge → row visible, ${fmt(rate)}/s for ${seconds} s (${fmt(latencies.length)} rows observed)`, `p50 ${p50} ms · p99 ${p99} ms`, 'p99 ≤ 100 ms', verdict(p99 <= 100)],
    ['send rate achieved', `${fmt(sent / sendSeconds)}/s, ${failed} failed`, `${fmt(rate)}/s`, '—'],
    [`scroll frame interval, ${fmt(rows)} stored (${fmt(scroll.loaded)} rows paged in)`, `p50 ${fp50.toFixed(1)} ms · p95 ${fp95.toFixed(1)} ms · p99 ${fp99.toFixed(1)} ms`, '—', '—'],
    ['long tasks while scrolling', `${scroll.longTasks.length}${scroll.longTasks.length ? ` (longest ${maxLong.toFixed(0)} ms)` : ''}`, 'none > 50 ms', verdict(scroll.longTasks.length === 0)],
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
  writeFileSync(file, re.test(text) ? text.replace(re, section.trimEnd() + '\n') : `${text.trimEnd()}\n\n${section}`);
  console.log('  wrote the "## UI" section of docs/benchmarks.md');
}
