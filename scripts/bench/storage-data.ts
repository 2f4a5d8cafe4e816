// Realistic ~1 KB webhook captures for the storage bench: Ortto activity/journey JSON, Ontraport form posts (from the
// reference samples' shape), and generic JSON events, with varied ids, names and words.
import type { HeaderPair } from '../../electron/shared/contract/index';
import type { NewCapture } from '../../electron/engine/store/capture-writer';

const first = [
  'alex',
  'sam',
  'kim',
  'jo',
  'lee',
  'max',
  'ana',
  'noor',
  'ravi',
  'mia',
  'tom',
  'eli',
  'yuki',
  'ola',
];
const last = ['kodjo', 'smith', 'nguyen', 'garcia', 'müller', 'rossi', 'tanaka', 'okafor', 'silva', 'novak'];
const words = [
  'trial',
  'onboarding',
  'renewal',
  'invoice',
  'welcome',
  'webinar',
  'spring',
  'promo',
  'survey',
  'upgrade',
  'churn',
  'winback',
  'newsletter',
  'launch',
  'pricing',
  'beta',
];
const activities = ['act::s-all', 'act::o-eml', 'act::c-eml', 'act::u-all', 'act::s-sms', 'act::v-pge'];

/** Deterministic PRNG so every run stores the same data. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hex = (r: () => number, n: number) =>
  Array.from({ length: n }, () => Math.floor(r() * 16).toString(16)).join('');
const pick = <T>(r: () => number, xs: T[]) => xs[Math.floor(r() * xs.length)]!;

function pad(text: string, target: number, r: () => number): string {
  let out = '';
  while (text.length + out.length < target) out += pick(r, words) + ' ';
  return out.trim();
}

export interface Generated {
  capture: NewCapture;
  kind: 'ortto' | 'ontraport' | 'generic';
}

/** Row `i`: every 100,000th carries the rare token `quokkarare`; almost every row contains `example` (emails). */
export function generateCapture(
  i: number,
  r: () => number,
  endpointFor: (path: string) => number,
  nowMs: number,
): Generated {
  const who = `${pick(r, first)}.${pick(r, last)}${i % 997}@example.com`;
  const rare = i % 100_000 === 7 ? ' quokkarare' : '';
  const roll = r();
  let kind: Generated['kind'];
  let path: string;
  let body: string;
  let contentType: string;
  const headers: HeaderPair[] = [
    ['Host', '127.0.0.1:8787'],
    ['Accept-Encoding', 'gzip'],
  ];
  if (roll < 0.45) {
    kind = 'ortto';
    path = '/h/ortto/activity';
    contentType = 'application/json';
    const base = {
      activity: {
        id: hex(r, 24),
        field_id: pick(r, activities),
        created: new Date(nowMs - i * 1000).toISOString(),
        attr: { 'str::is': 'API', 'str::s-ctx': `Subscribed via ${pick(r, words)}${rare}` },
      },
      contact: {
        contact_id: hex(r, 24),
        email: who,
        'str::first': pick(r, first),
        'str::last': pick(r, last),
        'geo::city': { name: 'Sydney' },
      },
      campaign_name: `${pick(r, words)} ${pick(r, words)}`,
      id: hex(r, 24),
      time: new Date(nowMs - i * 1000).toISOString(),
      webhook_id: hex(r, 24),
      notes: '',
    };
    base.notes = pad(JSON.stringify(base), 1000, r);
    body = JSON.stringify(base);
    headers.push(['User-Agent', 'Ortto-Webhook/1.0'], ['Content-Type', 'application/json']);
  } else if (roll < 0.8) {
    kind = 'ontraport';
    path = '/h/ontraport/tag';
    contentType = 'application/x-www-form-urlencoded';
    const fields: Array<[string, string]> = [
      ['webhook_id', String(3 + (i % 5))],
      ['object_type_id', '0'],
      ['event[type]', pick(r, ['sub_tag', 'unsub_tag', 'object_create', 'object_submits_form'])],
      ['event[tag_id]', String(1 + Math.floor(r() * 40))],
      ['data[id]', String(i)],
      ['data[firstname]', pick(r, first)],
      ['data[lastname]', pick(r, last)],
      ['data[email]', who],
      ['data[city]', pick(r, ['Sydney', 'Austin', 'Berlin', 'Lagos', 'Osaka'])],
      ['data[company]', `${pick(r, words)} co${rare}`],
      ['data[date]', String(Math.floor(nowMs / 1000) - i)],
      ['data[contact_cat]', `*/*${1 + (i % 9)}*/*`],
      ['data[notes]', ''],
    ];
    const encoded = () =>
      fields.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
    fields[fields.length - 1]![1] = pad(encoded(), 950, r);
    body = encoded();
    headers.push(['User-Agent', 'Ontraport'], ['Content-Type', 'application/x-www-form-urlencoded']);
  } else {
    kind = 'generic';
    path = `/h/generic/${pick(r, ['orders', 'billing', 'crm'])}`;
    contentType = 'application/json';
    const base = {
      id: `evt_${hex(r, 24)}`,
      type: pick(r, ['invoice.paid', 'customer.updated', 'order.created', 'charge.refunded']),
      created: Math.floor(nowMs / 1000) - i,
      data: {
        object: {
          id: `cus_${hex(r, 14)}`,
          email: who,
          name: `${pick(r, first)} ${pick(r, last)}`,
          amount: Math.floor(r() * 100000),
          currency: 'usd',
          description: `${pick(r, words)}${rare}`,
        },
      },
      livemode: false,
      note: '',
    };
    base.note = pad(JSON.stringify(base), 1000, r);
    body = JSON.stringify(base);
    headers.push(
      ['User-Agent', 'Stripe/1.0 (+https://stripe.com/docs/webhooks)'],
      ['Content-Type', 'application/json; charset=utf-8'],
      ['Stripe-Signature', `t=${nowMs},v1=${hex(r, 64)}`],
    );
  }
  const bytes = Buffer.from(body);
  headers.push(['Content-Length', String(bytes.length)]);
  return {
    kind,
    capture: {
      receivedAtMs: nowMs - (1_000_000 - i) * 10,
      method: 'POST',
      path,
      query: '',
      httpVersion: '1.1',
      headers,
      remoteAddress: '127.0.0.1',
      remotePort: 40000 + (i % 20000),
      contentType,
      contentEncoding: null,
      body: bytes,
      bodySizeBytes: bytes.length,
      truncated: false,
      endpointId: endpointFor(path),
      source: 'receiver',
      publicUrl: null,
      vendor: kind === 'ortto' ? 'Ortto' : kind === 'ontraport' ? 'Ontraport' : null,
      eventLabel: null,
      response: {
        status: 200,
        headers: [['content-type', 'application/json']],
        bodyBase64: 'eyJvayI6dHJ1ZX0=',
        delayMs: 0,
        reason: null,
      },
      verification: null,
    },
  };
}
