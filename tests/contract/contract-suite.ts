import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../electron/shared/contract/client';
import { ApiError } from '../../electron/shared/contract/errors';
import type { EventName, EventPayload } from '../../electron/shared/contract/index';

export interface ContractHarness {
  client: ApiClient;
  /** Resolves once events can be received (a socket is open). */
  ready?: () => Promise<void>;
  close(): Promise<void>;
}

function nextEvent<E extends EventName>(
  client: ApiClient,
  event: E,
  match: (p: EventPayload<E>) => boolean = () => true,
) {
  return new Promise<EventPayload<E>>((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no ${event} event within 5 s`));
    }, 5000);
    const off = client.on(event, (payload) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      off();
      resolve(payload);
    });
  });
}

async function expectApiError(promise: Promise<unknown>, code: string): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError).code).toBe(code);
  return error as ApiError;
}

/** One suite, every transport: in-process, HTTP+WebSocket, Electron IPC. */
export function runContractSuite(name: string, makeClient: () => Promise<ContractHarness>) {
  describe(`API contract over ${name}`, () => {
    let h: ContractHarness;
    let receiverUrl: string;
    beforeAll(async () => {
      h = await makeClient();
      receiverUrl = (await h.client.call('app.info', {})).receiverUrl;
    });
    afterAll(async () => h?.close());

    it('describes the app and its receiver', async () => {
      const info = await h.client.call('app.info', {});
      expect(info.name).toBe('Hookscope');
      expect(info.receiverUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    });

    it('refuses unknown methods with a stable code', async () => {
      await expectApiError(h.client.call('no.such.method' as 'app.info', {}), 'unknown_method');
    });

    it('refuses invalid input with a message naming the field', async () => {
      const error = await expectApiError(h.client.call('captures.list', { limit: 100_000 }), 'invalid_input');
      expect(error.message).toContain('limit');
      const bad = await expectApiError(
        h.client.call('settings.update', { bodyLimitBytes: -5 } as never),
        'invalid_input',
      );
      expect(bad.message).toContain('bodyLimitBytes');
    });

    it('refuses a filter listing more values than a query can hold, naming the list', async () => {
      const many = (n: number, value: (i: number) => string) => Array.from({ length: n }, (_, i) => value(i));
      const types = await expectApiError(
        h.client.call('captures.count', { filter: { contentTypes: many(1_100, (i) => `text/x-${i}`) } }),
        'invalid_input',
      );
      expect(types.message).toMatch(/^filter\.contentTypes: /);
      const methods = await expectApiError(
        h.client.call('captures.list', { filter: { methods: many(40_000, (i) => `M${i}`) }, limit: 5 }),
        'invalid_input',
      );
      expect(methods.message).toMatch(/^filter\.methods: /);
      const everyStatus = Array.from({ length: 500 }, (_, i) => 100 + i);
      expect(await h.client.call('captures.count', { filter: { statuses: everyStatus } })).toMatchObject({
        count: expect.any(Number),
      });
    });

    it('refuses a key the method does not take, naming it, instead of ignoring it', async () => {
      const error = await expectApiError(
        h.client.call('captures.list', { endpointId: 2, limit: 5 } as never),
        'invalid_input',
      );
      expect(error.message).toMatch(/^endpointId: not an input of captures\.list \(it takes filter, /);
      // The same words for a method whose schema is strict (it used to say `Unrecognized key: "retension"`, no field).
      const misspelt = await expectApiError(
        h.client.call('settings.update', { retension: { maxCount: 5 } } as never),
        'invalid_input',
      );
      expect(misspelt.message).toMatch(/^retension: not an input of settings\.update \(it takes retention, /);
      // A nested key reads the same way, with its full path and the keys of the object it was put in.
      const nested = await expectApiError(
        h.client.call('settings.update', { retention: { maxCont: 1 } } as never),
        'invalid_input',
      );
      expect(nested.message).toMatch(
        /^retention\.maxCont: not an input of settings\.update \(it takes maxCount, maxAgeMs\)/,
      );
      expect(nested.details).toMatchObject({
        issues: [{ path: 'retention.maxCont', message: expect.stringMatching(/^not an input of /) }],
      });
    });

    it('pushes capture.created once a request is stored, and serves its exact bytes', async () => {
      await h.ready?.();
      const body = `{"contract":"${name}","n":${Math.random()}}`;
      const created = nextEvent(h.client, 'capture.created', (p) =>
        p.items.some((c) => c.path === '/contract/created'),
      );
      const res = await fetch(`${receiverUrl}/contract/created?x=1&x=2`, {
        method: 'PUT',
        body,
        headers: { 'X-Case': 'Kept' },
      });
      expect(res.status).toBe(200);
      const event = await created;
      const summary = event.items.find((c) => c.path === '/contract/created')!;
      expect(summary.method).toBe('PUT');
      const detail = await h.client.call('captures.get', { id: summary.id });
      expect(Buffer.from(detail.bodyBase64, 'base64').toString()).toBe(body);
      expect(detail.headers).toContainEqual(['X-Case', 'Kept']);
      expect(detail.queryParams).toEqual([
        ['x', '1'],
        ['x', '2'],
      ]);
    });

    it('leaves a body over inlineBodyMaxBytes out of captures.get, and captures.body reads its exact bytes', async () => {
      const body = Buffer.alloc(300 * 1024);
      for (let i = 0; i < body.length; i++) body[i] = (i * 7 + (i >> 10)) & 0xff;
      const res = await fetch(`${receiverUrl}/contract/big-body`, { method: 'POST', body });
      const id = Number(res.headers.get('x-hookscope-capture-id'));

      const small = await h.client.call('captures.get', { id, inlineBodyMaxBytes: 400 * 1024 });
      expect(small.bodyOmitted).toBeUndefined();
      expect(Buffer.from(small.bodyBase64, 'base64').equals(body)).toBe(true);
      const left = await h.client.call('captures.get', { id, inlineBodyMaxBytes: 256 * 1024 });
      expect(left).toMatchObject({ bodyOmitted: true, bodyBase64: '', decodedBodyBase64: null });
      expect(left.storedBodyBytes).toBe(body.length);
      // Without the limit the body comes inline, as before.
      expect((await h.client.call('captures.get', { id })).bodyBase64.length).toBeGreaterThan(400_000);

      expect(Buffer.from(await h.client.captureBody({ id })).equals(body)).toBe(true);
      const json = await h.client.call('captures.body', { id, form: 'received' });
      expect(Buffer.from(json.bodyBase64, 'base64').equals(body)).toBe(true);
      const noEncoding = await expectApiError(h.client.captureBody({ id, form: 'decoded' }), 'invalid_input');
      expect(noEncoding.message).toMatch(/^form: /);
      await expectApiError(h.client.captureBody({ id: 987_654_321 }), 'not_found');
      await expectApiError(h.client.captureBody({ id: 'x' as never }), 'invalid_input');
    });

    it('captures.body undoes a Content-Encoding on asking for the decoded form', async () => {
      const text = 'decoded '.repeat(50_000);
      const res = await fetch(`${receiverUrl}/contract/gzipped-body`, {
        method: 'POST',
        body: gzipSync(text),
        headers: { 'content-encoding': 'gzip', 'content-type': 'text/plain' },
      });
      const id = Number(res.headers.get('x-hookscope-capture-id'));
      const left = await h.client.call('captures.get', { id, inlineBodyMaxBytes: 1024 });
      expect(left).toMatchObject({ bodyOmitted: true, bodyBase64: '', decodedBodyBase64: '' });
      expect(Buffer.from(await h.client.captureBody({ id, form: 'decoded' })).toString()).toBe(text);
      expect(Buffer.from(await h.client.captureBody({ id, form: 'received' })).equals(gzipSync(text))).toBe(
        true,
      );
    });

    it('pages newest first by cursor', async () => {
      for (let i = 0; i < 5; i++)
        await fetch(`${receiverUrl}/contract/page/${i}`, { method: 'POST', body: String(i) });
      const first = await h.client.call('captures.list', { limit: 2, filter: { methods: ['POST'] } });
      expect(first.items).toHaveLength(2);
      expect(first.items[0]!.id).toBeGreaterThan(first.items[1]!.id);
      const second = await h.client.call('captures.list', {
        limit: 2,
        cursor: first.nextCursor,
        filter: { methods: ['POST'] },
      });
      expect(second.items[0]!.id).toBeLessThan(first.items[1]!.id);
    });

    it('a complete text search misses no capture already acknowledged, even mid-burst', async () => {
      const word = `burstword${Date.now()}`;
      await Promise.all(
        Array.from({ length: 300 }, (_, i) =>
          fetch(`${receiverUrl}/contract/burst/${i}`, { method: 'POST', body: `{"w":"${word}","i":${i}}` }),
        ),
      );
      const page = await h.client.call('captures.list', {
        filter: { text: word },
        limit: 500,
        complete: true,
      });
      expect(page.items).toHaveLength(300);
      expect(new Set(page.items.map((c) => c.path)).size).toBe(300);
    });

    it('creates, updates and deletes endpoints, refusing duplicate slugs', async () => {
      const slug = `c-${name.replace(/\W/g, '').toLowerCase()}`;
      const changed = nextEvent(h.client, 'endpoint.changed', (p) => p.endpoint?.slug === slug);
      const created = await h.client.call('endpoints.create', { slug, name: 'Contract' });
      expect(created.pathPrefix).toBe(`/h/${slug}`);
      await changed;
      await expectApiError(h.client.call('endpoints.create', { slug, name: 'Again' }), 'conflict');
      const updated = await h.client.call('endpoints.update', {
        id: created.id,
        rule: { status: 202, headers: [], body: 'queued', delayMs: 0, behaviour: { kind: 'fixed' } },
      });
      expect(updated.rule.status).toBe(202);
      const res = await fetch(`${receiverUrl}/h/${slug}/x`, { method: 'POST', body: 'a' });
      expect(res.status).toBe(202);
      expect(await res.text()).toBe('queued');
      for (const [headers, message] of [
        [[['Bad Name', 'v']], /^rule\.headers\.0\.0: header name "Bad Name" is not valid/],
        [
          [
            ['X-Ok', '1'],
            ['Content-Length', '5'],
          ],
          /^rule\.headers\.1\.0: header "Content-Length" is written by the receiver/,
        ],
        [[['X-A', 'a\r\nX-Injected: 1']], /^rule\.headers\.0\.1: header "X-A" value contains a line break/],
        [
          [
            ['content-type', 'application/json'],
            ['x-note', 'résumé ✓'],
          ],
          /^rule\.headers\.1\.1: header "x-note" value contains "✓" \(U\+2713\), which an HTTP header cannot carry/,
        ],
        [
          [['X-B', 'a\u0001b']],
          /^rule\.headers\.0\.1: header "X-B" value contains the control character U\+0001/,
        ],
      ] as const) {
        const refused = await expectApiError(
          h.client.call('endpoints.update', {
            id: created.id,
            rule: {
              status: 200,
              headers: headers as never,
              body: '{"ok":true}',
              delayMs: 0,
              behaviour: { kind: 'fixed' },
            },
          }),
          'invalid_input',
        );
        expect(refused.message).toMatch(message);
      }
      expect((await fetch(`${receiverUrl}/h/${slug}/x`, { method: 'POST', body: 'a' })).status).toBe(202);
      // Every status a rule configures must be able to end a response: a 1xx alone leaves the sender waiting.
      const fixed = { headers: [], body: '', delayMs: 0 };
      for (const [rule, message] of [
        [
          { ...fixed, status: 102, behaviour: { kind: 'fixed' } },
          /^rule\.status: 102 is informational \(1xx\); a final response needs 200–599$/,
        ],
        [
          { ...fixed, status: 100, behaviour: { kind: 'fixed' } },
          /^rule\.status: 100 is informational \(1xx\)/,
        ],
        [
          { ...fixed, status: 99, behaviour: { kind: 'fixed' } },
          /^rule\.status: 99 is not an HTTP status; a final response needs 200–599$/,
        ],
        [
          { ...fixed, status: 600, behaviour: { kind: 'fixed' } },
          /^rule\.status: 600 is not an HTTP status; a final response needs 200–599$/,
        ],
        [
          { ...fixed, status: 200, behaviour: { kind: 'fail-first', count: 2, failStatus: 103 } },
          /^rule\.behaviour\.failStatus: 103 is informational \(1xx\)/,
        ],
        [
          // The editor asks for at least 1 too: a rule the API took must be one the UI can save again.
          { ...fixed, status: 200, behaviour: { kind: 'fail-first', count: 0, failStatus: 500 } },
          /^rule\.behaviour\.count: fail the first 1 to 1000000 requests \(got 0\)$/,
        ],
        [
          { ...fixed, status: 200, behaviour: { kind: 'failure-rate', percent: 50, failStatus: 199 } },
          /^rule\.behaviour\.failStatus: 199 is informational \(1xx\)/,
        ],
        [
          { ...fixed, status: 200, behaviour: { kind: 'sequence', statuses: [500, 101, 200] } },
          /^rule\.behaviour\.statuses\.1: 101 is informational \(1xx\)/,
        ],
        // A base64 body must decode to exactly the bytes meant: a lax decoder drops or invents them silently.
        [
          {
            ...fixed,
            body: 'iVBORw0KGgo',
            bodyEncoding: 'base64',
            status: 200,
            behaviour: { kind: 'fixed' },
          },
          /^rule\.body: not base64 \(bodyEncoding is base64\)/,
        ],
        [
          { ...fixed, body: 'aGk=\naGk=', bodyEncoding: 'base64', status: 200, behaviour: { kind: 'fixed' } },
          /^rule\.body: not base64 \(bodyEncoding is base64\)/,
        ],
        [
          { ...fixed, body: '00ff', bodyEncoding: 'hex', status: 200, behaviour: { kind: 'fixed' } },
          /^rule\.bodyEncoding: use "utf8" \(text\) or "base64" \(exact bytes\)$/,
        ],
      ] as const) {
        const refused = await expectApiError(
          h.client.call('endpoints.update', { id: created.id, rule: rule as never }),
          'invalid_input',
        );
        expect(refused.message).toMatch(message);
        await expectApiError(
          h.client.call('endpoints.create', { slug: `${slug}-1xx`, name: '1xx', rule: rule as never }),
          'invalid_input',
        );
      }
      // What a failed signature gets is one of two answers; anything else is refused naming the field.
      const strict = { scheme: 'github', secret: 'gh-secret', toleranceSeconds: 300 } as const;
      const refusedOption = await expectApiError(
        h.client.call('endpoints.update', {
          id: created.id,
          verify: { ...strict, onFailure: 'reject' as never },
        }),
        'invalid_input',
      );
      expect(refusedOption.message).toBe(
        'verify.onFailure: use "answer" (the rule as usual) or "refuse-401"',
      );
      await h.client.call('endpoints.update', {
        id: created.id,
        verify: { ...strict, onFailure: 'refuse-401' },
      });
      const listed = (await h.client.call('endpoints.list', {})).items.find((e) => e.id === created.id);
      expect(listed?.verify?.onFailure).toBe('refuse-401');
      expect((await fetch(`${receiverUrl}/h/${slug}/x`, { method: 'POST', body: 'a' })).status).toBe(401);
      await h.client.call('endpoints.update', { id: created.id, verify: null });
      expect((await fetch(`${receiverUrl}/h/${slug}/x`, { method: 'POST', body: 'a' })).status).toBe(202);
      expect((await h.client.call('endpoints.delete', { id: created.id })).deleted).toBe(true);
      await expectApiError(h.client.call('endpoints.get' as 'endpoints.list', {}), 'unknown_method');
    });

    it('reports how far a fail-first or sequence rule has got, and resetRule starts its count again', async () => {
      await h.ready?.();
      const slug = `progress-${name.replace(/\W/g, '').toLowerCase()}`;
      const rule = { status: 200, headers: [], body: 'ok', delayMs: 0 };
      const created = await h.client.call('endpoints.create', {
        slug,
        name: 'Progress',
        rule: { ...rule, behaviour: { kind: 'fail-first', count: 3, failStatus: 503 } },
      });
      const post = async () =>
        (await fetch(`${receiverUrl}/h/${slug}`, { method: 'POST', body: 'a' })).status;
      const counted = async () =>
        (await h.client.call('endpoints.list', {})).items.find((e) => e.id === created.id)?.ruleRequests;
      expect(await counted()).toBe(0);
      expect([await post(), await post()]).toEqual([503, 503]);
      expect(await counted()).toBe(2);

      const reset = nextEvent(h.client, 'endpoint.changed', (p) => p.endpoint?.id === created.id);
      expect((await h.client.call('endpoints.resetRule', { id: created.id })).ruleRequests).toBe(0);
      expect((await reset).endpoint?.ruleRequests).toBe(0);
      expect(await counted()).toBe(0);
      expect([await post(), await post(), await post(), await post()]).toEqual([503, 503, 503, 200]);
      expect(await counted()).toBe(4);

      const changed = nextEvent(h.client, 'endpoint.changed', (p) => p.endpoint?.id === created.id);
      await h.client.call('endpoints.update', {
        id: created.id,
        rule: { ...rule, behaviour: { kind: 'sequence', statuses: [500, 502, 200] } },
      });
      expect((await changed).endpoint?.ruleRequests).toBe(0);
      expect(await counted()).toBe(0);
      expect(await post()).toBe(500);
      expect(await counted()).toBe(1);
      await expectApiError(h.client.call('endpoints.resetRule', { id: 999_999 }), 'not_found');
      await h.client.call('endpoints.delete', { id: created.id });
    });

    it('tells every client when saved webhooks or environments change', async () => {
      const webhooksChanged = nextEvent(h.client, 'webhooks.changed');
      const saved = await h.client.call('webhooks.save', {
        name: `contract ${name}`,
        method: 'POST',
        url: 'https://hooks.example/c',
      });
      await webhooksChanged;
      const deletedEvent = nextEvent(h.client, 'webhooks.changed');
      await h.client.call('webhooks.delete', { id: saved.id });
      await deletedEvent;
      const environmentsChanged = nextEvent(h.client, 'environments.changed');
      const env = await h.client.call('environments.save', { name: `contract ${name}`, variables: {} });
      await environmentsChanged;
      const activated = nextEvent(h.client, 'environments.changed');
      await h.client.call('environments.activate', { id: env.id });
      await activated;
      await h.client.call('environments.delete', { id: env.id });
      // Another window may still show the deleted one: its id must never name the next environment created.
      const next = await h.client.call('environments.save', { name: `contract ${name} next`, variables: {} });
      expect(next.id).toBeGreaterThan(env.id);
      await h.client.call('environments.delete', { id: next.id });
    });

    it('tells every client when settings or the tunnel options are saved', async () => {
      const settingsChanged = nextEvent(h.client, 'settings.changed', (p) => p.notifyOnCapture);
      await h.client.call('settings.update', { notifyOnCapture: true });
      expect((await settingsChanged).notifyOnCapture).toBe(true);
      await h.client.call('settings.update', { notifyOnCapture: false });
      const tunnelChanged = nextEvent(h.client, 'tunnel.settings.changed', (p) => p.subdomain === 'contract');
      await h.client.call('tunnel.settings.update', { subdomain: 'contract' });
      expect((await tunnelChanged).subdomain).toBe('contract');
      await h.client.call('tunnel.settings.update', { subdomain: null });
    });

    it('settings.update merges a partial nested object field by field, and null clears a limit', async () => {
      const year = 365 * 86_400_000;
      try {
        await h.client.call('settings.update', {
          retention: { maxCount: 1_000_000, maxAgeMs: year },
          deliveryRetention: { maxAgeMs: null, maxCount: 3 },
        });
        // Only the age given: the count stays (it used to become null, i.e. unlimited).
        const delivery = await h.client.call('settings.update', {
          deliveryRetention: { maxAgeMs: 86_400_000 },
        });
        expect(delivery.deliveryRetention).toEqual({ maxAgeMs: 86_400_000, maxCount: 3 });
        // The same for captures (it used to be refused: "retention.maxAgeMs: … received undefined").
        const captures = await h.client.call('settings.update', { retention: { maxAgeMs: 2 * year } });
        expect(captures.retention).toEqual({ maxCount: 1_000_000, maxAgeMs: 2 * year });
        const cleared = await h.client.call('settings.update', {
          retention: { maxCount: null },
          deliveryRetention: { maxCount: null },
        });
        expect(cleared.retention).toEqual({ maxCount: null, maxAgeMs: 2 * year });
        expect(cleared.deliveryRetention).toEqual({ maxAgeMs: 86_400_000, maxCount: null });
        // A bad field in a partial object is still refused by name, and nothing is stored.
        const bad = await expectApiError(
          h.client.call('settings.update', { retention: { maxAgeMs: 10 } }),
          'invalid_input',
        );
        expect(bad.message).toMatch(/^retention\.maxAgeMs: /);
        expect(await h.client.call('settings.get', {})).toMatchObject({
          retention: { maxCount: null, maxAgeMs: 2 * year },
          deliveryRetention: { maxAgeMs: 86_400_000, maxCount: null },
        });
      } finally {
        await h.client.call('settings.update', {
          retention: { maxCount: null, maxAgeMs: null },
          deliveryRetention: { maxAgeMs: null, maxCount: null },
        });
      }
    });

    it('deletes captures and says so', async () => {
      const res = await fetch(`${receiverUrl}/contract/delete-me`, { method: 'DELETE' });
      const id = Number(res.headers.get('x-hookscope-capture-id'));
      const deleted = nextEvent(h.client, 'capture.deleted', (p) => p.ids.includes(id));
      expect(await h.client.call('captures.delete', { ids: [id] })).toEqual({ deleted: 1, undoable: true });
      await deleted;
      await expectApiError(h.client.call('captures.get', { id }), 'not_found');
      // Undo brings it back, with the same id and method, and says so.
      const back = nextEvent(h.client, 'capture.created', (p) => p.items.some((c) => c.id === id));
      expect(await h.client.call('captures.restore', { ids: [id] })).toEqual({ restored: [id], expiring: 0 });
      await back;
      expect((await h.client.call('captures.get', { id })).method).toBe('DELETE');
      expect(await h.client.call('captures.restore', { ids: [id] })).toEqual({ restored: [], expiring: 0 });
    });
  });
}
