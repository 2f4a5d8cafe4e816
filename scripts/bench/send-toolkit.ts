// Throughput of the send toolkit's hot paths, each beside a baseline measured in the same run:
// merge-field resolution for bulk rows (vs. a bare replaceAll), CSV rows (vs. split), signing (vs. raw HMAC),
// verification (vs. signing), cURL parsing. Prints figures and ratios; asserts nothing.
import { createHmac } from 'node:crypto';
import { parseCurl, toCurl } from '../../electron/shared/send/curl';
import { recordsFromFile, resolveTemplate } from '../../electron/shared/send/merge-fields';
import { signRequest } from '../../electron/engine/signing/sign';
import { verifySignature } from '../../electron/engine/signing/verify';

function rate(label: string, count: number, fn: () => void): number {
  fn(); // warm-up
  const start = performance.now();
  for (let i = 0; i < count; i++) fn();
  const perSecond = count / ((performance.now() - start) / 1000);
  console.log(`${label.padEnd(48)} ${Math.round(perSecond).toLocaleString().padStart(12)} /s`);
  return perSecond;
}

const rows = 10_000;
const csv = [
  'First Name,Last Name,Email,Contact ID',
  ...Array.from({ length: rows }, (_, i) => `Name${i},Last${i},user${i}@example.com,${i}`),
].join('\n');
const template =
  'firstname=[First Name]&lastname=[Last Name]&email=[Email]&contact_id=[Contact ID]&note={{note}}';
const { rows: records } = recordsFromFile(csv, 'csv');

console.log(`send toolkit bench (${rows.toLocaleString()} CSV rows, Node ${process.version})\n`);
const parse = rate('recordsFromFile: 10k-row CSV files', 20, () => recordsFromFile(csv, 'csv'));
const split = rate('baseline: split the same CSV on , and \\n', 20, () =>
  csv.split('\n').map((l) => l.split(',')),
);
console.log(`  → papaparse with headers costs ${(split / parse).toFixed(1)}× a bare split\n`);

let r = 0;
const resolve = rate('resolveTemplate (form-escaped) per row', 200_000, () => {
  resolveTemplate(template, records[r++ % rows] ?? {}, { note: 'hi' }, { escape: 'form' });
});
r = 0;
const naive = rate('baseline: replaceAll per field per row', 200_000, () => {
  const row = records[r++ % rows] ?? {};
  let out = template;
  for (const [k, v] of Object.entries(row)) out = out.replaceAll(`[${k}]`, encodeURIComponent(v));
  out.replaceAll('{{note}}', 'hi');
});
console.log(
  `  → resolveTemplate is ${(naive / resolve).toFixed(1)}× slower than naive replace (it also finds, escapes and reports)\n`,
);

const body = new TextEncoder().encode(
  JSON.stringify({ type: 'contact.created', data: records.slice(0, 20) }),
);
const config = { scheme: 'standard-webhooks' as const, secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' };
const signs = rate(`signRequest standard-webhooks (${body.length} B body)`, 50_000, () =>
  signRequest(config, { body, id: 'msg_1', timestampSec: 1 }),
);
const key = Buffer.from('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'base64');
const raw = rate('baseline: createHmac sha256 over the same bytes', 50_000, () =>
  createHmac('sha256', key).update('msg_1.1.').update(body).digest('base64'),
);
console.log(`  → signing overhead over a raw HMAC: ${(raw / signs).toFixed(2)}×`);
const signed = signRequest(config, { body, id: 'msg_1', timestampSec: 1 });
const verifies = rate('verifySignature (valid)', 50_000, () =>
  verifySignature({ ...config, toleranceSeconds: 300 }, signed.headers, body, 1),
);
console.log(`  → verify costs ${(signs / verifies).toFixed(2)}× a sign\n`);

const command = toCurl({
  method: 'POST',
  url: 'https://example.com/hook?a=1',
  headers: [
    ['Content-Type', 'application/json'],
    ['X-Api-Key', 'k'],
  ],
  body: new TextDecoder().decode(body),
});
rate(`parseCurl (${command.length} B command)`, 20_000, () => parseCurl(command));
