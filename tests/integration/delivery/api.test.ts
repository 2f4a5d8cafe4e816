import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { rawExchange } from '../../helpers/raw-http';
import { cueServer, until, useApiHarness } from './helpers';

const api = useApiHarness();
const call = api.call;

const send = (request: Record<string, unknown>) =>
  call('deliveries.send', {
    request: { method: 'POST', url: api.server.url, headers: [], bodyBase64: '', ...request },
    type: 'manual',
  });

/** A raw TCP server that keeps each request's first line as sent (Node's HTTP server would refuse or normalise some). */
async function requestLineServer() {
  const lines: string[] = [];
  const raw = createServer((socket) =>
    socket.once('data', (d: Buffer) => {
      lines.push(d.toString('latin1').split('\r\n')[0]!);
      socket.end('HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    }),
  );
  await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
  return { raw, lines };
}

describe('bad input names the field, and nothing is queued', () => {
  it.each([
    [{ url: 'not a url' }, /request\.url: invalid URL "not a url"/],
    [{ url: 'ftp://example.com/x' }, /request\.url: unsupported scheme "ftp"/],
    [{ headers: [['Bad Header', 'x']] }, /request\.headers\.0\.0: malformed header name "Bad Header"/],
    [
      { headers: [['X-Ok', 'a\r\nInjected: 1']] },
      /request\.headers\.0\.1: header "X-Ok" value contains a line break/,
    ],
    [{ method: 'GET POST' }, /request\.method: malformed method/],
    [{ bodyBase64: '%%%' }, /request\.bodyBase64: not base64/],
    // A body under a name the request does not take would be dropped, and an empty body sent as if it had worked.
    [
      { body: '{"event":"paid"}' },
      /request\.body: not an input of deliveries\.send \(it takes method, url, headers, bodyBase64\)/,
    ],
  ])('%j', async (request, message) => {
    const before = ((await call('deliveries.list', {})).value as { items: unknown[] }).items.length;
    const result = await send(request);
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('invalid_input');
    expect(result.error?.message).toMatch(message);
    expect(((await call('deliveries.list', {})).value as { items: unknown[] }).items.length).toBe(before);
  });
});

describe('settings a delivery would drop or could not use are refused, naming the field', () => {
  const queued = async () => ((await call('deliveries.list', {})).value as { items: unknown[] }).items.length;
  const request = () => ({ method: 'POST', url: api.server.url, headers: [], bodyBase64: '' });

  it.each([
    [
      { policy: 'ortto', customWaitsMs: [100] },
      /customWaitsMs: only used with policy "custom" \(the policy is "ortto"\)/,
    ],
    [{ customWaitsMs: [100] }, /customWaitsMs: only used with policy "custom" \(the policy is "none"\)/],
    [{ policy: 'none', ontraport: { retries: 5 } }, /ontraport: only used with policy "ontraport"/],
    [{ policy: 'custom' }, /customWaitsMs: required with policy "custom"/],
    [
      { policy: 'ontraport', ontraport: { requestsPerMinute: 10 }, ratePerMinute: 600 },
      /ontraport\.requestsPerMinute: .*ratePerMinute/,
    ],
    [{ webhookId: 99999 }, /webhookId: no saved webhook 99999/],
  ])('deliveries.send %j', async (options, message) => {
    const before = await queued();
    const result = await call('deliveries.send', { request: request(), type: 'manual', ...options });
    expect(result.ok).toBe(false);
    expect(result.error?.message).toMatch(message);
    expect(await queued()).toBe(before);
  });

  it('deliveries.send still takes each policy with its own settings', async () => {
    const custom = await call('deliveries.send', {
      request: request(),
      type: 'manual',
      policy: 'custom',
      customWaitsMs: [100],
    });
    expect(custom.ok).toBe(true);
    const ontraport = await call('deliveries.send', {
      request: request(),
      type: 'manual',
      policy: 'ontraport',
      ontraport: { retries: 1 },
      ratePerMinute: 600,
    });
    expect(ontraport.ok).toBe(true);
  });

  it.each([
    [{ headers: [['Bad Name', 'x']] }, /headers\.0\.0: malformed header name "Bad Name"/],
    [{ headers: [['X-Ok', 'x\r\ny']] }, /headers\.0\.1: .*line break/],
    [{ options: { customWaitsMs: 'abc' } }, /options\.customWaitsMs/],
    [{ options: { signing: { scheme: 'md5' } } }, /options\.signing\.scheme/],
    [{ options: { timeScale: -5 } }, /options\.timeScale/],
    [{ options: { colour: 'red' } }, /options\.colour: not an input of webhooks\.save \(it takes /],
    [{ policy: 'ortto', options: { customWaitsMs: [1] } }, /customWaitsMs: only used with policy "custom"/],
    [{ policy: 'custom', options: {} }, /customWaitsMs: required with policy "custom"/],
  ])('webhooks.save %j', async (fields, message) => {
    const before = ((await call('webhooks.list', {})).value as { items: unknown[] }).items.length;
    const result = await call('webhooks.save', { name: 'W', method: 'POST', url: '[Base]/hook', ...fields });
    expect(result.ok).toBe(false);
    expect(result.error?.message).toMatch(message);
    expect(((await call('webhooks.list', {})).value as { items: unknown[] }).items.length).toBe(before);
  });

  it('webhooks.save keeps templates in header values and valid options', async () => {
    const result = await call('webhooks.save', {
      name: 'W',
      method: 'POST',
      url: '[Base]/hook',
      headers: [
        ['Authorization', 'Bearer {{token}}'],
        ['X-Contact', '[First Name]'],
      ],
      policy: 'custom',
      options: { customWaitsMs: [1000, 5000], timeScale: 0.5 },
    });
    expect(result.ok).toBe(true);
    expect(result.value).toMatchObject({
      headers: [
        ['Authorization', 'Bearer {{token}}'],
        ['X-Contact', '[First Name]'],
      ],
      options: { customWaitsMs: [1000, 5000], timeScale: 0.5 },
    });
    // The harness is shared: leave no saved webhook behind for the export test below.
    await call('webhooks.delete', { id: (result.value as { id: number }).id });
  });
});

describe('credentials in the URL', () => {
  it('go out as Basic auth, as curl sends them, and never reach the log or its export', async () => {
    const target = new URL(api.server.url);
    const url = `http://alice:s%3Acret@${target.host}/creds`;
    const sent = (await send({ url })).value as { id: number; url: string };
    expect(sent.url).toBe(`${api.server.url}/creds`);
    for (let i = 0; i < 400 && !api.server.received.some((r) => r.url === '/creds'); i++)
      await new Promise((r) => setTimeout(r, 10));
    const got = api.server.received.find((r) => r.url === '/creds');
    expect(got?.headers.authorization).toBe(`Basic ${Buffer.from('alice:s:cret').toString('base64')}`);
    // The attempt is logged once the answer is in: wait for it before reading the log.
    for (let i = 0; i < 400; i++) {
      const d = (await call('deliveries.get', { id: sent.id })).value as { state: string };
      if (d.state === 'succeeded') break;
      await new Promise((r) => setTimeout(r, 10));
    }
    for (const format of ['csv', 'json']) {
      const { content } = (await call('deliveries.exportLog', { format })).value as { content: string };
      expect(content).toContain(`${api.server.url}/creds`);
      expect(content).not.toMatch(/s%3Acret|s:cret|alice:/);
    }
  });
});

describe('saved webhooks, environments, emulate over the API (outputs checked against the contract)', () => {
  it('exports and re-imports webhooks with their collection; bad entries are named by index and field', async () => {
    const col = (await call('collections.save', { name: 'Ontraport' })).value as { id: number };
    await call('webhooks.save', {
      name: 'Note',
      method: 'POST',
      url: 'https://x.example/[Contact ID]',
      body: 'a=[First Name]',
      collectionId: col.id,
    });
    const out = (await call('webhooks.export', {})).value as { content: string; count: number };
    expect(out.count).toBe(1);
    const parsed = JSON.parse(out.content) as { webhooks: unknown[] };
    parsed.webhooks.push({ name: '', method: 'POST', url: 'x' });
    // Valid fields, but a retry setting its policy would drop: refused like a bad field, the rest still imported.
    parsed.webhooks.push({ name: 'Waits', method: 'POST', url: 'x', options: { customWaitsMs: [1000] } });
    const imported = (await call('webhooks.import', { content: JSON.stringify(parsed) })).value as {
      imported: number;
      errors: string[];
    };
    expect(imported.imported).toBe(1);
    expect(imported.errors).toEqual([
      expect.stringMatching(/^webhooks\[1\]\.name: /),
      'webhooks[2].options.customWaitsMs: only used with policy "custom" (the policy is "none")',
    ]);
    const list = (await call('webhooks.list', {})).value as {
      items: Array<{ name: string; collectionId: number | null }>;
    };
    expect(list.items.filter((w) => w.name === 'Note').map((w) => w.collectionId)).toEqual([col.id, col.id]);
    expect((await call('webhooks.import', { content: '{"nope":1}' })).error?.message).toMatch(
      /^content: not a Hookscope webhooks export/,
    );
  });

  it('imports a webhook from another version without the options it does not know, and names them', async () => {
    const content = JSON.stringify({
      format: 'hookscope-webhooks',
      version: 1,
      webhooks: [
        {
          name: 'From a newer build',
          method: 'POST',
          url: 'https://x.example/hook',
          options: { timeoutMs: 5000, futureOption: true, anotherOne: { a: 1 } },
        },
      ],
    });
    const imported = (await call('webhooks.import', { content })).value as {
      imported: number;
      errors: string[];
      ignored: string[];
    };
    expect(imported.errors).toEqual([]);
    expect(imported.imported).toBe(1);
    expect(imported.ignored).toEqual([
      'webhooks[0] "From a newer build": options.futureOption, options.anotherOne',
    ]);
    const list = (await call('webhooks.list', {})).value as {
      items: Array<{ name: string; options: Record<string, unknown> }>;
    };
    expect(list.items.find((w) => w.name === 'From a newer build')?.options).toEqual({ timeoutMs: 5000 });
  });

  it('the copy of a webhook with the longest name can be saved again', async () => {
    const saved = (
      await call('webhooks.save', { name: 'n'.repeat(200), method: 'POST', url: api.server.url })
    ).value as { id: number };
    const copy = (await call('webhooks.duplicate', { id: saved.id })).value as Record<string, unknown>;
    const { createdAtMs: _c, updatedAtMs: _u, ...fields } = copy;
    const again = await call('webhooks.save', fields);
    expect(again.error).toBeUndefined();
    expect((again.value as { name: string }).name).toBe(`${'n'.repeat(193)} (copy)`);
    await call('webhooks.delete', { id: saved.id });
    await call('webhooks.delete', { id: copy.id as number });
  });

  it("a deleted saved webhook's id is never given to the next one saved: its deliveries stay its own", async () => {
    const save = async (name: string) =>
      ((await call('webhooks.save', { name, method: 'POST', url: api.server.url })).value as { id: number })
        .id;
    const gone = await save('Gone');
    const sent = (
      await call('deliveries.send', {
        request: { method: 'POST', url: api.server.url, headers: [], bodyBase64: '' },
        type: 'manual',
        webhookId: gone,
      })
    ).value as { webhookId: number };
    expect(sent.webhookId).toBe(gone);
    await call('webhooks.delete', { id: gone });
    const next = await save('Next');
    expect(next).toBeGreaterThan(gone);
    await call('webhooks.delete', { id: next });
  });

  it('the active environment fills {{variables}} in bulk templates', async () => {
    const env = (
      await call('environments.save', { name: 'staging', variables: { base: api.server.url, token: 't-1' } })
    ).value as { id: number };
    await call('environments.activate', { id: env.id });
    const job = (
      await call('bulk.start', {
        template: {
          method: 'POST',
          url: '{{base}}/env/[id]',
          headers: [['Authorization', 'Bearer {{token}}']],
          body: 'id=[id]',
        },
        rows: { content: 'id\n7\n', format: 'csv' },
      })
    ).value as { jobId: number };
    for (let i = 0; i < 400 && !api.server.received.some((r) => r.url === '/env/7'); i++)
      await new Promise((r) => setTimeout(r, 10));
    const got = api.server.received.find((r) => r.url === '/env/7');
    expect(got?.headers.authorization).toBe('Bearer t-1');
    expect(job.jobId).toBeGreaterThan(0);
    expect((await call('environments.save', { name: 'staging', variables: {} })).error?.code).toBe(
      'conflict',
    );
    // Names are kept without surrounding spaces, so ' staging ' is the same name, not a second one that looks alike.
    expect((await call('environments.save', { name: ' staging ', variables: {} })).error?.code).toBe(
      'conflict',
    );
    expect((await call('environments.save', { name: '   ', variables: {} })).error?.message).toBe(
      'name: required (not only spaces)',
    );
    const badName = await call('environments.save', { name: 'other', variables: { 'a b': 'x' } });
    expect(badName.error?.message).toBe(
      'variables.a b: variable name "a b": use letters, digits, _ . - (starting with a letter or _)',
    );
    // `{{…}}` is read as a variable up to 64 characters: a longer name would go out as typed, never filled in.
    const long = 'v'.repeat(65);
    expect(
      (await call('environments.save', { name: 'long', variables: { [long]: 'x' } })).error?.message,
    ).toBe(
      `variables.${long}: variable name "${'v'.repeat(20)}…": at most 64 characters (a longer {{name}} is never filled in)`,
    );
    const longest = 'v'.repeat(64);
    expect((await call('environments.save', { name: 'longest', variables: { [longest]: 'x' } })).ok).toBe(
      true,
    );
  });

  it('a bulk row with a lone surrogate is sent (as U+FFFD in a form body and URL), not a crash', async () => {
    // `"\ud800"` in a JSON row is a lone UTF-16 surrogate, which percent-encoding used to throw on inside the engine.
    await call('bulk.start', {
      template: { method: 'POST', url: `${api.server.url}/lone/[name]`, body: 'name=[name]' },
      rows: { content: '[{"name":"a\\ud800"}]', format: 'json' },
    });
    const got = await until(() => api.server.received.find((r) => r.url.startsWith('/lone/')));
    expect(got.url).toBe('/lone/a%EF%BF%BD');
    expect(got.body.toString()).toBe('name=a%EF%BF%BD');
  });

  it('emulate.send refuses an option its kind does not use, and a tag id below 1, naming the field', async () => {
    const to = `${api.server.url}/unused`;
    const refused = async (input: Record<string, unknown>) =>
      (await call('emulate.send', { to, ...input })).error?.message;
    expect(await refused({ kind: 'ortto-activity', format: 'notify' })).toBe(
      'format: only for the Ontraport subscription kinds, not ortto-activity',
    );
    expect(await refused({ kind: 'ortto-journey', encoding: 'form' })).toBe(
      'encoding: only for the Ontraport kinds, not ortto-journey',
    );
    expect(await refused({ kind: 'ontraport-ping', format: 'lightweight' })).toBe(
      'format: only for the Ontraport subscription kinds, not ontraport-ping',
    );
    expect(await refused({ kind: 'ontraport-object_create', tagId: 4 })).toBe(
      'tagId: only for ontraport-sub_tag and ontraport-unsub_tag, not ontraport-object_create',
    );
    expect(await refused({ kind: 'ontraport-sub_tag', formId: 12 })).toBe(
      'formId: only for ontraport-object_submits_form, not ontraport-sub_tag',
    );
    expect(await refused({ kind: 'ontraport-sub_tag', tagId: -5 })).toMatch(/^tagId: /);
    expect(api.server.received.some((r) => r.url === '/unused')).toBe(false);
  });

  it('emulate.send delivers an Ontraport ping with the Ontraport policy', async () => {
    const result = await call('emulate.send', { kind: 'ontraport-ping', to: `${api.server.url}/ping` });
    expect(result.ok).toBe(true);
    expect(result.value).toMatchObject({ policy: 'ontraport', type: 'emulator' });
    for (let i = 0; i < 400 && !api.server.received.some((r) => r.url === '/ping'); i++)
      await new Promise((r) => setTimeout(r, 10));
    expect(api.server.received.find((r) => r.url === '/ping')?.body.toString()).toMatch(/firstname=/);
  });

  it('emulate.send fills the Ping URL merge fields Ontraport fills, as in a WP Fusion URL', async () => {
    const to = `${api.server.url}/wpf?wpf_action=add&access_key=k&contact_id=[Contact ID]&name=[First Name]&x=[Fax]`;
    const contact = { 'Contact ID': '42', 'First Name': 'Zoë & co' };
    const result = await call('emulate.send', { kind: 'ontraport-ping', to, contact });
    expect(result.ok).toBe(true);
    const sent = '/wpf?wpf_action=add&access_key=k&contact_id=42&name=Zo%C3%AB%20%26%20co&x=';
    expect(result.value).toMatchObject({ url: `${api.server.url}${sent}` });
    for (let i = 0; i < 400 && !api.server.received.some((r) => r.url.startsWith('/wpf')); i++)
      await new Promise((r) => setTimeout(r, 10));
    expect(api.server.received.find((r) => r.url.startsWith('/wpf'))?.url).toBe(sent);
  });

  it('emulate.send fills a merge field in the Ping URL host, as Ontraport does, and names `to` when it cannot', async () => {
    const port = new URL(api.server.url).port;
    const to = `http://[Site Host]:${port}/host-merge?id=[Contact ID]`;
    const result = await call('emulate.send', {
      kind: 'ontraport-ping',
      to,
      contact: { 'Site Host': '127.0.0.1', 'Contact ID': '42' },
    });
    expect(result.error).toBeUndefined();
    expect(result.value).toMatchObject({ url: `${api.server.url}/host-merge?id=42` });
    const got = await until(() => api.server.received.find((r) => r.url.startsWith('/host-merge')));
    expect(got.url).toBe('/host-merge?id=42');
    const blank = await call('emulate.send', { kind: 'ontraport-ping', to, contact: { 'Contact ID': '42' } });
    expect(blank.error?.message).toMatch(
      /^to: with the contact's merge fields filled, invalid URL "http:\/\/:/,
    );
    // Only Ontraport fills merge fields in the URL: another kind's bracketed host is refused as typed.
    const ortto = await call('emulate.send', { kind: 'ortto-test', to });
    expect(ortto.error?.message).toBe(`to: invalid URL "${to}"`);
  });
});

describe('clearing finished deliveries from the log', () => {
  const until = async (id: number, states: string[]) => {
    for (let i = 0; i < 200; i++) {
      const d = (await call('deliveries.get', { id })).value as { state: string };
      if (states.includes(d.state)) return d.state;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`delivery ${id} never reached ${states.join('/')}`);
  };
  /** A one-row bulk send to `path` on the cue server; resolves with its delivery once it succeeded. */
  const deliveredBulkRow = async (path: string) => {
    const bulk = (
      await call('bulk.start', {
        template: { method: 'POST', url: api.server.url + path, body: '{}' },
        rows: { content: '[{"n":1}]', format: 'json' },
      })
    ).value as { jobId: number };
    for (let i = 0; i < 200; i++) {
      const page = (await call('deliveries.list', { filter: { bulkJobId: bulk.jobId } })).value as {
        items: { id: number; bulkJobId: number | null }[];
      };
      if (page.items[0]) {
        // Only this job's one row: other deliveries (and other jobs' rows) are in the log too.
        expect(page.items).toEqual([expect.objectContaining({ bulkJobId: bulk.jobId })]);
        await until(page.items[0].id, ['succeeded']);
        return page.items[0];
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`bulk job ${bulk.jobId} never enqueued its row`);
  };

  it('deletes finished deliveries and their attempts, never open ones or a bulk send’s', async () => {
    const stalling = await cueServer(() => ({ stall: true }));
    try {
      const done = (await send({})).value as { id: number };
      await until(done.id, ['succeeded']);
      const cancelled = (await send({ url: stalling.url })).value as { id: number };
      await until(cancelled.id, ['in_flight']);
      await call('deliveries.cancel', { id: cancelled.id });
      const open = (await send({ url: stalling.url + '/open' })).value as { id: number };
      await until(open.id, ['in_flight']);
      const bulkDelivery = await deliveredBulkRow('/bulk');

      // Only those finished before a time: the cut-off comes before any of them finished.
      expect((await call('deliveries.clearFinished', { finishedBeforeMs: 1 })).value).toEqual({
        deleted: 0,
        keptSending: 0,
      });

      const attemptsOf = (id: number) =>
        (
          api.engine.ctx.db
            .prepare('SELECT COUNT(*) AS n FROM delivery_attempts WHERE delivery_id = ?')
            .get(id) as {
            n: number;
          }
        ).n;
      expect(attemptsOf(done.id)).toBeGreaterThan(0);
      const cleared = (await call('deliveries.clearFinished', {})).value as {
        deleted: number;
        keptSending: number;
      };
      expect(cleared.deleted).toBeGreaterThanOrEqual(1);
      // Cancelled while its attempt is still out: kept until that attempt's outcome is logged.
      expect(cleared.keptSending).toBe(1);

      expect((await call('deliveries.get', { id: done.id })).error?.code).toBe('not_found');
      expect(((await call('deliveries.get', { id: cancelled.id })).value as { state: string }).state).toBe(
        'cancelled',
      );
      expect(attemptsOf(done.id)).toBe(0);
      expect(((await call('deliveries.get', { id: open.id })).value as { state: string }).state).toBe(
        'in_flight',
      );
      expect(((await call('deliveries.get', { id: bulkDelivery.id })).value as { state: string }).state).toBe(
        'succeeded',
      );
      const log = (await call('deliveries.log', {})).value as { items: { deliveryId: number }[] };
      expect(log.items.map((r) => r.deliveryId)).not.toContain(done.id);
      expect((await call('deliveries.clearFinished', { finishedBeforeMs: 'soon' })).error?.message).toMatch(
        /finishedBeforeMs/,
      );
    } finally {
      await stalling.close();
    }
  });

  it('delivery-log retention deletes finished deliveries older than its age as soon as it is saved', async () => {
    const stalling = await cueServer(() => ({ stall: true }));
    try {
      const old = (await send({})).value as { id: number };
      await until(old.id, ['succeeded']);
      const open = (await send({ url: stalling.url + '/kept-open' })).value as { id: number };
      await until(open.id, ['in_flight']);
      await new Promise((r) => setTimeout(r, 2_100));
      const fresh = (await send({})).value as { id: number };
      await until(fresh.id, ['succeeded']);

      const refused = await call('settings.update', { deliveryRetention: { maxAgeMs: 10 } });
      expect(refused.error?.message).toMatch(/deliveryRetention\.maxAgeMs/);
      expect(((await call('deliveries.get', { id: old.id })).value as { state: string }).state).toBe(
        'succeeded',
      );

      await call('settings.update', { deliveryRetention: { maxAgeMs: 2_000 } });
      for (let i = 0; i < 100 && (await call('deliveries.get', { id: old.id })).ok; i++)
        await new Promise((r) => setTimeout(r, 20));
      expect((await call('deliveries.get', { id: old.id })).error?.code).toBe('not_found');
      expect(((await call('deliveries.get', { id: fresh.id })).value as { state: string }).state).toBe(
        'succeeded',
      );
      expect(((await call('deliveries.get', { id: open.id })).value as { state: string }).state).toBe(
        'in_flight',
      );
    } finally {
      await call('settings.update', { deliveryRetention: { maxAgeMs: null } });
      await stalling.close();
    }
  });

  it('delivery-log retention by count keeps the newest finished deliveries, never open ones or a bulk send’s', async () => {
    const stalling = await cueServer(() => ({ stall: true }));
    try {
      const finished: number[] = [];
      for (let i = 0; i < 4; i++) {
        const d = (await send({ url: `${api.server.url}/n${i}` })).value as { id: number };
        await until(d.id, ['succeeded']);
        finished.push(d.id);
      }
      const open = (await send({ url: stalling.url + '/count-open' })).value as { id: number };
      await until(open.id, ['in_flight']);
      const bulkDelivery = await deliveredBulkRow('/bulk-count');

      const refused = await call('settings.update', { deliveryRetention: { maxAgeMs: null, maxCount: 0 } });
      expect(refused.error?.message).toMatch(/deliveryRetention\.maxCount/);

      await call('settings.update', { deliveryRetention: { maxAgeMs: null, maxCount: 2 } });
      const gone = async (id: number) => !(await call('deliveries.get', { id })).ok;
      for (let i = 0; i < 100 && !(await gone(finished[1]!)); i++)
        await new Promise((r) => setTimeout(r, 20));
      expect(await gone(finished[0]!)).toBe(true);
      expect(await gone(finished[1]!)).toBe(true);
      expect(await gone(finished[2]!)).toBe(false);
      expect(await gone(finished[3]!)).toBe(false);
      expect(((await call('deliveries.get', { id: open.id })).value as { state: string }).state).toBe(
        'in_flight',
      );
      expect(((await call('deliveries.get', { id: bulkDelivery.id })).value as { state: string }).state).toBe(
        'succeeded',
      );
      expect(
        ((await call('settings.get', {})).value as { deliveryRetention: unknown }).deliveryRetention,
      ).toEqual({
        maxAgeMs: null,
        maxCount: 2,
      });
    } finally {
      await call('settings.update', { deliveryRetention: { maxAgeMs: null, maxCount: null } });
      await stalling.close();
    }
  });
});

describe('a destination URL pasted with spaces or a newline around it', () => {
  it('is stored and sent as the URL itself', async () => {
    const result = await send({ url: ` \n${api.server.url}/padded \n` });
    expect(result.ok).toBe(true);
    const { uid } = result.value as { uid: string };
    const listed = (await call('deliveries.list', {})).value as {
      items: Array<{ uid: string; url: string }>;
    };
    expect(listed.items.find((d) => d.uid === uid)?.url).toBe(`${api.server.url}/padded`);
  });
});

describe('a replayed capture', () => {
  it('goes to the path and query it was received on, as written: dot segments and quotes are not rewritten', async () => {
    const target = '/h/../raw/./%7Bid%7D/{id}?q=\'1\'&r="2"&s=<3>';
    const { port } = new URL(api.engine.receiverUrl);
    const answer = await rawExchange(
      Number(port),
      `POST ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1\r\nConnection: close\r\n\r\nx`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    const capture = await until(() =>
      api.engine.ctx.captures.list({ limit: 50 }).items.find((c) => c.path.startsWith('/h/../raw')),
    );
    const { raw, lines } = await requestLineServer();
    try {
      const base = `http://127.0.0.1:${(raw.address() as AddressInfo).port}`;
      const replay = await call('deliveries.replay', {
        captureId: capture.id,
        url: `${base}${capture.path}?${capture.query}`,
      });
      expect(replay.ok).toBe(true);
      expect(await until(() => lines[0])).toBe(`POST ${target} HTTP/1.1`);
    } finally {
      await new Promise<void>((resolve) => raw.close(() => resolve()));
    }
  });
});

describe('a method imported from a cURL command', () => {
  it('goes on the wire as typed, as curl sends it: `-X post` sends "post"', async () => {
    // Node's HTTP server refuses a lower-case method, so a raw socket reads the request line.
    const { raw, lines } = await requestLineServer();
    try {
      const url = `http://127.0.0.1:${(raw.address() as AddressInfo).port}/typed`;
      const parsed = (await call('send.parseCurl', { command: `curl -X post ${url} -d a=1` })).value as {
        method: string;
      };
      expect(parsed.method).toBe('post');
      const sent = await send({ method: parsed.method, url });
      expect((sent.value as { method: string }).method).toBe('post');
      expect(await until(() => lines[0])).toBe('post /typed HTTP/1.1');
    } finally {
      await new Promise<void>((resolve) => raw.close(() => resolve()));
    }
  });
});

describe('deliveries.exportLog', () => {
  it('says when more attempts match than one export holds (the oldest are left out)', async () => {
    for (const path of ['/exp-1', '/exp-2']) {
      const sent = (await send({ url: `${api.server.url}${path}` })).value as { id: number };
      await until(async () => {
        const d = (await call('deliveries.get', { id: sent.id })).value as { state: string };
        return d.state === 'succeeded' ? true : undefined;
      });
    }
    const filter = { text: '/exp-' };
    const cut = (await call('deliveries.exportLog', { format: 'json', filter, limit: 1 })).value as {
      count: number;
      truncated: boolean;
    };
    expect(cut).toMatchObject({ count: 1, truncated: true });
    const whole = (await call('deliveries.exportLog', { format: 'csv', filter, limit: 2 })).value as {
      count: number;
      truncated: boolean;
    };
    expect(whole).toMatchObject({ count: 2, truncated: false });
  });
});
