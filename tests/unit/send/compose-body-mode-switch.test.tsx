// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { sendInput } from '../../../electron/shared/contract/delivery';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { Composer } from '../../../renderer/src/features/compose';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { useHttpTarget } from '../../helpers/http-target';
import { recordingTransport } from '../../helpers/recording-transport';

let calls: Array<{ method: string; input: unknown }> = [];
const arrived: Buffer[] = [];
const target = useHttpTarget((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    arrived.push(Buffer.concat(chunks));
    res.end('ok');
  });
});
const ui = useEngineForUi((transport) => recordingTransport(transport, (call) => calls.push(call)));
afterEach(() => {
  cleanup();
  calls = [];
  arrived.length = 0;
});

const mount = (body: Buffer, contentType: string) =>
  render(
    <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
      <Composer
        initial={{
          method: 'POST',
          url: `${target.url}/mode-switch`,
          headers: [['Content-Type', contentType]],
          bodyBase64: body.toString('base64'),
        }}
      />
    </ApiProvider>,
  );
const mode = (m: string) => fireEvent.click(screen.getByTestId(`body-mode-${m}`));
const checked = (m: string) => (screen.getByTestId(`body-mode-${m}`) as HTMLInputElement).checked;
const sentBody = () => {
  const sent = calls.filter((c) => c.method === 'deliveries.send').map((c) => sendInput.parse(c.input));
  return Buffer.from(sent.at(-1)!.request.bodyBase64, 'base64');
};

describe('switching the body mode', () => {
  it('sends the same bytes after a text body is switched to raw and back', async () => {
    // "test" is also valid base64 (three other bytes): switching must not read the letters as base64.
    mount(Buffer.from('test'), 'text/plain');
    expect(checked('text')).toBe(true);
    mode('base64');
    expect(checked('base64')).toBe(true);
    await act(async () => fireEvent.click(screen.getByTestId('compose-send')));
    expect(sentBody().toString()).toBe('test');

    mode('json');
    expect(checked('json')).toBe(true);
    await act(async () => fireEvent.click(screen.getByTestId('compose-send')));
    expect(sentBody().toString()).toBe('test');
  });

  it('opens raw bytes that are UTF-8 as their text, not as the letters of their base64', async () => {
    const body = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x31, 0x00, 0x7d]); // '{"a":1\0}' opens raw
    mount(Buffer.from('{"a":1}'), 'application/json');
    mode('base64');
    mode('text');
    expect(checked('text')).toBe(true);
    await act(async () => fireEvent.click(screen.getByTestId('compose-send')));
    expect(sentBody().toString()).toBe('{"a":1}');
    cleanup();

    // Mixed line endings open raw; switched to Text they are that text, every line ending as it was.
    mount(Buffer.from('a\r\nb\nc\rd'), 'text/plain');
    expect(checked('base64')).toBe(true);
    mode('text');
    expect(checked('text')).toBe(true);
    await act(async () => fireEvent.click(screen.getByTestId('compose-send')));
    expect(sentBody().toString()).toBe('a\r\nb\nc\rd');
    cleanup();

    // Bytes that are not text stay raw, saying why, and go out unchanged.
    mount(body, 'application/octet-stream');
    expect(checked('base64')).toBe(true);
    mode('text');
    expect(checked('base64')).toBe(true);
    expect(screen.getByTestId('compose-body-note').textContent).toMatch(/not UTF-8 text/);
    await act(async () => fireEvent.click(screen.getByTestId('compose-send')));
    expect(sentBody()).toEqual(body);
  });
});
