// @vitest-environment happy-dom
import { gzipSync } from 'node:zlib';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { ComposeView } from '../../../renderer/src/features/compose/ComposeView';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { filedCaptureId } from '../../helpers/filed-capture';
import { rawExchange } from '../../helpers/raw-http';

// "Open in composer" of a capture sent with `Transfer-Encoding: gzip, chunked`: the stored body is still gzip (the
// receiver takes off only the chunking), so the draft labels it Content-Encoding: gzip, as a replay does.
const ui = useEngineForUi();
afterEach(() => {
  cleanup();
  window.location.hash = '';
});

async function chunkedCaptureId(path: string, transferEncoding: string, body: Buffer) {
  const head =
    `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n` +
    `Transfer-Encoding: ${transferEncoding}\r\nConnection: close\r\n\r\n`;
  const chunk = Buffer.concat([
    Buffer.from(`${body.length.toString(16)}\r\n`),
    body,
    Buffer.from('\r\n0\r\n\r\n'),
  ]);
  await rawExchange(Number(new URL(ui.engine.receiverUrl).port), Buffer.concat([Buffer.from(head), chunk]));
  return filedCaptureId(ui.api, path);
}

/** The header rows the composer opened the capture with, as name: value. */
async function openedHeaders(id: number) {
  window.location.hash = `#view=compose&capture=${id}`;
  render(
    <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
      <ComposeView />
    </ApiProvider>,
  );
  fireEvent.click(await screen.findByRole('tab', { name: /^Headers/ }));
  const table = await screen.findByTestId('compose-headers');
  await within(table).findByDisplayValue('Content-Type');
  const names = within(table).getAllByLabelText(/^Header \d+$/) as HTMLInputElement[];
  const values = within(table).getAllByLabelText(/^Value \d+$/) as HTMLInputElement[];
  return names.map((name, i) => `${name.value}: ${values[i]!.value}`);
}

describe('opening a capture sent with a transfer coding in the composer', () => {
  it('labels the still-gzip body Content-Encoding: gzip and leaves out the Transfer-Encoding', async () => {
    const id = await chunkedCaptureId('/compose-te-gzip', 'gzip, chunked', gzipSync('{"a":1}'));
    const headers = await openedHeaders(id);
    expect(headers).toContain('Content-Encoding: gzip');
    expect(headers.some((h) => /^transfer-encoding:/i.test(h))).toBe(false);
  });

  it('adds nothing for plain chunked', async () => {
    const id = await chunkedCaptureId('/compose-te-chunked', 'chunked', Buffer.from('{"a":1}'));
    expect((await openedHeaders(id)).some((h) => /^content-encoding:/i.test(h))).toBe(false);
  });
});
