import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eventually, openTab, selectCapture, send, useUiSession } from './support/ui';

describe('endpoints panel', () => {
  const s = useUiSession();

  const hit = async (n: number) => {
    const out: Array<{ status: number; body: string }> = [];
    for (let i = 0; i < n; i++) {
      const res = await send(s.app.receiverUrl, `/h/flaky/event-${i}`, {
        method: 'POST',
        body: '{}',
        headers: { 'content-type': 'application/json' },
      });
      out.push({ status: res.status, body: await res.text() });
    }
    return out;
  };
  const card = () => s.page.locator('[data-testid="endpoint-card"][data-slug="flaky"]');

  it('creates an endpoint whose fail-first rule a sender sees, with a copyable URL and a live count', async () => {
    const { page } = s;
    await page.locator('.view-tab[data-view="endpoints"]').click();
    await page.getByTestId('endpoint-new').click();
    await page.getByTestId('endpoint-name').fill('Flaky');
    await page.getByTestId('endpoint-slug').fill('flaky');
    await page.getByTestId('rule-status').fill('201');
    await page.getByTestId('rule-body').fill('{"accepted":true}');
    await page.getByTestId('rule-behaviour').selectOption('fail-first');
    await page.getByTestId('rule-fail-count').fill('2');
    await page.getByTestId('rule-fail-status').fill('502');
    await page.getByTestId('endpoint-save').click();
    await card().waitFor();
    // Names are free text: isolated so bidi controls in one cannot reorder the card around it.
    expect(await card().locator('bdi.endpoint-name').innerText()).toBe('Flaky');
    expect(await card().getByTestId('endpoint-rule-text').innerText()).toBe('502 for the first 2, then 201');
    expect(await card().locator('.url-line .mono').first().innerText()).toBe(`${s.app.receiverUrl}/h/flaky`);

    const answers = await hit(3);
    expect(answers.map((a) => a.status)).toEqual([502, 502, 201]);
    expect(answers[2]!.body).toBe('{"accepted":true}');
    await eventually(async () =>
      expect(await card().getByTestId('endpoint-count').innerText()).toBe('3 captures'),
    );
  });

  it('edits the rule to a status sequence, then to a 100% failure rate, and senders see each change', async () => {
    const { page } = s;
    await card().getByTestId('endpoint-edit').click();
    await page.getByTestId('rule-behaviour').selectOption('sequence');
    await page.getByTestId('rule-sequence').fill('418, 200');
    await page.getByTestId('endpoint-save').click();
    await eventually(async () =>
      expect(await card().getByTestId('endpoint-rule-text').innerText()).toBe('418 → 200'),
    );
    expect((await hit(3)).map((a) => a.status)).toEqual([418, 200, 200]);

    await card().getByTestId('endpoint-edit').click();
    await page.getByTestId('rule-behaviour').selectOption('failure-rate');
    await page.getByTestId('rule-fail-percent').fill('100');
    await page.getByTestId('rule-fail-status').fill('503');
    await page.getByTestId('rule-delay').fill('150');
    await page.getByTestId('endpoint-save').click();
    await eventually(async () =>
      expect(await card().getByTestId('endpoint-rule-text').innerText()).toBe(
        '503 100% of the time, else 201, each after 150 ms',
      ),
    );
    expect((await hit(2)).map((a) => a.status)).toEqual([503, 503]);
    const latest = await s.app.rpc<{ items: Array<{ id: number }> }>('captures.list', { limit: 1 });
    if (!latest.ok) throw new Error(latest.error.message);
    const detail = await s.app.rpc<{ response: { delayMs: number; status: number } }>('captures.get', {
      id: latest.value.items[0]!.id,
    });
    expect(detail.ok && detail.value.response).toMatchObject({ status: 503, delayMs: 150 });
  });

  it('rejects a bad rule with an error naming the field and line, and keeps the old rule', async () => {
    const { page } = s;
    await card().getByTestId('endpoint-edit').click();
    await page.getByTestId('rule-status').fill('99');
    await page.getByTestId('endpoint-save').click();
    expect(await page.getByTestId('endpoint-error').innerText()).toContain('Status');
    // A header value Node cannot send (it would drop every header of the response) is refused, naming the line.
    await page.getByTestId('rule-status').fill('200');
    await page.getByTestId('rule-headers').fill('Content-Type: application/json\nX-Note: résumé ✓');
    await page.getByTestId('endpoint-save').click();
    await eventually(async () =>
      expect(await page.getByTestId('endpoint-error').innerText()).toMatch(
        /^Headers line 2: header "X-Note" value contains "✓" \(U\+2713\)/,
      ),
    );
    await page.locator('[data-testid="endpoint-form"] button', { hasText: 'Cancel' }).click();
    expect(await card().getByTestId('endpoint-rule-text').innerText()).toContain('503');
  });

  it("says when a rule's failure status is one Ortto never retries, so its success would never be seen", async () => {
    const { page } = s;
    await card().getByTestId('endpoint-edit').click();
    await page.getByTestId('rule-behaviour').selectOption('fail-first');
    await page.getByTestId('rule-fail-status').fill('503');
    expect(await page.getByTestId('rule-ortto-note').count()).toBe(0);
    await page.getByTestId('rule-fail-status').fill('404');
    expect(await page.getByTestId('rule-ortto-note').innerText()).toMatch(/^Ortto never retries 404:/);
    await page.getByTestId('rule-behaviour').selectOption('sequence');
    await page.getByTestId('rule-sequence').fill('401, 500, 403, 200');
    expect(await page.getByTestId('rule-ortto-note').innerText()).toMatch(/^Ortto never retries 401 or 403:/);
    await page.getByTestId('rule-sequence').fill('429, 500, 200');
    expect(await page.getByTestId('rule-ortto-note').count()).toBe(0);
    await page.locator('[data-testid="endpoint-form"] button', { hasText: 'Cancel' }).click();
  });

  it('announces a refused field and takes the keyboard to it, marked invalid and described by the error', async () => {
    const { page } = s;
    await card().getByTestId('endpoint-edit').click();
    const form = page.getByTestId('endpoint-form');
    const focusedField = () =>
      page.evaluate(() => {
        const el = document.activeElement!;
        return {
          field: el.getAttribute('data-testid'),
          invalid: el.getAttribute('aria-invalid'),
          describedBy: document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent,
        };
      });
    await page.getByTestId('rule-delay').fill('soon');
    await page.getByTestId('endpoint-name').focus();
    await page.keyboard.press('Enter');
    await eventually(async () =>
      expect(await focusedField()).toEqual({
        field: 'rule-delay',
        invalid: 'true',
        describedBy: 'Delay: whole milliseconds from 0 to 120000',
      }),
    );
    expect(await form.getByRole('alert').innerText()).toBe('Delay: whole milliseconds from 0 to 120000');
    // The next refusal moves the mark to its own field.
    await page.getByTestId('rule-delay').fill('0');
    await page.getByTestId('rule-headers').fill('Content-Length: 5');
    await page.getByTestId('endpoint-save').click();
    await eventually(async () => expect((await focusedField()).field).toBe('rule-headers'));
    expect(await page.getByTestId('rule-delay').getAttribute('aria-invalid')).toBe(null);
    // Auth left half filled is named as the form labels it, not as the API's `auth.password`.
    await page.getByTestId('rule-headers').fill('');
    await page.getByTestId('endpoint-auth-kind').selectOption('basic');
    await page.getByTestId('endpoint-auth-username').fill('ortto');
    await page.getByTestId('endpoint-save').click();
    await eventually(async () =>
      expect(await focusedField()).toEqual({
        field: 'endpoint-auth-password',
        invalid: 'true',
        describedBy: 'Password: required',
      }),
    );
    await form.locator('button', { hasText: 'Cancel' }).click();
  });

  it('lowercases capitals typed in the middle of a slug where they were typed', async () => {
    const { page } = s;
    await page.locator('.view-tab[data-view="endpoints"]').click();
    await page.getByTestId('endpoint-new').click();
    const slug = page.getByTestId('endpoint-slug');
    await slug.click();
    await page.keyboard.type('ortto-prod');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('XY');
    expect(await slug.inputValue()).toBe('ortto-xyprod');
    expect(await slug.evaluate((el: HTMLInputElement) => el.selectionStart)).toBe(8);
    await page.locator('[data-testid="endpoint-form"] button', { hasText: 'Cancel' }).click();
  });

  it('keeps keyboard focus where the user is: Edit opens the form at its name, Cancel returns to Edit', async () => {
    const { page } = s;
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
    await card().getByTestId('endpoint-edit').focus();
    await page.keyboard.press('Enter');
    await eventually(async () => expect(await focused()).toBe('endpoint-name'));
    await page.locator('[data-testid="endpoint-form"] button', { hasText: 'Cancel' }).focus();
    await page.keyboard.press('Enter');
    await eventually(async () => expect(await focused()).toBe('endpoint-edit'));
    expect(
      await card()
        .getByTestId('endpoint-edit')
        .evaluate((el) => el === document.activeElement),
    ).toBe(true);
    // Delete… offers the safe choice first, and Keep returns to Delete….
    await card().getByTestId('endpoint-delete').focus();
    await page.keyboard.press('Enter');
    await eventually(async () => expect(await focused()).toBe('endpoint-delete-cancel'));
    await page.keyboard.press('Enter');
    await eventually(async () => expect(await focused()).toBe('endpoint-delete'));
  });

  it('refuses to save a form over a change another client made after it was opened, naming what to do', async () => {
    const { page } = s;
    const list = await s.app.rpc<{ items: Array<{ id: number; slug: string; name: string }> }>(
      'endpoints.list',
    );
    const flaky = list.ok ? list.value.items.find((e) => e.slug === 'flaky')! : null;
    await card().getByTestId('endpoint-edit').click();
    await page.getByTestId('endpoint-name').fill('Typed here');
    const renamed = await s.app.rpc('endpoints.update', { id: flaky!.id, name: 'Renamed elsewhere' });
    if (!renamed.ok) throw new Error(renamed.error.message);
    await page.getByTestId('endpoint-changed-elsewhere').waitFor();
    await page.getByTestId('endpoint-save').click();
    await eventually(async () =>
      expect(await page.getByTestId('endpoint-error').innerText()).toContain(
        'Not saved. This endpoint was changed elsewhere',
      ),
    );
    const after = await s.app.rpc<{ items: Array<{ slug: string; name: string }> }>('endpoints.list');
    expect(after.ok && after.value.items.find((e) => e.slug === 'flaky')?.name).toBe('Renamed elsewhere');
    // Opened again, the form shows the saved version and saves.
    await page.locator('[data-testid="endpoint-form"] button', { hasText: 'Cancel' }).click();
    await card().getByTestId('endpoint-edit').click();
    expect(await page.getByTestId('endpoint-name').inputValue()).toBe('Renamed elsewhere');
    await page.getByTestId('endpoint-name').fill(flaky!.name);
    await page.getByTestId('endpoint-save').click();
    await eventually(async () => expect(await page.getByTestId('endpoint-form').count()).toBe(0));
  });

  it('shows the endpoint captures from its count, and deletes the endpoint only once confirmed', async () => {
    const { page } = s;
    await card().getByTestId('endpoint-count').click();
    await eventually(async () => expect(page.url()).toMatch(/ep=\d+/));
    await eventually(async () =>
      expect(await page.getByTestId('result-count').innerText()).toBe('8 captures match'),
    );
    await page.locator('.view-tab[data-view="endpoints"]').click();
    const listed = async () => {
      const list = await s.app.rpc<{ items: Array<{ slug: string }> }>('endpoints.list', {});
      if (!list.ok) throw new Error(list.error.message);
      return list.value.items.map((e) => e.slug);
    };
    await card().getByTestId('endpoint-delete').click();
    const message = await card().getByTestId('endpoint-delete-message').innerText();
    expect(message).toContain('/h/flaky');
    expect(message).toContain('catch-all');
    expect(message).toContain('captures are kept');
    await card().getByTestId('endpoint-delete-cancel').click();
    expect(await card().getByTestId('endpoint-delete-message').count()).toBe(0);
    expect(await card().count()).toBe(1);
    expect(await listed()).toContain('flaky');

    await card().getByTestId('endpoint-delete').click();
    await card().getByTestId('endpoint-delete-confirm').click();
    await eventually(async () => expect(await card().count()).toBe(0));
    expect(await listed()).not.toContain('flaky');
    const kept = await s.app.rpc<{ items: unknown[] }>('captures.list', { limit: 100 });
    expect(kept.ok && kept.value.items).toHaveLength(8);

    // Back in the list, still filtered by it: the filter and the rows say the endpoint was deleted.
    await page.locator('.view-tab[data-view="inspect"]').click();
    await eventually(async () =>
      expect(await page.getByTestId('filter-endpoint').innerText()).toMatch(/deleted endpoint #\d+/),
    );
    await eventually(async () =>
      expect(await page.locator('.row[data-capture-id] .cell.endpoint').first().innerText()).toMatch(
        /^deleted #\d+$/,
      ),
    );
    // So does the request detail, not a bare number.
    await selectCapture(page, '/h/flaky/');
    await openTab(page, 'overview');
    await eventually(async () =>
      expect(await page.getByTestId('overview').innerText()).toMatch(/Endpoint\s+deleted endpoint #\d+\n/),
    );
    const breakdown = await s.app.rpc<{ statuses: Record<string, number> }>('captures.breakdown', {
      filter: { endpointId: Number(/ep=(\d+)/.exec(page.url())![1]) },
      endMs: Date.now() + 60_000,
      bucketMs: 60_000,
      buckets: 60,
    });
    expect(breakdown.ok && Object.values(breakdown.value.statuses).reduce((a, b) => a + b, 0)).toBe(8);
  });

  it('keeps the form of an endpoint deleted elsewhere, saying so, and saves what was typed as new or discards it', async () => {
    const { page } = s;
    const doomed = () => page.locator('[data-testid="endpoint-card"][data-slug="doomed"]');
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
    const create = async () => {
      const made = await s.app.rpc<{ id: number }>('endpoints.create', { slug: 'doomed', name: 'Doomed' });
      if (!made.ok) throw new Error(made.error.message);
      await doomed().waitFor();
      return made.value.id;
    };
    const deleteElsewhere = async (id: number) => {
      const deleted = await s.app.rpc('endpoints.delete', { id });
      if (!deleted.ok) throw new Error(deleted.error.message);
      await page.getByTestId('endpoint-deleted-elsewhere').waitFor();
    };

    await page.locator('.view-tab[data-view="endpoints"]').click();
    const first = await create();
    await doomed().getByTestId('endpoint-edit').click();
    await page.getByTestId('endpoint-name').fill('Typed here');
    await deleteElsewhere(first);
    expect(await page.getByTestId('endpoint-name').inputValue()).toBe('Typed here');
    expect(await focused()).toBe('endpoint-name');
    await page.getByTestId('endpoint-save').click();
    await eventually(async () =>
      expect(await doomed().locator('bdi.endpoint-name').innerText()).toBe('Typed here'),
    );
    await eventually(async () => expect(await page.getByTestId('endpoint-form').count()).toBe(0));
    const second = Number(await doomed().getAttribute('data-endpoint-id'));
    expect(second).not.toBe(first);
    await eventually(async () => expect(await focused()).toBe('endpoint-edit'));

    await doomed().getByTestId('endpoint-edit').click();
    await page.getByTestId('endpoint-name').fill('Not wanted');
    await deleteElsewhere(second);
    await page.getByTestId('endpoint-cancel').click();
    await eventually(async () => expect(await page.getByTestId('endpoint-form').count()).toBe(0));
    expect(await doomed().count()).toBe(0);
    await eventually(async () => expect(await focused()).toBe('endpoint-new'));
  });

  it('sets an endpoint to refuse failed signatures with 401, which senders see and the form shows again', async () => {
    const { page } = s;
    const strict = () => page.locator('[data-testid="endpoint-card"][data-slug="strict"]');
    await page.locator('.view-tab[data-view="endpoints"]').click();
    await page.getByTestId('endpoint-new').click();
    await page.getByTestId('endpoint-name').fill('Strict');
    await page.getByTestId('endpoint-slug').fill('strict');
    await page.getByTestId('endpoint-verify-scheme').selectOption('github');
    await page.getByTestId('endpoint-verify-secret').fill('gh-secret');
    expect(await page.getByTestId('endpoint-verify-on-failure').inputValue()).toBe('answer');
    await page.getByTestId('endpoint-verify-on-failure').selectOption('refuse-401');
    await page.getByTestId('endpoint-save').click();
    await strict().waitFor();
    expect(await strict().getByTestId('endpoint-verify-text').innerText()).toBe(
      'verifies github, 401 when it fails',
    );

    const body = '{"action":"opened"}';
    const signature = `sha256=${createHmac('sha256', 'gh-secret').update(body).digest('hex')}`;
    const unsigned = await send(s.app.receiverUrl, '/h/strict', { method: 'POST', body });
    expect(unsigned.status).toBe(401);
    expect(await unsigned.json()).toEqual({
      error: 'invalid_signature',
      reason: 'signature header missing (X-Hub-Signature-256)',
    });
    const signed = await send(s.app.receiverUrl, '/h/strict', {
      method: 'POST',
      body,
      headers: { 'X-Hub-Signature-256': signature },
    });
    expect(signed.status).toBe(200);
    await signed.arrayBuffer();

    await strict().getByTestId('endpoint-edit').click();
    expect(await page.getByTestId('endpoint-verify-on-failure').inputValue()).toBe('refuse-401');
    await page.getByTestId('endpoint-cancel').click();
  });

  it('keeps a half-filled form through a visit to another view, until it is cancelled', async () => {
    const { page } = s;
    const view = (id: 'inspect' | 'endpoints') => page.locator(`.view-tab[data-view="${id}"]`).click();
    await view('endpoints');
    await page.getByTestId('endpoint-new').click();
    await page.getByTestId('endpoint-name').fill('Half filled');
    await page.getByTestId('endpoint-slug').fill('half-filled');
    await page.getByTestId('rule-status').fill('418');
    await view('inspect');
    await view('endpoints');
    await page.getByTestId('endpoints-panel').waitFor();
    expect(await page.getByTestId('endpoint-form').count()).toBe(1);
    expect(await page.getByTestId('endpoint-name').inputValue()).toBe('Half filled');
    expect(await page.getByTestId('endpoint-slug').inputValue()).toBe('half-filled');
    expect(await page.getByTestId('rule-status').inputValue()).toBe('418');

    await page.getByTestId('endpoint-cancel').click();
    await view('inspect');
    await view('endpoints');
    await page.getByTestId('endpoints-panel').waitFor();
    expect(await page.getByTestId('endpoint-form').count()).toBe(0);
  });

  it('keeps the form of an endpoint deleted elsewhere while another view was shown, to save as new or discard', async () => {
    const { page } = s;
    const view = (id: 'inspect' | 'endpoints') => page.locator(`.view-tab[data-view="${id}"]`).click();
    const away = () => page.locator('[data-testid="endpoint-card"][data-slug="away"]');
    const made = await s.app.rpc<{ id: number }>('endpoints.create', { slug: 'away', name: 'Away' });
    if (!made.ok) throw new Error(made.error.message);
    await view('endpoints');
    await away().getByTestId('endpoint-edit').click();
    await page.getByTestId('rule-status').fill('418');
    await view('inspect');
    const deleted = await s.app.rpc('endpoints.delete', { id: made.value.id });
    if (!deleted.ok) throw new Error(deleted.error.message);
    await view('endpoints');
    await page.getByTestId('endpoints-panel').waitFor();

    // Dropped, the typed rule was lost while a reload still asked about unsaved changes no form showed.
    await page.getByTestId('endpoint-deleted-elsewhere').waitFor();
    expect(await page.getByTestId('rule-status').inputValue()).toBe('418');
    await page.getByTestId('endpoint-save').click();
    await eventually(async () =>
      expect(await away().getByTestId('endpoint-rule-text').innerText()).toBe('418'),
    );
    // The list's refresh (endpoint.changed) can land before the save's own answer closes the form.
    await eventually(async () => expect(await page.getByTestId('endpoint-form').count()).toBe(0));
  });

  it('says that every save starts a fail-first count again, and a save with nothing changed does', async () => {
    const { page } = s;
    const once = () => page.locator('[data-testid="endpoint-card"][data-slug="once"]');
    const status = async () => {
      const res = await send(s.app.receiverUrl, '/h/once', { method: 'POST', body: '{}' });
      await res.arrayBuffer();
      return res.status;
    };
    await page.locator('.view-tab[data-view="endpoints"]').click();
    await page.getByTestId('endpoint-new').click();
    await page.getByTestId('endpoint-name').fill('Once');
    await page.getByTestId('endpoint-slug').fill('once');
    expect(await page.getByTestId('rule-count-note').count()).toBe(0);
    await page.getByTestId('rule-behaviour').selectOption('fail-first');
    await page.getByTestId('rule-fail-count').fill('1');
    await page.getByTestId('rule-fail-status').fill('502');
    expect(await page.getByTestId('rule-count-note').innerText()).toMatch(
      /^Every save starts the count again/,
    );
    await page.getByTestId('endpoint-save').click();
    await once().waitFor();
    expect([await status(), await status()]).toEqual([502, 200]);

    await once().getByTestId('endpoint-edit').click();
    expect(await page.getByTestId('rule-count-note').innerText()).toContain('even with nothing changed');
    await page.getByTestId('endpoint-save').click();
    await page.getByTestId('endpoint-form').waitFor({ state: 'detached' });
    expect([await status(), await status()]).toEqual([502, 200]);
  });

  it('shows on the card how far a fail-first or sequence rule has got, live, and starts its count again', async () => {
    const { page } = s;
    const counted = () => page.locator('[data-testid="endpoint-card"][data-slug="counted"]');
    const progress = () => counted().getByTestId('endpoint-rule-progress');
    const status = async () => {
      const res = await send(s.app.receiverUrl, '/h/counted', { method: 'POST', body: '{}' });
      await res.arrayBuffer();
      return res.status;
    };
    await page.locator('.view-tab[data-view="endpoints"]').click();
    await page.getByTestId('endpoint-new').click();
    await page.getByTestId('endpoint-name').fill('Counted');
    await page.getByTestId('endpoint-slug').fill('counted');
    await page.getByTestId('rule-behaviour').selectOption('fail-first');
    await page.getByTestId('rule-fail-count').fill('3');
    await page.getByTestId('rule-fail-status').fill('503');
    await page.getByTestId('endpoint-save').click();
    await counted().waitFor();
    expect(await progress().innerText()).toBe('(0 of 3 failures used)');
    expect([await status(), await status()]).toEqual([503, 503]);
    await eventually(async () => expect(await progress().innerText()).toBe('(2 of 3 failures used)'));

    await counted().getByTestId('endpoint-rule-reset').click();
    await eventually(async () => expect(await progress().innerText()).toBe('(0 of 3 failures used)'));
    expect([await status(), await status(), await status(), await status()]).toEqual([503, 503, 503, 200]);
    await eventually(async () => expect(await progress().innerText()).toBe('(3 of 3 failures used)'));

    await counted().getByTestId('endpoint-edit').click();
    await page.getByTestId('rule-behaviour').selectOption('sequence');
    await page.getByTestId('rule-sequence').fill('500, 502, 503, 504, 200');
    await page.getByTestId('endpoint-save').click();
    await eventually(async () => expect(await progress().innerText()).toBe('(next: step 1 of 5)'));
    expect([await status(), await status()]).toEqual([500, 502]);
    await eventually(async () => expect(await progress().innerText()).toBe('(next: step 3 of 5)'));
  });

  it('answers with exact bytes typed as base64, saying as it is typed whether it is base64 and how many bytes', async () => {
    const { page } = s;
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe, 0x80]);
    const b64 = bytes.toString('base64');
    const png = () => page.locator('[data-testid="endpoint-card"][data-slug="png"]');
    await page.locator('.view-tab[data-view="endpoints"]').click();
    await page.getByTestId('endpoint-new').click();
    await page.getByTestId('endpoint-name').fill('PNG');
    await page.getByTestId('endpoint-slug').fill('png');
    await page.getByTestId('rule-headers').fill('Content-Type: image/png');
    expect(await page.getByTestId('rule-body-note').count()).toBe(0);
    // Switching keeps the bytes: the text body becomes the base64 of its UTF-8.
    await page.getByTestId('rule-body-encoding').selectOption({ label: 'Base64 (exact bytes)' });
    expect(await page.getByTestId('rule-body').inputValue()).toBe(
      Buffer.from('{"ok":true}').toString('base64'),
    );
    await page.getByTestId('rule-body').fill('iVBORw0KGgo');
    expect(await page.getByTestId('rule-body-note').innerText()).toMatch(/^Not base64/);
    await page.getByTestId('endpoint-save').click();
    await eventually(async () =>
      expect(await page.getByTestId('endpoint-error').innerText()).toMatch(/^Body: not base64/),
    );
    // Wrapped as `base64` prints it: the line break is not part of the bytes.
    await page.getByTestId('rule-body').fill(`${b64.slice(0, 8)}\n${b64.slice(8)}`);
    expect(await page.getByTestId('rule-body-note').innerText()).toBe('12 bytes');
    await page.getByTestId('endpoint-save').click();
    await png().waitFor();

    const res = await send(s.app.receiverUrl, '/h/png', { method: 'POST', body: '{}' });
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-length')).toBe('12');
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);

    // Opened again, the body is still base64 of the same bytes; not text, so switching to Text leaves it as is.
    await png().getByTestId('endpoint-edit').click();
    expect(await page.getByTestId('rule-body-encoding').inputValue()).toBe('base64');
    expect(await page.getByTestId('rule-body').inputValue()).toBe(b64);
    await page.getByTestId('rule-body-encoding').selectOption({ label: 'Text' });
    expect(await page.getByTestId('rule-body').inputValue()).toBe(b64);
    expect(await page.getByTestId('rule-body-note').count()).toBe(0);
    await page.locator('[data-testid="endpoint-form"] button', { hasText: 'Cancel' }).click();
  });

  it('shows a rename made while a refresh of the list was under way, not the list from before it', async () => {
    const created = await s.app.rpc<{ id: number }>('endpoints.create', { slug: 'racing', name: 'Before' });
    if (!created.ok) throw new Error(created.error.message);
    const page = await s.page.context().newPage();
    let hold = false;
    let answered = () => {};
    const fetched = new Promise<void>((resolve) => (answered = resolve));
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/rpc', async (route) => {
      if (!hold || !route.request().postData()?.includes('"endpoints.list"')) return route.continue();
      hold = false;
      // Answered by the engine now, before the rename; handed to the page only after the rename's event.
      const response = await route.fetch();
      answered();
      await held;
      await route.fulfill({ response });
    });
    try {
      await page.goto(s.app.uiUrl);
      await page.locator('.view-tab[data-view="endpoints"]').click();
      const name = page.locator('[data-testid="endpoint-card"][data-slug="racing"] bdi.endpoint-name');
      await eventually(async () => expect(await name.innerText()).toBe('Before'));
      hold = true;
      // A capture arriving makes the page fetch the list again (for the counts).
      await send(s.app.receiverUrl, '/h/racing', { method: 'POST', body: 'x' });
      await fetched;
      await s.app.rpc('endpoints.update', { id: created.value.id, name: 'After' });
      await eventually(async () => expect(await name.innerText()).toBe('After'));
      release();
      await eventually(async () =>
        expect(await page.getByTestId('endpoint-card').filter({ hasText: 'racing' }).count()).toBe(1),
      );
      await eventually(async () => expect(await name.innerText()).toBe('After'));
    } finally {
      release();
      await page.close();
    }
  });
});
