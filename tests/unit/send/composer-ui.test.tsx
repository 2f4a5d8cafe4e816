// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { sendInput } from '../../../electron/shared/contract/delivery';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { Composer } from '../../../renderer/src/features/compose';
import { curlFor } from '../../../renderer/src/features/compose/PreviewPanel';
import { draftFromInitial, enabledHeaders } from '../../../renderer/src/features/compose/state';
import { buildOutgoing } from '../../../electron/shared/send/outgoing';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { useHttpTarget } from '../../helpers/http-target';
import { recordingTransport } from '../../helpers/recording-transport';

// The composer against a real engine (in-process dispatcher, real SQLite in a temp dir); calls are recorded on
// the way through so the test can check exactly what the composer asked the engine to send.
let calls: Array<{ method: string; input: unknown }>;
// A real destination on port 0 that records what arrives.
const arrived: Array<{ method: string; url: string; headers: string[]; body: Buffer }> = [];
const target = useHttpTarget((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    arrived.push({
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.rawHeaders,
      body: Buffer.concat(chunks),
    });
    res.end('ok');
  });
});
const ui = useEngineForUi((transport) => recordingTransport(transport, (call) => calls.push(call)));
afterEach(() => {
  cleanup();
  calls = [];
});
calls = [];

const mount = (props: Parameters<typeof Composer>[0] = {}) =>
  render(
    <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
      <Composer {...props} />
    </ApiProvider>,
  );
const preview = () => screen.getByTestId('preview-text').textContent ?? '';
const sendCalls = () =>
  calls.filter((c) => c.method === 'deliveries.send').map((c) => sendInput.parse(c.input));

describe('Composer', () => {
  it('fills from a pasted cURL command and previews the exact request', async () => {
    mount();
    fireEvent.click(screen.getByTestId('compose-paste-curl'));
    fireEvent.change(screen.getByTestId('paste-curl-input'), {
      target: {
        value: `curl -X PATCH 'https://example.com/hook?id=[Contact ID]' -H 'X-Trace: 1' --data-raw 'email=[Email]'`,
      },
    });
    fireEvent.click(screen.getByTestId('paste-curl-apply'));
    expect((screen.getByTestId('compose-url') as HTMLInputElement).value).toBe(
      'https://example.com/hook?id=[Contact ID]',
    );
    const text = preview();
    expect(text).toContain('PATCH /hook?id=8 HTTP/1.1');
    expect(text).toContain('Host: example.com');
    expect(text).toContain('X-Trace: 1');
    expect(text).toContain('Content-Type: application/x-www-form-urlencoded');
    expect(text).toContain('email=mary%40example.com');
  });

  it('names a cURL command it cannot read', () => {
    mount();
    fireEvent.click(screen.getByTestId('compose-paste-curl'));
    fireEvent.change(screen.getByTestId('paste-curl-input'), {
      target: { value: 'curl https://x.test -F f=@a.png' },
    });
    fireEvent.click(screen.getByTestId('paste-curl-apply'));
    expect(screen.getByTestId('paste-curl-error').textContent).toContain('option -F');
  });

  it('shows the method of a capture opened into a composer that is already open', () => {
    const capture = (method: string) => ({ method, url: `${target.url}/m`, headers: [], bodyBase64: '' });
    const view = mount({ initial: capture('GET') });
    view.rerender(
      <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
        <Composer initial={capture('PURGE')} />
      </ApiProvider>,
    );
    expect(screen.queryByTestId('compose-method')).toBeNull();
    expect((screen.getByTestId('compose-method-custom') as HTMLInputElement).value).toBe('PURGE');
    expect(preview()).toContain('PURGE /m HTTP/1.1');
  });

  it('an opened capture goes out as captured: merge fields stay off until switched on', async () => {
    const captured = '{"text":"Reply to [Email] or see [docs]","id":"[Contact ID]"}';
    mount({
      initial: {
        method: 'POST',
        url: `${target.url}/as-captured?id=[Contact ID]`,
        headers: [['Content-Type', 'application/json']],
        bodyBase64: Buffer.from(captured).toString('base64'),
      },
    });
    expect(screen.getByTestId('compose-merge-off').textContent).toContain('Merge fields are off');
    expect(preview()).toContain(captured);
    await act(async () => fireEvent.click(screen.getByTestId('compose-send')));
    expect(screen.queryByTestId('compose-confirm')).toBeNull();
    const [sent] = sendCalls();
    expect(sent?.request.url).toBe(`${target.url}/as-captured?id=[Contact ID]`);
    expect(Buffer.from(sent!.request.bodyBase64, 'base64').toString()).toBe(captured);
    await waitFor(() => expect(screen.getByTestId('compose-sent').textContent).toContain('HTTP 200'), {
      timeout: 10_000,
    });

    fireEvent.click(screen.getByTestId('compose-merge-on'));
    expect(screen.queryByTestId('compose-merge-off')).toBeNull();
    expect(preview()).toContain('"text":"Reply to mary@example.com or see [docs]","id":"8"');
  });

  it('previews the Authorization header that credentials in the URL become, as it goes out', async () => {
    mount({ initial: { method: 'POST', url: `${target.url}/cred`, headers: [], bodyBase64: '' } });
    fireEvent.change(screen.getByTestId('compose-url'), {
      target: { value: target.url.replace('http://', 'http://al%40ice:p%3Ass@') + '/cred2' },
    });
    const expected = `Basic ${Buffer.from('al@ice:p:ss').toString('base64')}`;
    expect(preview()).toContain(`Authorization: ${expected}`);
    await act(async () => fireEvent.click(screen.getByTestId('compose-send')));
    const [sent] = sendCalls();
    expect(sent?.request.url).toBe(`${target.url}/cred2`);
    await waitFor(() => expect(arrived.some((r) => r.url === '/cred2')).toBe(true), { timeout: 10_000 });
    const got = arrived.find((r) => r.url === '/cred2')!;
    expect(got.headers[got.headers.findIndex((h) => h.toLowerCase() === 'authorization') + 1]).toBe(expected);
  });

  it('blocks sending on an invalid URL, naming it', () => {
    mount({ initial: { method: 'POST', url: 'ftp://x.test', headers: [], bodyBase64: '' } });
    expect(screen.getByTestId('compose-errors').textContent).toContain('URL scheme "ftp" is not supported');
    expect((screen.getByTestId('compose-send') as HTMLButtonElement).disabled).toBe(true);
  });

  it('asks for confirmation before sending unresolved merge fields, then delivers exactly the preview', async () => {
    const body = Buffer.from('{"company":"[Company]","email":"[Email]"}').toString('base64');
    mount({
      initial: {
        method: 'POST',
        url: `${target.url}/hook?id=[Contact ID]`,
        headers: [
          ['Content-Length', '5'],
          ['X-A', 'b'],
        ],
        bodyBase64: body,
      },
    });
    fireEvent.click(screen.getByTestId('compose-merge-on'));
    fireEvent.click(screen.getByTestId('compose-send'));
    expect(screen.getByTestId('compose-confirm').textContent).toContain('unresolved: [Company]');
    expect(sendCalls()).toEqual([]);
    await act(async () => fireEvent.click(screen.getByTestId('compose-confirm-send')));
    const expectedBody = '{"company":"[Company]","email":"mary@example.com"}';
    const [sent] = sendCalls();
    expect(sent?.request).toEqual({
      method: 'POST',
      url: `${target.url}/hook?id=8`,
      // The capture had no Content-Type: it goes out with none, as captured.
      headers: [['X-A', 'b']],
      bodyBase64: Buffer.from(expectedBody).toString('base64'),
    });
    expect(sent?.type).toBe('manual');
    // The engine delivers it to the real server, and the composer follows the delivery to its outcome.
    await waitFor(() => expect(screen.getByTestId('compose-sent').textContent).toContain('HTTP 200'), {
      timeout: 10_000,
    });
    const request = arrived.find((r) => r.url === '/hook?id=8');
    expect(request?.body.toString()).toBe(expectedBody);
    expect(request?.headers).toEqual(expect.arrayContaining(['X-A', 'b', 'X-Hookscope-Delivery']));
    expect(request?.headers.map((h) => h.toLowerCase())).not.toContain('content-type');
  });

  it('a pasted UTF-8 header value is edited as its text and sent as the same UTF-8 bytes curl would send', async () => {
    mount();
    fireEvent.click(screen.getByTestId('compose-paste-curl'));
    fireEvent.change(screen.getByTestId('paste-curl-input'), {
      target: { value: `curl '${target.url}/utf8-header' -H 'X-Name: café ✓' --data-raw 'a=1'` },
    });
    fireEvent.click(screen.getByTestId('paste-curl-apply'));
    fireEvent.click(screen.getByRole('tab', { name: /Headers/ }));
    expect(screen.getAllByDisplayValue('café ✓')).toHaveLength(1);
    await act(async () => fireEvent.click(screen.getByTestId('compose-send')));
    await waitFor(() => expect(arrived.some((r) => r.url === '/utf8-header')).toBe(true), {
      timeout: 10_000,
    });
    const got = arrived.find((r) => r.url === '/utf8-header')!;
    const value = got.headers[got.headers.findIndex((h) => h.toLowerCase() === 'x-name') + 1]!;
    expect(Buffer.from(value, 'latin1').toString('utf8')).toBe('café ✓');
  });

  it('an opened capture keeps its header bytes: Latin-1 stays Latin-1, an edited value goes out as UTF-8', async () => {
    mount({
      initial: {
        method: 'POST',
        url: `${target.url}/latin1-header`,
        // Stored as Node reads them: one character per byte. E9 alone is Latin-1; C3 A9 is UTF-8 é.
        headers: [
          ['X-Latin1', 'caf\xe9'],
          ['X-Utf8', 'caf\xc3\xa9'],
          ['X-Edited', 'caf\xe9'],
        ],
        bodyBase64: '',
      },
    });
    fireEvent.click(screen.getByRole('tab', { name: /Headers/ }));
    fireEvent.change(screen.getByLabelText('Value 3'), { target: { value: 'café!' } });
    await act(async () => fireEvent.click(screen.getByTestId('compose-send')));
    await waitFor(() => expect(arrived.some((r) => r.url === '/latin1-header')).toBe(true), {
      timeout: 10_000,
    });
    const got = arrived.find((r) => r.url === '/latin1-header')!;
    const bytes = (name: string) =>
      Buffer.from(got.headers[got.headers.findIndex((h) => h === name) + 1]!, 'latin1').toString('hex');
    expect(bytes('X-Latin1')).toBe('636166e9');
    expect(bytes('X-Utf8')).toBe('636166c3a9');
    expect(bytes('X-Edited')).toBe('636166c3a921');
  });

  it('an opened capture leaves out the same connection-bound headers replay does (Proxy-*, those Connection names)', () => {
    const draft = draftFromInitial({
      method: 'POST',
      url: `${target.url}/hop`,
      headers: [
        ['Host', 'x'],
        ['Connection', 'close, X-Hop'],
        ['X-Hop', '1'],
        ['Proxy-Authorization', 'Basic abc'],
        ['X-Keep', 'yes'],
        ['Content-Length', '0'],
      ],
      bodyBase64: '',
    });
    expect(enabledHeaders(draft.headers)).toEqual([['X-Keep', 'yes']]);
  });

  it('Copy as cURL writes the captured bytes of an unchanged header, as the composer sends them', () => {
    const draft = draftFromInitial({
      method: 'GET',
      url: `${target.url}/c`,
      headers: [['X-Latin1', 'caf\xe9']],
      bodyBase64: '',
    });
    const built = buildOutgoing({ ...draft, headers: enabledHeaders(draft.headers) }, {});
    expect(curlFor(built, [], draft.headers)).toContain(String.raw`$'X-Latin1: caf\xe9'`);
  });

  it('the data-file Row field can be emptied and retyped: Backspace then 5 is row 5, not 15', async () => {
    mount();
    fireEvent.click(screen.getByRole('tab', { name: /Merge fields/ }));
    fireEvent.click(screen.getByTestId('record-source-file'));
    const csv = ['Email', ...Array.from({ length: 20 }, (_, i) => `row${i + 1}@example.com`)].join('\n');
    await act(async () => {
      fireEvent.change(screen.getByTestId('record-file'), {
        target: { files: [new File([csv], 'contacts.csv', { type: 'text/csv' })] },
      });
    });
    const input = await waitFor(() => screen.getByTestId('record-row') as HTMLInputElement);
    // What a keystroke does: the field's text plus the key.
    fireEvent.change(input, { target: { value: '' } });
    expect(input.value).toBe('');
    expect(screen.getByTestId('record-row-error').textContent).toContain('enter a whole number from 1 to 20');
    fireEvent.change(input, { target: { value: `${input.value}5` } });
    expect(input.value).toBe('5');
    expect(screen.getByTestId('record-fields').textContent).toContain('row5@example.com');
    // Out of range is clamped when the field is left, not while typing.
    fireEvent.change(input, { target: { value: '99' } });
    expect(screen.getByTestId('record-fields').textContent).toContain('row5@example.com');
    fireEvent.blur(input);
    expect(input.value).toBe('20');
    expect(screen.getByTestId('record-fields').textContent).toContain('row20@example.com');
    // The composer remembers its record between mounts; later tests use the variables.
    fireEvent.click(screen.getByTestId('record-source-variables'));
  });

  it('marks the bad header row itself when a disabled row is above it', () => {
    mount({
      initial: {
        method: 'POST',
        url: `${target.url}/bad-header`,
        headers: [
          ['X-Off', 'a'],
          ['X-Fine', 'b'],
          ['Bad Name', 'c'],
        ],
        bodyBase64: '',
      },
    });
    fireEvent.click(screen.getByRole('tab', { name: /Headers/ }));
    fireEvent.click(screen.getByLabelText('Send X-Off'));
    const rows = screen.getByTestId('compose-headers').querySelectorAll('tbody tr:not(.pairs-new)');
    expect([...rows].map((r) => r.classList.contains('pairs-error'))).toEqual([false, false, true]);
    expect(rows[2]!.getAttribute('title')).toContain('"Bad Name"');
  });

  it("sends Ontraport's requests per minute and retries with the Ontraport policy", async () => {
    mount({
      initial: {
        method: 'POST',
        url: `${target.url}/ontraport-settings`,
        headers: [],
        bodyBase64: Buffer.from('a=1').toString('base64'),
      },
    });
    expect(screen.queryByTestId('compose-ontraport-rate')).toBeNull();
    fireEvent.change(screen.getByTestId('compose-policy'), { target: { value: 'ontraport' } });
    const rate = screen.getByTestId('compose-ontraport-rate') as HTMLInputElement;
    expect(rate.value).toBe('60');
    expect((screen.getByTestId('compose-ontraport-retries') as HTMLInputElement).value).toBe('3');
    fireEvent.change(rate, { target: { value: '' } });
    expect(rate.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(rate, { target: { value: '120' } });
    fireEvent.change(screen.getByTestId('compose-ontraport-retries'), { target: { value: '5' } });
    await act(async () => fireEvent.click(screen.getByTestId('compose-send')));
    const [sent] = sendCalls();
    expect(sent?.policy).toBe('ontraport');
    expect(sent?.ontraport).toEqual({ requestsPerMinute: 120, retries: 5 });
    await waitFor(() => expect(screen.getByTestId('compose-sent').textContent).toContain('HTTP 200'), {
      timeout: 10_000,
    });
  });

  it('explains the loop guard when the target is this app, and sends on explicit override', async () => {
    mount({
      initial: {
        method: 'POST',
        url: `${ui.engine.receiverUrl}/h/loop`,
        headers: [],
        bodyBase64: Buffer.from('{"a":1}').toString('base64'),
      },
    });
    await act(async () => fireEvent.click(screen.getByTestId('compose-send')));
    const loop = await screen.findByTestId('compose-loop');
    expect(loop.textContent?.length).toBeGreaterThan(20);
    expect(loop.textContent).not.toContain('allowLoop');
    expect(sendCalls()).toHaveLength(1);
    await act(async () => fireEvent.click(screen.getByTestId('compose-loop-override')));
    expect(sendCalls()[1]?.allowLoop).toBe(true);
    await waitFor(() => expect(screen.getByTestId('compose-sent').textContent).toContain('HTTP 200'), {
      timeout: 10_000,
    });
    const { items } = await ui.api.call('captures.list', { limit: 5 });
    expect(items.some((c) => c.path === '/h/loop')).toBe(true);
  });

  it('shows the exact signed string from the engine for a signing scheme', async () => {
    mount({
      initial: {
        method: 'POST',
        url: 'https://example.com/',
        headers: [],
        bodyBase64: Buffer.from('{"a":1}').toString('base64'),
      },
    });
    fireEvent.click(screen.getByRole('tab', { name: /Signing/ }));
    fireEvent.change(screen.getByTestId('signing-scheme'), { target: { value: 'stripe' } });
    expect((await screen.findByTestId('signing-error')).textContent).toContain(
      'secret: a secret is required',
    );
    fireEvent.change(screen.getByTestId('signing-secret'), { target: { value: 'demo' } });
    await waitFor(() => expect(screen.getByTestId('signed-string').textContent).toMatch(/^\d+\.\{"a":1\}$/), {
      timeout: 3000,
    });
    expect(preview()).toMatch(/Stripe-Signature: t=\d+,v1=[0-9a-f]{64}/);
  });

  it('applies the Ontraport API-key preset as headers', () => {
    mount({
      initial: { method: 'GET', url: 'https://api.ontraport.com/1/Contacts', headers: [], bodyBase64: '' },
    });
    fireEvent.click(screen.getByRole('tab', { name: /Auth/ }));
    fireEvent.click(screen.getByTestId('auth-preset-ontraport'));
    fireEvent.change(screen.getByLabelText('Key value 1'), { target: { value: '2_123' } });
    fireEvent.change(screen.getByLabelText('Key value 2'), { target: { value: 'secret-key' } });
    expect(preview()).toContain('Api-Appid: 2_123');
    expect(preview()).toContain('Api-Key: secret-key');
  });

  it('fills from an emulator with the platform policy', () => {
    mount();
    fireEvent.click(screen.getByTestId('compose-emulate'));
    fireEvent.change(screen.getByTestId('emulator-kind'), { target: { value: 'ontraport-sub_tag' } });
    fireEvent.change(screen.getByTestId('emulator-format'), { target: { value: 'lightweight' } });
    fireEvent.click(screen.getByTestId('emulator-apply'));
    expect((screen.getByTestId('compose-policy') as HTMLSelectElement).value).toBe('ontraport');
    expect(preview()).toContain('event%5Btype%5D=sub_tag');
    expect(preview()).toContain('data%5Bfirstname%5D=Mary');
  });

  it('emulates the subscription for the tag or form id given, and refuses one that is not an id', () => {
    mount();
    fireEvent.click(screen.getByTestId('compose-emulate'));
    fireEvent.change(screen.getByTestId('emulator-kind'), { target: { value: 'ontraport-unsub_tag' } });
    fireEvent.change(screen.getByTestId('emulator-target-id'), { target: { value: '4x' } });
    expect(screen.getByTestId('emulator-target-error').textContent).toBe(
      'Tag ID: enter a positive whole number',
    );
    expect((screen.getByTestId('emulator-apply') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByTestId('emulator-target-id'), { target: { value: '17' } });
    fireEvent.click(screen.getByTestId('emulator-apply'));
    expect(preview()).toContain('event%5Btag_id%5D=17');

    fireEvent.click(screen.getByTestId('compose-emulate'));
    fireEvent.change(screen.getByTestId('emulator-kind'), {
      target: { value: 'ontraport-object_submits_form' },
    });
    fireEvent.change(screen.getByTestId('emulator-target-id'), { target: { value: '31' } });
    fireEvent.click(screen.getByTestId('emulator-apply'));
    expect(preview()).toContain('event%5Bform_id%5D=31');
  });

  it("keeps the user's own headers when an emulator fills the composer, replacing only those it sets", async () => {
    mount({
      initial: {
        method: 'POST',
        url: `${target.url}/keeps-headers`,
        headers: [
          ['X-Api-Key', 'k-123'],
          ['content-type', 'text/plain'],
        ],
        bodyBase64: '',
      },
    });
    fireEvent.click(screen.getByTestId('compose-emulate'));
    fireEvent.change(screen.getByTestId('emulator-kind'), { target: { value: 'ortto-activity' } });
    fireEvent.click(screen.getByTestId('emulator-apply'));
    fireEvent.click(screen.getByTestId('compose-emulate'));
    fireEvent.change(screen.getByTestId('emulator-kind'), { target: { value: 'ontraport-sub_tag' } });
    fireEvent.click(screen.getByTestId('emulator-apply'));
    expect(preview()).toContain('X-Api-Key: k-123');
    await act(async () => fireEvent.click(screen.getByTestId('compose-send')));
    expect(sendCalls()[0]?.request.headers).toEqual([
      ['X-Api-Key', 'k-123'],
      ['Content-Type', 'application/x-www-form-urlencoded'],
    ]);
    await waitFor(() => expect(arrived.some((r) => r.url === '/keeps-headers')).toBe(true), {
      timeout: 10_000,
    });
  });

  it('an emulator that sends no Content-Type (blank Ping post data) does not keep the one picked before', async () => {
    mount({ initial: { method: 'POST', url: `${target.url}/blank-ping`, headers: [], bodyBase64: '' } });
    fireEvent.click(screen.getByTestId('compose-emulate'));
    fireEvent.change(screen.getByTestId('emulator-kind'), { target: { value: 'ortto-activity' } });
    fireEvent.click(screen.getByTestId('emulator-apply'));
    fireEvent.click(screen.getByTestId('compose-emulate'));
    fireEvent.change(screen.getByTestId('emulator-kind'), { target: { value: 'ontraport-ping' } });
    fireEvent.change(screen.getByTestId('emulator-post-data'), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('emulator-apply'));
    await act(async () => fireEvent.click(screen.getByTestId('compose-send')));
    expect(sendCalls()[0]?.request).toMatchObject({ headers: [], bodyBase64: '' });
  });

  it('names the request after the emulator last picked, but keeps a name the user typed', () => {
    mount({ initial: { method: 'POST', url: `${target.url}/named`, headers: [], bodyBase64: '' } });
    const name = () => (screen.getByTestId('compose-name') as HTMLInputElement).value;
    const emulate = (kind: string) => {
      fireEvent.click(screen.getByTestId('compose-emulate'));
      fireEvent.change(screen.getByTestId('emulator-kind'), { target: { value: kind } });
      fireEvent.click(screen.getByTestId('emulator-apply'));
    };
    emulate('ortto-activity');
    expect(name()).toMatch(/^Ortto activity webhook/);
    emulate('ontraport-sub_tag');
    expect(name()).toMatch(/^Ontraport API subscription sub_tag/);
    fireEvent.change(screen.getByTestId('compose-name'), { target: { value: 'CRM smoke test' } });
    emulate('ortto-journey');
    expect(name()).toBe('CRM smoke test');
  });

  it('names an Ontraport setting it cannot use and says which value is sent instead', async () => {
    mount({ initial: { method: 'POST', url: `${target.url}/ontraport-rate`, headers: [], bodyBase64: '' } });
    fireEvent.change(screen.getByTestId('compose-policy'), { target: { value: 'ontraport' } });
    fireEvent.change(screen.getByTestId('compose-ontraport-rate'), { target: { value: '0' } });
    expect(screen.getByTestId('compose-ontraport-rate-error').textContent).toBe(
      ' Requests / min: enter a whole number from 1 to 100,000; 60 is sent',
    );
    fireEvent.change(screen.getByTestId('compose-ontraport-retries'), { target: { value: '7' } });
    fireEvent.change(screen.getByTestId('compose-ontraport-rate'), { target: { value: '30' } });
    expect(screen.queryByTestId('compose-ontraport-rate-error')).toBeNull();
    await act(async () => fireEvent.click(screen.getByTestId('compose-send')));
    expect(sendCalls()[0]?.ontraport).toEqual({ requestsPerMinute: 30, retries: 7 });
  });

  it('the emulator picker takes the focus, closes on Escape, and gives the focus back to its button', () => {
    mount({ initial: { method: 'POST', url: `${target.url}/focus`, headers: [], bodyBase64: '' } });
    const button = screen.getByTestId('compose-emulate');
    fireEvent.click(button);
    expect(document.activeElement).toBe(screen.getByTestId('emulator-kind'));
    fireEvent.keyDown(screen.getByTestId('emulator-kind'), { key: 'Escape' });
    expect(screen.queryByTestId('emulator-picker')).toBeNull();
    expect(document.activeElement).toBe(button);
    fireEvent.click(button);
    fireEvent.click(screen.getByTestId('emulator-apply'));
    expect(screen.queryByTestId('emulator-picker')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it("merges the record into an emulator's body once: a value that reads like a merge field stays as it is", async () => {
    mount();
    fireEvent.change(screen.getByTestId('compose-url'), {
      target: { value: `${target.url}/merged-once?who=[Email]` },
    });
    // The composer keeps its draft between mounts; an earlier test opened a capture, which turns merging off.
    const mergeOn = screen.queryByTestId('compose-merge-on');
    if (mergeOn) fireEvent.click(mergeOn);
    fireEvent.click(screen.getByRole('tab', { name: /Merge fields/ }));
    fireEvent.click(screen.getByTestId('record-source-file'));
    await act(async () => {
      fireEvent.change(screen.getByTestId('record-file'), {
        target: {
          files: [new File(['first_name,email\n[Email],ada@example.com\n'], 'c.csv', { type: 'text/csv' })],
        },
      });
    });
    await waitFor(() => expect(screen.getByTestId('record-fields').textContent).toContain('ada@example.com'));
    fireEvent.click(screen.getByTestId('compose-emulate'));
    fireEvent.change(screen.getByTestId('emulator-kind'), { target: { value: 'ontraport-ping' } });
    fireEvent.change(screen.getByTestId('emulator-encoding'), { target: { value: 'json' } });
    fireEvent.click(screen.getByTestId('emulator-apply'));
    const body = JSON.parse(screen.getByTestId('preview-body').textContent ?? '') as Record<string, string>;
    expect(body).toMatchObject({ firstname: '[Email]', email: 'ada@example.com' });
    // The URL is still merged.
    expect(preview()).toContain('who=ada%40example.com');
    // The composer remembers its record between mounts; later tests use the variables.
    fireEvent.click(screen.getByRole('tab', { name: /Merge fields/ }));
    fireEvent.click(screen.getByTestId('record-source-variables'));
  });

  it("the emulator picker takes the Ontraport ping's post data and fills its merge fields", async () => {
    mount({ initial: { method: 'POST', url: `${target.url}/ping-post-data`, headers: [], bodyBase64: '' } });
    fireEvent.click(screen.getByRole('tab', { name: /Merge fields/ }));
    fireEvent.click(screen.getByTestId('record-source-file'));
    await act(async () => {
      fireEvent.change(screen.getByTestId('record-file'), {
        target: { files: [new File(['id,email\n31,ada@example.com\n'], 'c.csv', { type: 'text/csv' })] },
      });
    });
    await waitFor(() => expect(screen.getByTestId('record-fields').textContent).toContain('ada@example.com'));
    fireEvent.click(screen.getByTestId('compose-emulate'));
    fireEvent.change(screen.getByTestId('emulator-kind'), { target: { value: 'ontraport-ping' } });
    fireEvent.change(screen.getByTestId('emulator-post-data'), {
      target: { value: 'Email=[Email]&contact_id=[Contact ID]&source=hookscope' },
    });
    fireEvent.click(screen.getByTestId('emulator-apply'));
    expect(screen.getByTestId('preview-body').textContent).toBe(
      'Email=ada%40example.com&contact_id=31&source=hookscope',
    );
    fireEvent.click(screen.getByRole('tab', { name: /Merge fields/ }));
    fireEvent.click(screen.getByTestId('record-source-variables'));
  });

  it('the emulator picker says when it uses a built-in contact because the sample record is empty', () => {
    mount({ initial: { method: 'POST', url: `${target.url}/no-record`, headers: [], bodyBase64: '' } });
    fireEvent.click(screen.getByTestId('compose-emulate'));
    const picker = () => screen.getByTestId('emulator-picker').textContent;
    expect(picker()).toContain('The sample record is used as the contact');
    fireEvent.click(screen.getByRole('tab', { name: /Merge fields/ }));
    // No capture loaded yet (an earlier test loads a data file, and the composer remembers its record).
    fireEvent.click(screen.getByTestId('record-source-capture'));
    expect(picker()).toContain('The sample record is empty, so a built-in example contact is used');
    expect(picker()).not.toContain('The sample record is used');
    fireEvent.click(screen.getByTestId('record-source-variables'));
  });

  it('an emulated Ping fills its URL from the same contact as its post data, the built-in one included', () => {
    const url = `${target.url}/wpf?wpf_action=update&contact_id=[Contact ID]&fax=[Fax]`;
    mount({ initial: { method: 'POST', url, headers: [], bodyBase64: '' } });
    fireEvent.click(screen.getByRole('tab', { name: /Merge fields/ }));
    fireEvent.click(screen.getByTestId('record-source-capture'));
    fireEvent.click(screen.getByTestId('compose-emulate'));
    fireEvent.change(screen.getByTestId('emulator-kind'), { target: { value: 'ontraport-ping' } });
    fireEvent.click(screen.getByTestId('emulator-apply'));
    expect(preview()).toContain('contact_id=8');
    expect((screen.getByTestId('compose-url') as HTMLInputElement).value).toBe(
      `${target.url}/wpf?wpf_action=update&contact_id=8&fax=`,
    );
    fireEvent.click(screen.getByRole('tab', { name: /Merge fields/ }));
    fireEvent.click(screen.getByTestId('record-source-variables'));
  });

  it("an emulated Ping fills the post data's {{variables}} from the chosen environment", async () => {
    const env = await ui.api.call('environments.save', { name: 'ping-keys', variables: { apiKey: 'k-77' } });
    mount({ initial: { method: 'POST', url: `${target.url}/ping-env`, headers: [], bodyBase64: '' } });
    fireEvent.click(screen.getByRole('tab', { name: /Merge fields/ }));
    await waitFor(() => expect(screen.getByText('ping-keys')).toBeTruthy());
    fireEvent.change(screen.getByTestId('record-environment'), { target: { value: String(env.id) } });
    fireEvent.click(screen.getByTestId('compose-emulate'));
    fireEvent.change(screen.getByTestId('emulator-kind'), { target: { value: 'ontraport-ping' } });
    fireEvent.change(screen.getByTestId('emulator-post-data'), {
      target: { value: 'Api-Key={{apiKey}}&email=[Email]' },
    });
    fireEvent.click(screen.getByTestId('emulator-apply'));
    expect(preview()).toContain('Api-Key=k-77&email=mary%40example.com');
    fireEvent.click(screen.getByRole('tab', { name: /Merge fields/ }));
    fireEvent.change(screen.getByTestId('record-environment'), { target: { value: '' } });
    await ui.api.call('environments.delete', { id: env.id });
  });

  it('resolves merge fields from a captured payload', async () => {
    // undici, not the page's fetch: happy-dom would apply CORS to a request the test makes as a sender.
    const res = await request(`${ui.engine.receiverUrl}/h/from-ontraport`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'data%5Bid%5D=42&data%5Bfirstname%5D=Ada&data%5Bemail%5D=ada%40example.com',
    });
    await res.body.dump();
    const id = String(res.headers['x-hookscope-capture-id']);
    mount({
      initial: {
        method: 'POST',
        url: 'https://example.com/?contact_id=[Contact ID]',
        headers: [],
        bodyBase64: Buffer.from('name=[First Name]').toString('base64'),
      },
    });
    fireEvent.click(screen.getByTestId('compose-merge-on'));
    fireEvent.click(screen.getByRole('tab', { name: /Merge fields/ }));
    fireEvent.click(screen.getByTestId('record-source-capture'));
    fireEvent.change(screen.getByTestId('record-capture-id'), { target: { value: id } });
    await act(async () => fireEvent.click(screen.getByTestId('record-capture-load')));
    await waitFor(() => expect(preview()).toContain('POST /?contact_id=42 HTTP/1.1'));
    expect(preview()).toContain('name=Ada');
  });
});
