import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync } from 'node:fs';
import type { CaptureDetail } from '../../../electron/shared/contract/index';
import { rawExchange, send } from '../../helpers/raw-http';
import { startApp, type TestApp } from '../../helpers/app-server';
import { parseCurl } from '../../../electron/shared/send/curl';

const execFileAsync = promisify(execFile);

let app: TestApp;
let ids: number[] = [];

// Values that must never leave in a shared export: one per kind of secret a webhook carries.
const secrets = {
  authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.SECRETJWT.sig-7f3a',
  basic: `Basic ${Buffer.from('ortto:SECRETBASICPASS').toString('base64')}`,
  cookie: 'session=SECRETCOOKIE123; theme=dark',
  apiKey: 'SECRETAPIKEY-ontraport-9c1d',
  appId: 'SECRETAPPID-2_123456',
  stripe: 't=1700000000,v1=SECRETSTRIPESIG5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd',
  github: 'sha256=SECRETGITHUBSIGe2d1b7d3a4b5c6d7e8f9',
  customToken: 'SECRETCUSTOMTOKEN-55',
  queryKey: 'SECRETQUERYKEY-abc',
};

beforeAll(async () => {
  app = await startApp({ serveUi: false });
  const requests: Array<{ path: string; headers: Array<[string, string]> }> = [
    {
      path: '/h/export/1',
      headers: [
        ['Authorization', secrets.authorization],
        ['Cookie', secrets.cookie],
      ],
    },
    {
      path: '/h/export/2',
      headers: [
        ['authorization', secrets.basic],
        ['Api-Key', secrets.apiKey],
        ['Api-Appid', secrets.appId],
      ],
    },
    {
      path: '/h/export/3',
      headers: [
        ['Stripe-Signature', secrets.stripe],
        ['X-Hub-Signature-256', secrets.github],
      ],
    },
    {
      path: `/h/export/4?page=1&api_key=${secrets.queryKey}`,
      headers: [['X-Customer-Token', secrets.customToken]],
    },
  ];
  ids = [];
  for (const r of requests) {
    const res = await send(`${app.receiverUrl}${r.path}`, {
      method: 'POST',
      headers: [...r.headers, ['Content-Type', 'application/json'], ['X-Visible', 'keep-me']],
      body: '{"event":"contact.created"}',
    });
    expect(res.status).toBe(200);
    ids.push(Number(res.headers['x-hookscope-capture-id']));
  }
});
afterAll(async () => app.close());

const formats = ['har', 'jsonl', 'json', 'curl'] as const;
/** The recognisable core of a secret: the piece containing SECRET, or the whole base64 credential. */
const probe = (value: string) =>
  value.split(/[\s;=,]+/).find((p) => p.includes('SECRET')) ?? value.split(' ').pop()!;

describe('exports over the browser-mode API', () => {
  it.each(formats)('%s export redacts every secret by default and keeps the rest', async (format) => {
    const res = await app.rpc<{ content: string; count: number }>('captures.export', { format, ids });
    if (!res.ok) throw new Error(res.error.message);
    expect(res.value.count).toBe(ids.length);
    for (const [kind, value] of Object.entries(secrets)) {
      expect(res.value.content, `${kind} leaked in ${format}`).not.toContain(value);
      expect(res.value.content, `part of ${kind} leaked in ${format}`).not.toContain(probe(value));
    }
    expect(res.value.content).toContain('keep-me');
    expect(res.value.content).toMatch(/\[redacted\]|%5Bredacted%5D/);
  });

  it.each(formats)(
    "%s export keeps every secret with redact=false (for the user's own use)",
    async (format) => {
      const res = await app.rpc<{ content: string }>('captures.export', { format, ids, redact: false });
      if (!res.ok) throw new Error(res.error.message);
      for (const value of Object.values(secrets)) expect(res.value.content).toContain(probe(value));
    },
  );

  it('the capture itself keeps the secrets (redaction is for sharing, not storage)', async () => {
    const res = await app.rpc<{ headers: Array<[string, string]> }>('captures.get', { id: ids[0] });
    if (!res.ok) throw new Error(res.error.message);
    expect(res.value.headers).toContainEqual(['Authorization', secrets.authorization]);
  });
});

// Ontraport's "Send a Webhook" post data: the API key and app id travel in a form body (seeds/002).
const ontraportForm =
  'Api-Appid=1_111111_111111111&Api-Key=22222222222222&id=0&data=Note&contact_id=[Contact ID]';
const ontraportRedacted =
  'Api-Appid=%5Bredacted%5D&Api-Key=%5Bredacted%5D&id=0&data=Note&contact_id=[Contact ID]';
// Secrets at several depths, and a number JSON.parse would round (the rest must stay byte for byte).
const jsonBody =
  '{"event":"contact.created","data":{"contact":{"api_key":"SECRETJSONKEY-1","password":"SECRETJSONPW-2",' +
  '"note":"json-visible"}},\n  "items": [ {"token": {"value":"SECRETJSONTOK-3"}}, {"n": 12345678901234567890} ],' +
  '"Api-Key":"SECRETJSONAPIKEY-4","secret":null}';
const jsonRedacted =
  '{"event":"contact.created","data":{"contact":{"api_key":"[redacted]","password":"[redacted]",' +
  '"note":"json-visible"}},\n  "items": [ {"token": "[redacted]"}, {"n": 12345678901234567890} ],' +
  '"Api-Key":"[redacted]","secret":null}';
const multipartBody = [
  '--XyZ',
  'Content-Disposition: form-data; name="client_secret"',
  '',
  'SECRETMULTIPART-5',
  '--XyZ',
  'Content-Disposition: form-data; name="note"',
  '',
  'multipart-visible',
  '--XyZ--',
  '',
].join('\r\n');
const bodySecrets = [
  '22222222222222',
  '1_111111_111111111',
  'SECRETJSONKEY-1',
  'SECRETJSONPW-2',
  'SECRETJSONTOK-3',
  'SECRETJSONAPIKEY-4',
  'SECRETMULTIPART-5',
  'SECRETRESPCOOKIE-6',
  'SECRETRESPBODY-7',
];

interface HarEntryOut {
  request: {
    headers: Array<{ name: string; value: string }>;
    postData?: { mimeType: string; text: string };
    bodySize: number;
  };
  response: { headers: Array<{ name: string; value: string }> };
}
interface JsonCapture {
  id: number;
  headers: Array<[string, string]>;
  bodyBase64: string;
  bodySizeBytes: number;
  storedBodyBytes: number;
  response: { headers: Array<[string, string]>; bodyBase64: string } | null;
}

describe('exports redact secrets in bodies and responses', () => {
  const bodyIds: Record<'form' | 'json' | 'multipart', number> = { form: 0, json: 0, multipart: 0 };
  const bodies = {
    form: ['application/x-www-form-urlencoded', ontraportForm, ontraportRedacted],
    json: ['application/json', jsonBody, jsonRedacted],
    multipart: [
      'multipart/form-data; boundary=XyZ',
      multipartBody,
      multipartBody.replace('SECRETMULTIPART-5', '[redacted]'),
    ],
  } as const;

  beforeAll(async () => {
    const created = await app.rpc('endpoints.create', {
      slug: 'export-bodies',
      name: 'Export bodies',
      rule: {
        status: 200,
        headers: [
          ['Set-Cookie', 'sid=SECRETRESPCOOKIE-6; HttpOnly'],
          ['X-Resp', 'resp-visible'],
          ['Content-Type', 'application/json'],
        ],
        body: '{"ok":"resp-body-visible","access_token":"SECRETRESPBODY-7"}',
        delayMs: 0,
        behaviour: { kind: 'fixed' },
      },
    });
    if (!created.ok) throw new Error(created.error.message);
    for (const kind of ['form', 'json', 'multipart'] as const) {
      const [type, body] = bodies[kind];
      const res = await send(`${app.receiverUrl}/h/export-bodies/${kind}`, {
        method: 'POST',
        headers: [
          ['Content-Type', type],
          ['Content-Length', String(Buffer.byteLength(body))],
        ],
        body,
      });
      expect(res.status).toBe(200);
      bodyIds[kind] = Number(res.headers['x-hookscope-capture-id']);
    }
  });

  const exportOf = async (format: (typeof formats)[number], redact: boolean) => {
    const res = await app.rpc<{ content: string }>('captures.export', {
      format,
      ids: Object.values(bodyIds),
      redact,
    });
    if (!res.ok) throw new Error(res.error.message);
    return res.value.content;
  };
  /** The export as a reader sees it: JSON and JSONL carry bodies as base64, so their decoded text is added. */
  const readable = async (format: (typeof formats)[number], redact: boolean) => {
    const content = await exportOf(format, redact);
    if (format === 'har' || format === 'curl') return content;
    const list =
      format === 'json'
        ? (JSON.parse(content) as JsonCapture[])
        : content
            .trim()
            .split('\n')
            .map((l) => JSON.parse(l) as JsonCapture);
    const text = (base64: string | undefined) => Buffer.from(base64 ?? '', 'base64').toString('utf8');
    return [content, ...list.flatMap((c) => [text(c.bodyBase64), text(c.response?.bodyBase64)])].join('\n');
  };

  it.each(formats)(
    '%s: body fields, response headers and response body fields are redacted, the rest kept',
    async (format) => {
      const content = await readable(format, true);
      for (const secret of bodySecrets)
        expect(content, `${secret} leaked in ${format}`).not.toContain(secret);
      for (const visible of ['data=Note', 'json-visible', '12345678901234567890', 'multipart-visible'])
        expect(content).toContain(visible);
      if (format !== 'curl') expect(content).toContain('resp-visible');
      if (format !== 'curl') expect(content).toContain('resp-body-visible');
      const kept = await readable(format, false);
      // (A cURL script has no response in it.)
      for (const secret of bodySecrets.filter((s) => format !== 'curl' || !s.includes('RESP')))
        expect(kept, `${secret} missing from ${format} with redact=false`).toContain(secret);
    },
  );

  it('HAR: postData, bodySize and Content-Length describe the redacted body', async () => {
    const entries = (JSON.parse(await exportOf('har', true)) as { log: { entries: HarEntryOut[] } }).log
      .entries;
    for (const [i, kind] of (['form', 'json', 'multipart'] as const).entries()) {
      const [, , redacted] = bodies[kind];
      const { request, response } = entries[i]!;
      expect(request.postData?.text).toBe(redacted);
      expect(request.bodySize).toBe(Buffer.byteLength(redacted));
      expect(request.headers.find((h) => h.name === 'Content-Length')?.value).toBe(
        String(Buffer.byteLength(redacted)),
      );
      expect(response.headers).toContainEqual({ name: 'Set-Cookie', value: '[redacted]' });
      expect(response.headers).toContainEqual({ name: 'X-Resp', value: 'resp-visible' });
    }
  });

  it.each(['jsonl', 'json'] as const)(
    '%s: body, sizes and Content-Length describe the redacted body',
    async (format) => {
      const content = await exportOf(format, true);
      const list =
        format === 'json'
          ? (JSON.parse(content) as JsonCapture[])
          : content
              .trim()
              .split('\n')
              .map((l) => JSON.parse(l) as JsonCapture);
      for (const [i, kind] of (['form', 'json', 'multipart'] as const).entries()) {
        const [, , redacted] = bodies[kind];
        const c = list[i]!;
        expect(Buffer.from(c.bodyBase64, 'base64').toString('utf8')).toBe(redacted);
        expect([c.bodySizeBytes, c.storedBodyBytes]).toEqual([
          Buffer.byteLength(redacted),
          Buffer.byteLength(redacted),
        ]);
        expect(c.headers).toContainEqual(['Content-Length', String(Buffer.byteLength(redacted))]);
        expect(c.response?.headers).toContainEqual(['Set-Cookie', '[redacted]']);
      }
    },
  );

  it('cURL: --data-raw carries the redacted body', async () => {
    const scripts = (await exportOf('curl', true)).split('\n\n');
    expect(parseCurl(scripts[0]!.replace('#!/bin/sh\n', '')).body).toBe(ontraportRedacted);
    expect(parseCurl(scripts[1]!).body).toBe(jsonRedacted);
  });

  it('redact=false exports every body byte for byte, with the sizes as received', async () => {
    const list = (await exportOf('jsonl', false))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as JsonCapture);
    for (const [i, kind] of (['form', 'json', 'multipart'] as const).entries()) {
      const [, body] = bodies[kind];
      expect(Buffer.from(list[i]!.bodyBase64, 'base64').toString('utf8')).toBe(body);
      expect(list[i]!.bodySizeBytes).toBe(Buffer.byteLength(body));
      expect(list[i]!.response?.headers).toContainEqual(['Set-Cookie', 'sid=SECRETRESPCOOKIE-6; HttpOnly']);
    }
    const har = (JSON.parse(await exportOf('har', false)) as { log: { entries: HarEntryOut[] } }).log.entries;
    expect(har[0]!.request.postData?.text).toBe(ontraportForm);
    expect(parseCurl((await exportOf('curl', false)).split('\n\n')[0]!.replace('#!/bin/sh\n', '')).body).toBe(
      ontraportForm,
    );
  });
});

describe('a cURL export, run, re-sends the capture byte for byte', () => {
  const curlBin = '/usr/bin/curl';

  it('same header list, same header bytes (UTF-8 and not), none of curl’s own, same body', async () => {
    if (!existsSync(curlBin)) return void console.warn('curl not available: skipped');
    const port = Number(new URL(app.receiverUrl).port);
    const body = 'a=1&b=two words';
    // Raw bytes on the wire: "café" as UTF-8, "café" as Latin-1 (not UTF-8), no User-Agent, Accept or Content-Type.
    const head = Buffer.concat([
      Buffer.from(`POST /h/curl-exact/x?q=1 HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`),
      Buffer.from("X-Utf8: caf\xc3\xa9\r\nX-Latin1: caf\xe9 \\ it's\r\nX-Plain: plain\r\n", 'latin1'),
      Buffer.from(`Content-Length: ${body.length}\r\n\r\n${body}`),
    ]);
    expect(await rawExchange(port, head, 1000)).toMatch(/^HTTP\/1\.1 200/);
    const list = async () =>
      (await app.rpc<{ items: Array<{ id: number }> }>('captures.list', { limit: 1 })) as {
        ok: true;
        value: { items: Array<{ id: number }> };
      };
    const originalId = (await list()).value.items[0]!.id;
    const get = async (id: number) => {
      const res = await app.rpc<CaptureDetail>('captures.get', { id });
      if (!res.ok) throw new Error(res.error.message);
      return res.value;
    };
    const original = await get(originalId);
    expect(original.headers).toContainEqual(['X-Utf8', 'caf\xc3\xa9']);

    const res = await app.rpc<{ content: string }>('captures.export', {
      format: 'curl',
      ids: [originalId],
      redact: false,
    });
    if (!res.ok) throw new Error(res.error.message);
    const script = res.value.content;
    // X-Latin1 needs bash's $'…' (dash, /bin/sh on Debian, does not read it).
    expect(script.startsWith('#!/usr/bin/env bash\n')).toBe(true);
    // Asynchronously: the receiver answering curl runs in this process.
    const run = await execFileAsync(script.startsWith('#!/bin/sh') ? 'sh' : 'bash', ['-c', script], {
      encoding: 'utf8',
      timeout: 10_000,
      env: { PATH: '/usr/bin:/bin' },
    });
    expect(run.stdout).toBe('{"ok":true}');
    const replayedId = (await list()).value.items[0]!.id;
    expect(replayedId).toBeGreaterThan(originalId);
    const replayed = await get(replayedId);
    expect(replayed.headers).toEqual(original.headers);
    expect(replayed.bodyBase64).toBe(original.bodyBase64);
    expect([replayed.method, replayed.path, replayed.query]).toEqual(['POST', '/h/curl-exact/x', 'q=1']);
    // And the command reads back as the same request.
    const command = script.split('\n').find((l) => l.startsWith('curl'))!;
    expect(parseCurl(command).headers).toEqual(
      original.headers.filter(([n]) => !['host', 'content-length'].includes(n.toLowerCase())),
    );
  });
});

describe('redacting a compressed body', () => {
  it('redacts inside the decoded body and compresses it again; neither the bytes nor the decoded view leak', async () => {
    const plain = '{"api_key":"SECRETGZIPKEY-77","visible":"gzip-visible"}';
    const res = await send(`${app.receiverUrl}/h/export-gzip`, {
      method: 'POST',
      headers: [
        ['Content-Type', 'application/json'],
        ['Content-Encoding', 'gzip'],
      ],
      body: gzipSync(plain),
    });
    const id = Number(res.headers['x-hookscope-capture-id']);
    const exported = async (redact: boolean) => {
      const out = await app.rpc<{ content: string }>('captures.export', {
        format: 'json',
        ids: [id],
        redact,
      });
      if (!out.ok) throw new Error(out.error.message);
      return (JSON.parse(out.value.content) as CaptureDetail[])[0]!;
    };
    const shared = await exported(true);
    const sent = gunzipSync(Buffer.from(shared.bodyBase64, 'base64')).toString();
    expect(sent).not.toContain('SECRETGZIPKEY');
    expect(JSON.parse(sent)).toMatchObject({ visible: 'gzip-visible' });
    expect(Buffer.from(shared.decodedBodyBase64!, 'base64').toString()).toBe(sent);
    expect(shared.storedBodyBytes).toBe(Buffer.from(shared.bodyBase64, 'base64').length);
    for (const format of ['har', 'jsonl', 'curl'] as const) {
      const out = await app.rpc<{ content: string }>('captures.export', { format, ids: [id] });
      if (!out.ok) throw new Error(out.error.message);
      const base64s = out.value.content.match(/[A-Za-z0-9+/]{20,}={0,2}/g) ?? [];
      const decoded = base64s.map((b) => Buffer.from(b, 'base64'));
      const texts = decoded.map((b) =>
        b[0] === 0x1f && b[1] === 0x8b ? gunzipSync(b).toString() : b.toString(),
      );
      expect([out.value.content, ...texts].join('\n'), format).not.toContain('SECRETGZIPKEY');
    }
    const own = await exported(false);
    expect(gunzipSync(Buffer.from(own.bodyBase64, 'base64')).toString()).toBe(plain);
  });
});
