// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createApiClient, type Transport } from '../../../electron/shared/contract/client';
import { createInProcessTransport } from '../../../electron/engine/transport/in-process-transport';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { BulkSend, DeliveryLog, SavedWebhooks } from '../../../renderer/src/features/deliveries';
import { forgetKeptState } from '../../../renderer/src/state/kept-state';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { useHttpTarget } from '../../helpers/http-target';
import { useRecordingTarget } from '../../helpers/recording-target';
import { renderWithMissedEvents } from '../../helpers/missed-events-ui';
import { recordingTransport } from '../../helpers/recording-transport';
import { bulkProgressLine } from '../../helpers/bulk-progress-text';

// The delivery views against a real engine (in-process transport, SQLite in a temp dir) and a real destination.
const HOSTILE = '<img src=x onerror="window.__pwned=1">';
let calls: Array<{ method: string; input: unknown }> = [];
const arrived: string[] = [];
const target = useHttpTarget((req, res) => {
  req.resume();
  req.on('end', () => {
    arrived.push(req.url ?? '');
    if (req.url?.startsWith('/fail')) res.writeHead(500).end(HOSTILE);
    else if (req.url?.startsWith('/long')) res.writeHead(422).end(`${'x'.repeat(500)} LONG-TAIL`);
    else if (req.url?.startsWith('/huge')) res.writeHead(200).end('y'.repeat(20_000));
    else if (req.url?.startsWith('/hdr')) res.writeHead(200, { 'X-Resp-Marker': HOSTILE }).end('ok');
    else res.end('ok');
  });
});
const ui = useEngineForUi((transport) => recordingTransport(transport, (call) => calls.push(call)));
afterEach(() => {
  cleanup();
  forgetKeptState();
  calls = [];
});

const mount = (node: React.ReactNode, client = ui.api) =>
  render(<ApiProvider value={{ api: client, connection: new ConnectionStatus() }}>{node}</ApiProvider>);

/** An API whose "Load more" calls (a log page after a cursor) wait until the test lets them go, then answer or fail. */
function heldLoadMore() {
  const real = createInProcessTransport(ui.engine);
  let release!: (fail: boolean) => void;
  const gate = new Promise<boolean>((resolve) => (release = resolve));
  let answered!: Promise<unknown>;
  const transport: Transport = {
    invoke: (method, input) => {
      if (method !== 'deliveries.log' || (input as { cursor?: unknown }).cursor == null)
        return real.invoke(method, input);
      answered = gate.then((fail) =>
        fail
          ? { ok: false as const, error: { code: 'internal' as const, message: 'log page failed to load' } }
          : real.invoke(method, input),
      );
      return answered as ReturnType<Transport['invoke']>;
    },
    subscribe: (listener) => real.subscribe(listener),
    capabilities: () => real.capabilities(),
  };
  return {
    client: createApiClient(transport),
    release: async (fail = false) => {
      release(fail);
      await act(() => answered.then(() => undefined));
    },
  };
}

describe('delivery log', () => {
  it('lists attempts with their response as text, opens the timeline, retries now and exports', async () => {
    const sent = await ui.api.call('deliveries.send', {
      request: { method: 'POST', url: `${target.url}/fail`, headers: [], bodyBase64: '' },
      policy: 'none',
      type: 'manual',
      name: 'log test',
    });
    await waitFor(
      async () => expect((await ui.api.call('deliveries.get', { id: sent.id })).attempts).toBe(1),
      {
        timeout: 5000,
      },
    );
    mount(<DeliveryLog />);
    const table = await screen.findByRole('table', { name: 'Delivery log' });
    const cell = await within(table).findByText(HOSTILE, { exact: false }, { timeout: 5000 });
    expect(document.querySelector('img')).toBeNull(); // hostile response text stays text
    fireEvent.click(cell);
    const retry = await screen.findByRole('button', { name: 'Retry now' });
    await screen.findByText(/attempt 1 of 1/);
    fireEvent.click(retry);
    // Not while the second attempt is still out ("attempt 2 of 2, in flight"): once it is logged.
    await screen.findByText(/attempt 2 of 2(?!, in flight)/, {}, { timeout: 5000 });
    expect(arrived.filter((u) => u === '/fail').length).toBeGreaterThanOrEqual(2);
    expect((await ui.api.call('deliveries.get', { id: sent.id })).attemptList).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'deliveries.exportLog')).toBe(true));
  });
});

describe('delivery log export', () => {
  it('says when the file holds only the newest attempts', async () => {
    for (const path of ['/cut-1', '/cut-2']) {
      const sent = await ui.api.call('deliveries.send', {
        request: { method: 'POST', url: `${target.url}${path}`, headers: [], bodyBase64: '' },
        type: 'manual',
      });
      await waitFor(
        async () => expect((await ui.api.call('deliveries.get', { id: sent.id })).attempts).toBe(1),
        {
          timeout: 5000,
        },
      );
    }
    // One export holds 100,000 attempts: this API holds one, so two attempts are more than it.
    const real = createInProcessTransport(ui.engine);
    const client = createApiClient({
      invoke: (method, input) =>
        real.invoke(method, method === 'deliveries.exportLog' ? { ...(input as object), limit: 1 } : input),
      subscribe: (listener) => real.subscribe(listener),
      capabilities: () => real.capabilities(),
    });
    mount(<DeliveryLog />, client);
    fireEvent.change(screen.getByLabelText('Search deliveries'), { target: { value: '/cut-' } });
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    await screen.findByText(/Exported only the newest 1 attempt, the most one export holds/);
  });
});

describe('bulk send', () => {
  // The control-errors test's own destination: its slow rate paces its origin, which other jobs must not share.
  const ownOrigin = useRecordingTarget();

  it('starts a job from a CSV file and shows it finish with counts', async () => {
    mount(<BulkSend />);
    fireEvent.change(screen.getByLabelText('URL'), { target: { value: `${target.url}/bulk/[id]` } });
    fireEvent.change(screen.getByLabelText('Body template'), { target: { value: 'id=[id]' } });
    const file = new File(['id\n1\n2\n3\n'], 'rows.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByLabelText('Rows file'), { target: { files: [file] } });
    const start = screen.getByRole('button', { name: 'Start bulk send' });
    await waitFor(() => expect((start as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(start);
    await screen.findByText(bulkProgressLine(/· done ·/), {}, { timeout: 10_000 });
    expect(screen.getByText('3 delivered')).toBeTruthy();
    expect(arrived).toEqual(expect.arrayContaining(['/bulk/1', '/bulk/2', '/bulk/3']));
  });
  it('"Fields that are not columns": refused by default, sent as typed when chosen', async () => {
    mount(<BulkSend />);
    fireEvent.change(screen.getByLabelText('URL'), { target: { value: `${target.url}/literal/[id]` } });
    fireEvent.change(screen.getByLabelText('Body template'), {
      target: { value: 'id=[id]&note=[Not A Field]' },
    });
    const file = new File(['id\n1\n'], 'literal.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByLabelText('Rows file'), { target: { files: [file] } });
    const start = screen.getByRole('button', { name: 'Start bulk send' });
    await waitFor(() => expect((start as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(start);
    expect((await screen.findByRole('alert')).textContent).toContain(
      '[Not A Field] is not a column of the file',
    );
    fireEvent.change(screen.getByLabelText('Fields that are not columns'), {
      target: { value: 'send-as-typed' },
    });
    fireEvent.click(start);
    // The job before this one (done, 3 delivered) is listed too: wait for this one's count.
    await screen.findByText('1 delivered', {}, { timeout: 10_000 });
    expect(arrived).toContain('/literal/1');
    expect(calls.filter((c) => c.method === 'bulk.start').map((c) => c.input)).toMatchObject([
      { fieldsNotColumns: 'refuse' },
      { fieldsNotColumns: 'send-as-typed' },
    ]);
  });
  it('catches up after a reconnect: a job that finished while events were missed shows done', async () => {
    const job = await ui.api.call('bulk.start', {
      template: { method: 'POST', url: `${target.url}/missed/[id]`, headers: [], body: '' },
      rows: { content: 'id\n1\n2\n3\n', format: 'csv' },
      ratePerMinute: 30,
      name: 'missed events',
    });
    const events = renderWithMissedEvents(ui.engine, <BulkSend />);
    await screen.findByText(bulkProgressLine(new RegExp(`^Job ${job.jobId} · running · \\d+ of 3`)));
    events.disconnect();
    await waitFor(async () => expect((await ui.api.call('bulk.get', { id: job.jobId })).state).toBe('done'), {
      timeout: 10_000,
    });
    events.reconnect();
    await screen.findByText(bulkProgressLine(new RegExp(`^Job ${job.jobId} · done · 3 of 3`)));
  });

  it("a control's error goes once a later Pause, Resume or Stop succeeds", async () => {
    const real = createInProcessTransport(ui.engine);
    let failNext = true;
    const transport: Transport = {
      invoke: (method, input) => {
        if (method !== 'bulk.pause' || !failNext) return real.invoke(method, input);
        failNext = false;
        return Promise.resolve({
          ok: false as const,
          error: { code: 'internal' as const, message: 'pause failed' },
        });
      },
      subscribe: (listener) => real.subscribe(listener),
      capabilities: () => real.capabilities(),
    };
    const job = await ui.api.call('bulk.start', {
      template: {
        method: 'POST',
        url: `${ownOrigin.url}/control/[id]`,
        headers: [],
        body: '',
      },
      rows: { content: 'id\n1\n2\n3\n', format: 'csv' },
      ratePerMinute: 1,
      name: 'control errors',
    });
    try {
      mount(<BulkSend />, createApiClient(transport));
      fireEvent.click(await screen.findByRole('button', { name: 'Pause' }));
      expect((await screen.findByRole('alert')).textContent).toBe('pause failed');
      fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
      await screen.findByRole('button', { name: 'Resume' });
      expect(screen.queryByRole('alert')).toBeNull();
    } finally {
      // Gone with its deliveries, so the delivery lists of later tests see none of them.
      await ui.api.call('bulk.stop', { id: job.jobId });
      await waitFor(() => ui.api.call('bulk.delete', { id: job.jobId }));
    }
  });

  it('says how many skipped rows its list of row errors leaves out', async () => {
    const job = await ui.api.call('bulk.start', {
      template: { method: 'POST', url: `${target.url}/skip/[id]`, headers: [], body: '' },
      rows: { content: JSON.stringify(Array.from({ length: 150 }, (_, n) => ({ n }))), format: 'json' },
      name: 'skipped rows',
    });
    await waitFor(async () => expect((await ui.api.call('bulk.get', { id: job.jobId })).state).toBe('done'), {
      timeout: 5000,
    });
    mount(<BulkSend />);
    await screen.findByText('150 skipped');
    await screen.findByText(/row 100: unresolved merge field \[id\]/);
    expect(screen.queryByText(/row 101:/)).toBeNull();
    await screen.findByText(/…and 50 more skipped rows/);
  });

  it("a bulk send's delivery names its job and the row of the file it came from", async () => {
    const job = await ui.api.call('bulk.start', {
      template: { method: 'POST', url: `${target.url}/row/[id]`, headers: [], body: '' },
      rows: { content: 'id\n7\n8\n', format: 'csv' },
      name: 'rows test',
    });
    await waitFor(async () => expect((await ui.api.call('bulk.get', { id: job.jobId })).state).toBe('done'), {
      timeout: 5000,
    });
    mount(<DeliveryLog />);
    const table = await screen.findByRole('table', { name: 'Delivery log' });
    fireEvent.click(await within(table).findByText(/\/row\/8/, {}, { timeout: 5000 }));
    await screen.findByText(new RegExp(`bulk \\(job ${job.jobId}, row 2\\)`));
  });
});

describe("sending to this app's own receiver", () => {
  it('Bulk send says why it refused and starts on "send anyway", without naming the API flag', async () => {
    mount(<BulkSend />);
    fireEvent.change(screen.getByLabelText('URL'), {
      target: { value: `${ui.engine.receiverUrl}/h/bulk-loop` },
    });
    fireEvent.change(screen.getByLabelText('Body template'), { target: { value: 'id=[id]' } });
    fireEvent.change(screen.getByLabelText('Rows file'), {
      target: { files: [new File(['id\n1\n'], 'loop.csv', { type: 'text/csv' })] },
    });
    const start = screen.getByRole('button', { name: 'Start bulk send' });
    await waitFor(() => expect((start as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(start);
    const loop = await screen.findByTestId('bulk-loop');
    expect(loop.textContent).toContain("this app's own receiver");
    expect(loop.textContent).not.toContain('allowLoop');
    fireEvent.click(screen.getByTestId('bulk-loop-override'));
    await waitFor(
      async () =>
        expect((await ui.api.call('captures.list', { limit: 10 })).items.map((c) => c.path)).toContain(
          '/h/bulk-loop',
        ),
      { timeout: 10_000 },
    );
    expect(screen.queryByTestId('bulk-loop')).toBeNull();
    const started = calls
      .filter((c) => c.method === 'bulk.start')
      .map((c) => (c.input as { allowLoop?: boolean }).allowLoop);
    expect(started).toEqual([undefined, true]);
  });

  it('a saved webhook says why it refused and sends on "send anyway", without naming the API flag', async () => {
    mount(<SavedWebhooks />);
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Loopback' } });
    fireEvent.change(screen.getByLabelText('URL'), {
      target: { value: `${ui.engine.receiverUrl}/h/saved-loop` },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Loopback');
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    const loop = await screen.findByTestId('saved-loop');
    expect(loop.textContent).toContain("this app's own receiver");
    expect(loop.textContent).not.toContain('allowLoop');
    fireEvent.click(screen.getByTestId('saved-loop-override'));
    await screen.findByText(/Queued delivery \d+/);
    const sent = calls
      .filter((c) => c.method === 'deliveries.send')
      .map((c) => (c.input as { allowLoop?: boolean }).allowLoop);
    expect(sent).toEqual([undefined, true]);
    await ui.api.call('webhooks.delete', {
      id: (await ui.api.call('webhooks.list', {})).items.find((w) => w.name === 'Loopback')!.id,
    });
  });
});

describe('bulk send form', () => {
  it('names the visible field for a bad number and keeps what was typed', async () => {
    mount(<BulkSend />);
    fireEvent.change(screen.getByLabelText('URL'), { target: { value: `${target.url}/bulk-bad/[id]` } });
    fireEvent.change(screen.getByLabelText('Rows file'), {
      target: { files: [new File(['id\n1\n'], 'bad.csv', { type: 'text/csv' })] },
    });
    fireEvent.change(screen.getByLabelText('Requests per minute'), { target: { value: 'ten' } });
    fireEvent.change(screen.getByLabelText('Batch size'), { target: { value: '1.5' } });
    fireEvent.change(screen.getByLabelText('Concurrency'), { target: { value: '0' } });
    const start = screen.getByRole('button', { name: 'Start bulk send' });
    await waitFor(() => expect((start as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(start);
    const error = await screen.findByRole('alert');
    expect(error.textContent).toContain('Per minute: "ten" is not a number');
    expect(error.textContent).toContain('Batch: "1.5" is not a whole number (1–10,000)');
    expect(error.textContent).toContain('Concurrency: 0 is out of range (1–1,000)');
    expect(error.textContent).not.toMatch(/ratePerMinute|batchSize|null/);
    expect(calls.some((c) => c.method === 'bulk.start')).toBe(false);
    expect((screen.getByLabelText('Requests per minute') as HTMLInputElement).value).toBe('ten');
  });

  it('a second click while a large file is starting does not start a second job', async () => {
    mount(<BulkSend />);
    fireEvent.change(screen.getByLabelText('URL'), { target: { value: `${target.url}/bulk-once/[id]` } });
    fireEvent.change(screen.getByLabelText('Body template'), { target: { value: 'id=[id]' } });
    const file = ['id', ...Array.from({ length: 50_000 }, (_, i) => String(i))].join('\n');
    fireEvent.change(screen.getByLabelText('Rows file'), {
      target: { files: [new File([file], 'once.csv', { type: 'text/csv' })] },
    });
    const start = screen.getByRole('button', { name: 'Start bulk send' });
    await waitFor(() => expect((start as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(start);
    fireEvent.click(start);
    const label = start.textContent;
    await waitFor(() => expect(start.textContent).toBe('Start bulk send'), { timeout: 10_000 });
    const jobs = (await ui.api.call('bulk.list', {})).items.filter((j) => j.total === 50_000);
    // Gone with its deliveries, so the delivery lists of later tests see none of them.
    for (const job of jobs) {
      await ui.api.call('bulk.stop', { id: job.jobId });
      await waitFor(() => ui.api.call('bulk.delete', { id: job.jobId }));
    }
    expect(calls.filter((c) => c.method === 'bulk.start')).toHaveLength(1);
    expect(jobs).toHaveLength(1);
    expect(label).toBe('Starting…');
  });
});

describe('saved webhooks', () => {
  it('saves, duplicates and sends a webhook', async () => {
    mount(<SavedWebhooks />);
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Ping' } });
    fireEvent.change(screen.getByLabelText('URL'), { target: { value: `${target.url}/saved` } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Ping');
    fireEvent.click(screen.getByRole('button', { name: 'Duplicate' }));
    await screen.findByText('Ping (copy)');
    fireEvent.click(screen.getAllByRole('button', { name: 'Send' })[0]!);
    await screen.findByText(/Queued delivery \d+/);
    await waitFor(() => expect(arrived).toContain('/saved'));
  });

  it('saves headers and a retry policy, and edits a saved webhook in place', async () => {
    mount(<SavedWebhooks />);
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Edited' } });
    fireEvent.change(screen.getByLabelText('URL'), { target: { value: `${target.url}/before-edit` } });
    fireEvent.click(screen.getByTestId('saved-webhook-headers-add'));
    fireEvent.change(screen.getByLabelText('Header 1'), { target: { value: 'X-Team' } });
    fireEvent.change(screen.getByLabelText('Header value 1'), { target: { value: 'growth' } });
    fireEvent.change(screen.getByLabelText('Retry policy'), { target: { value: 'ortto' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Edited');
    const saved = async () =>
      (await ui.api.call('webhooks.list', {})).items.filter((w) => w.name === 'Edited');
    await waitFor(async () =>
      expect((await saved()).map((w) => [w.url, w.headers, w.policy])).toEqual([
        [`${target.url}/before-edit`, [['X-Team', 'growth']], 'ortto'],
      ]),
    );
    const row = screen.getByText('Edited').closest('.saved-row') as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: 'Edit' }));
    expect((screen.getByLabelText('URL') as HTMLInputElement).value).toBe(`${target.url}/before-edit`);
    fireEvent.change(screen.getByLabelText('URL'), { target: { value: `${target.url}/after-edit` } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () =>
      expect((await saved()).map((w) => [w.url, w.headers, w.policy])).toEqual([
        [`${target.url}/after-edit`, [['X-Team', 'growth']], 'ortto'],
      ]),
    );
  });

  it('deletes a saved webhook only once confirmed', async () => {
    const { id } = await ui.api.call('webhooks.save', { name: 'Precious', method: 'POST', url: target.url });
    mount(<SavedWebhooks />);
    const row = (await screen.findByText('Precious')).closest('.saved-row') as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: 'Delete…' }));
    fireEvent.click(within(row).getByRole('button', { name: 'Keep it' }));
    expect((await ui.api.call('webhooks.list', {})).items.map((w) => w.id)).toContain(id);
    fireEvent.click(within(row).getByRole('button', { name: 'Delete…' }));
    fireEvent.click(within(row).getByRole('button', { name: 'Delete webhook' }));
    await waitFor(() => expect(screen.queryByText('Precious')).toBeNull());
    expect((await ui.api.call('webhooks.list', {})).items.map((w) => w.id)).not.toContain(id);
  });

  it('deleting the webhook being edited turns the form into a new one with what was typed', async () => {
    await ui.api.call('webhooks.save', { name: 'Doomed', method: 'POST', url: `${target.url}/doomed` });
    mount(<SavedWebhooks />);
    const row = (await screen.findByText('Doomed')).closest('.saved-row') as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: 'Edit' }));
    fireEvent.change(screen.getByLabelText('URL'), { target: { value: `${target.url}/reborn` } });
    fireEvent.click(within(row).getByRole('button', { name: 'Delete…' }));
    fireEvent.click(within(row).getByRole('button', { name: 'Delete webhook' }));
    await screen.findByText('Add a webhook');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const saved = async () =>
      (await ui.api.call('webhooks.list', {})).items.filter((w) => w.name === 'Doomed');
    await waitFor(async () => expect((await saved()).map((w) => w.url)).toEqual([`${target.url}/reborn`]));
  });

  it('imports a webhooks file from a button in the tab order', async () => {
    mount(<SavedWebhooks />);
    const button = screen.getByRole('button', { name: 'Import JSON' });
    button.focus();
    expect(document.activeElement).toBe(button);
    const content = JSON.stringify({
      format: 'hookscope-webhooks',
      version: 1,
      webhooks: [{ name: 'Imported hook', method: 'POST', url: `${target.url}/imported` }],
    });
    const file = new File([content], 'hooks.json', { type: 'application/json' });
    fireEvent.change(screen.getByTestId('webhooks-import-file'), { target: { files: [file] } });
    await screen.findByText('Imported 1.');
    await screen.findByText('Imported hook');
  });

  it("changing the retry policy of a webhook saved with another policy's settings drops them, and shows custom", async () => {
    await ui.api.call('webhooks.save', {
      name: 'Tuned',
      method: 'POST',
      url: `${target.url}/tuned`,
      policy: 'ontraport',
      options: { ontraport: { requestsPerMinute: 30 }, timeScale: 0.5 },
    });
    await ui.api.call('webhooks.save', {
      name: 'Waits',
      method: 'POST',
      url: `${target.url}/waits`,
      policy: 'custom',
      options: { customWaitsMs: [1000] },
    });
    mount(<SavedWebhooks />);
    const edit = async (name: string) =>
      fireEvent.click(
        within((await screen.findByText(name)).closest('.saved-row') as HTMLElement).getByRole('button', {
          name: 'Edit',
        }),
      );
    await edit('Waits');
    expect((screen.getByLabelText('Retry policy') as HTMLSelectElement).value).toBe('custom');
    await edit('Tuned');
    fireEvent.change(screen.getByLabelText('Retry policy'), { target: { value: 'standard' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const saved = async () => (await ui.api.call('webhooks.list', {})).items.find((w) => w.name === 'Tuned');
    await waitFor(async () =>
      expect(await saved()).toMatchObject({ policy: 'standard', options: { timeScale: 0.5 } }),
    );
    expect((await saved())?.options).not.toHaveProperty('ontraport');
  });
});

describe('delivery log paging', () => {
  it('type filter chips say whether they are on, not only by their colour', async () => {
    mount(<DeliveryLog />);
    const manual = await screen.findByRole('button', { name: 'manual' });
    expect(manual.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(manual);
    expect(manual.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'replay' }).getAttribute('aria-pressed')).toBe('false');
  });

  /** Delivers `count` requests to `/<name>/<n>` in one bulk job: more than a page of the log when over 200. */
  async function fillLog(name: string, count: number) {
    const ids = Array.from({ length: count }, (_, i) => i + 1);
    const job = await ui.api.call('bulk.start', {
      template: { method: 'POST', url: `${target.url}/${name}/[id]`, headers: [], body: 'id=[id]' },
      rows: { content: ['id', ...ids].join('\n'), format: 'csv' },
      batchSize: 100,
      concurrency: 10,
      ratePerMinute: 600_000,
      policy: 'none',
    });
    await waitFor(async () => expect((await ui.api.call('bulk.get', { id: job.jobId })).state).toBe('done'), {
      timeout: 20_000,
    });
  }

  /** Delivers one request to `/<path>` and waits until its attempt is in the log. */
  async function deliverOne(path: string) {
    const sent = await ui.api.call('deliveries.send', {
      request: { method: 'POST', url: `${target.url}/${path}`, headers: [], bodyBase64: '' },
      policy: 'none',
      type: 'manual',
    });
    await waitFor(async () =>
      expect((await ui.api.call('deliveries.get', { id: sent.id })).attempts).toBe(1),
    );
  }

  it('a live refresh keeps the rows "Load more" brought in', async () => {
    await fillLog('paged', 230);
    mount(<DeliveryLog />);
    const table = await screen.findByRole('table', { name: 'Delivery log' });
    const rowCount = () => table.querySelectorAll('tbody tr').length;
    await waitFor(() => expect(rowCount()).toBe(200));
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    // At least this test's 230 attempts: earlier tests' attempts may add to them, but it must not need them.
    await waitFor(() => expect(rowCount()).toBeGreaterThanOrEqual(230));
    const all = rowCount();
    await ui.api.call('deliveries.send', {
      request: { method: 'POST', url: `${target.url}/after-load-more`, headers: [], bodyBase64: '' },
      policy: 'none',
      type: 'manual',
    });
    await within(table).findByText(/after-load-more/, {}, { timeout: 5000 });
    expect(rowCount()).toBe(all + 1);
  });

  it('a page "Load more" asked for under another filter is not added to the filtered list', async () => {
    await fillLog('filtered-away', 201);
    await deliverOne('only-match-for-the-filter');
    const held = heldLoadMore();
    mount(<DeliveryLog />, held.client);
    const table = await screen.findByRole('table', { name: 'Delivery log' });
    const rowCount = () => table.querySelectorAll('tbody tr').length;
    await waitFor(() => expect(rowCount()).toBe(200));
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search deliveries' }), {
      target: { value: 'only-match-for-the-filter' },
    });
    await waitFor(() => expect(rowCount()).toBe(1));
    await held.release();
    expect(rowCount()).toBe(1);
    expect(within(table).getByText(/only-match-for-the-filter/)).toBeTruthy();
  });

  it('says why "Load more" failed', async () => {
    await fillLog('load-more-fails', 201);
    const held = heldLoadMore();
    mount(<DeliveryLog />, held.client);
    const table = await screen.findByRole('table', { name: 'Delivery log' });
    await waitFor(() => expect(table.querySelectorAll('tbody tr').length).toBe(200));
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await held.release(true);
    await screen.findByText(/log page failed to load/);
  });
});

describe('waiting deliveries', () => {
  // Its own destination: the rate limit below is per origin and must not slow the other tests' target.
  const slow = useRecordingTarget();
  afterAll(async () => {
    const left = await ui.api.call('deliveries.list', {
      filter: { states: ['pending', 'held'] },
      limit: 500,
    });
    for (const d of left.items) await ui.api.call('deliveries.cancel', { id: d.id }).catch(() => undefined);
  });

  const sendSlow = (name: string) =>
    ui.api.call('deliveries.send', {
      request: { method: 'POST', url: `${slow.url}/${name}`, headers: [], bodyBase64: '' },
      policy: 'ontraport',
      ontraport: { requestsPerMinute: 1, retries: 0 },
      type: 'manual',
      name,
    });

  it('lists deliveries not attempted yet, follows the filters and updates live; one can be cancelled', async () => {
    const first = await sendSlow('wait-first');
    await waitFor(
      async () => expect((await ui.api.call('deliveries.get', { id: first.id })).attempts).toBe(1),
      {
        timeout: 5000,
      },
    );
    await sendSlow('wait-a');
    await sendSlow('wait-b');
    mount(<DeliveryLog />);
    const waiting = await screen.findByRole('table', { name: 'Waiting deliveries' }, { timeout: 5000 });
    const names = () => Array.from(waiting.querySelectorAll('tbody tr')).map((r) => r.textContent ?? '');
    await waitFor(() => expect(names().join('|')).toMatch(/wait-b.*\|.*wait-a/));
    expect(names().some((n) => n.includes('wait-first'))).toBe(false); // attempted: it is in the attempt log
    // Due since it was queued, held back by the rate limit: no time in the past as its next attempt.
    expect(names().find((n) => n.includes('wait-a'))).toContain('as soon as a slot frees');

    // State = pending still shows them (the attempt log alone would say "No deliveries yet").
    fireEvent.change(screen.getByLabelText('State'), { target: { value: 'pending' } });
    await waitFor(() => expect(names()).toHaveLength(2));
    fireEvent.change(screen.getByLabelText('Search deliveries'), { target: { value: 'wait-b' } });
    await waitFor(() => expect(names()).toHaveLength(1));
    fireEvent.change(screen.getByLabelText('Search deliveries'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('State'), { target: { value: 'succeeded' } });
    await waitFor(() => expect(screen.queryByRole('table', { name: 'Waiting deliveries' })).toBeNull());
    fireEvent.change(screen.getByLabelText('State'), { target: { value: '' } });

    // A new queued delivery shows up without a remount.
    await sendSlow('wait-c');
    const table = await screen.findByRole('table', { name: 'Waiting deliveries' });
    await within(table).findByText('wait-c', {}, { timeout: 5000 });

    // Its detail opens from the row and can cancel it; it then leaves the list.
    fireEvent.click(within(table).getByText('wait-a'));
    await screen.findByText(/No attempts yet/);
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(within(table).queryByText('wait-a')).toBeNull(), { timeout: 5000 });
    expect(document.querySelector('.delivery-detail .pill')?.textContent).toBe('cancelled');
  });

  it("shows a paused bulk send's held rows, which were never tried", async () => {
    const job = await ui.api.call('bulk.start', {
      template: { method: 'POST', url: `${slow.url}/held/[id]`, headers: [], body: 'id=[id]' },
      rows: { content: 'id\n1\n2\n3\n', format: 'csv' },
      batchSize: 100,
      concurrency: 1,
      ratePerMinute: 1,
      policy: 'none',
    });
    await ui.api.call('bulk.pause', { id: job.jobId });
    mount(<DeliveryLog />);
    fireEvent.change(screen.getByLabelText('State'), { target: { value: 'held' } });
    const table = await screen.findByRole('table', { name: 'Waiting deliveries' }, { timeout: 5000 });
    await waitFor(() =>
      expect(within(table).getAllByText('when its bulk send resumes').length).toBeGreaterThanOrEqual(2),
    );
    expect(within(table).getAllByText(/\/held\//).length).toBe(
      within(table).getAllByText('when its bulk send resumes').length,
    );
    await ui.api.call('bulk.stop', { id: job.jobId });
  });
});

describe('delivery detail', () => {
  it("shows an attempt's request and response headers and signed string as text, with copy buttons", async () => {
    const sent = await ui.api.call('deliveries.send', {
      request: {
        method: 'POST',
        url: `${target.url}/hdr`,
        headers: [['X-Req-Marker', 'req-hdr-value']],
        bodyBase64: btoa('{"a":1}'),
      },
      policy: 'none',
      type: 'manual',
      name: 'headers test',
      signing: { scheme: 'hmac', secret: 'k', signedContent: 'timestamp.body' },
    });
    await waitFor(
      async () => expect((await ui.api.call('deliveries.get', { id: sent.id })).attempts).toBe(1),
      {
        timeout: 5000,
      },
    );
    const attempt = (await ui.api.call('deliveries.get', { id: sent.id })).attemptList[0]!;
    expect(attempt.signedString).toBeTruthy();
    mount(<DeliveryLog />);
    const table = await screen.findByRole('table', { name: 'Delivery log' });
    fireEvent.click(await within(table).findByText('headers test', {}, { timeout: 5000 }));
    const toggle = await screen.findByRole('button', { name: 'Details of attempt 1' });
    fireEvent.click(toggle);
    const requestHeaders = await screen.findByLabelText('Attempt 1 request headers');
    expect(requestHeaders.textContent).toContain('X-Req-Marker: req-hdr-value');
    expect(requestHeaders.textContent).toContain(`X-Hookscope-Delivery: ${sent.uid}`);
    const responseHeaders = screen.getByLabelText('Attempt 1 response headers');
    expect(responseHeaders.textContent?.toLowerCase()).toContain(`x-resp-marker: ${HOSTILE}`.toLowerCase());
    expect(document.querySelector('img')).toBeNull(); // a hostile header value stays text
    expect(screen.getByLabelText('Attempt 1 signed string').textContent).toBe(attempt.signedString);
    for (const part of ['request headers', 'response headers', 'signed string', 'response body'])
      expect(screen.getByRole('button', { name: `Copy attempt 1 ${part}` }).textContent).toBe('Copy');
    fireEvent.click(toggle);
    expect(screen.queryByLabelText('Attempt 1 request headers')).toBeNull();
  });
  it("shows an attempt's whole stored response, and says when the engine kept only its first bytes", async () => {
    const sendTo = async (path: string, name: string) => {
      const sent = await ui.api.call('deliveries.send', {
        request: { method: 'POST', url: `${target.url}${path}`, headers: [], bodyBase64: '' },
        policy: 'none',
        type: 'manual',
        name,
      });
      await waitFor(
        async () => expect((await ui.api.call('deliveries.get', { id: sent.id })).attempts).toBe(1),
        {
          timeout: 5000,
        },
      );
    };
    await sendTo('/long', 'long answer');
    await sendTo('/huge', 'huge answer');
    mount(<DeliveryLog />);
    const table = await screen.findByRole('table', { name: 'Delivery log' });
    fireEvent.click(await within(table).findByText('long answer', {}, { timeout: 5000 }));
    fireEvent.click(await screen.findByRole('button', { name: 'Details of attempt 1' }));
    expect((await screen.findByLabelText('Attempt 1 response body')).textContent).toBe(
      `${'x'.repeat(500)} LONG-TAIL`,
    );
    expect(screen.getByText('Response body')).toBeTruthy();
    fireEvent.click(within(table).getByText('huge answer'));
    fireEvent.click(await screen.findByRole('button', { name: 'Details of attempt 1' }));
    await screen.findByText(/^Response body \(first 16.?384 of 20.?000 bytes\)$/);
  });
});
