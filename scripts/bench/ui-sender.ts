// Child process of bench:ui: sends POSTs at a fixed rate to the receiver and prints one JSON line with each path's
// acknowledgement time (wall clock, ms). Separate from the engine's process so the sender does not steal its CPU.
import { Agent, request } from 'undici';

const [url, rateArg, secondsArg] = process.argv.slice(2);
if (!url) throw new Error('usage: ui-sender.ts <receiverUrl> <rate> <seconds>');
const rate = Number(rateArg ?? 1000);
const total = rate * Number(secondsArg ?? 10);
const agent = new Agent({ connections: 64 });
const acked: Record<string, number> = {};
let failed = 0;
let sent = 0;
const tickMs = 5;
const started = Date.now();
const inflight: Promise<void>[] = [];
while (sent < total) {
  const due = Math.min(total, Math.floor(((Date.now() - started + tickMs) / 1000) * rate));
  for (; sent < due; sent++) {
    const path = `/bench/ui/${sent}`;
    inflight.push(
      request(`${url}${path}`, {
        method: 'POST',
        body: `{"n":${sent}}`,
        headers: { 'content-type': 'application/json' },
        dispatcher: agent,
      })
        .then(async (res) => {
          await res.body.dump();
          acked[path] = Date.now();
        })
        .catch(() => void failed++),
    );
  }
  await new Promise((r) => setTimeout(r, tickMs));
}
await Promise.all(inflight);
const seconds = (Date.now() - started) / 1000;
await agent.close();
process.stdout.write(JSON.stringify({ sent, failed, seconds, acked }) + '\n');
