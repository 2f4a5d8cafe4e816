// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { DiffView } from '../../../renderer/src/features/diff/DiffView';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { filedCaptureId } from '../../helpers/filed-capture';
import { keyedEndpoint } from '../../helpers/protected-app';
import { brokenOffCaptureId, refusedBeforeContinueCaptureId } from '../../helpers/truncated-capture';
import { rawExchange, send } from '../../helpers/raw-http';

// The diff's note on a truncated side says why its body is incomplete: cut at the size limit, broken off by its sender
// mid-body, or never sent because the request was refused before 100 Continue.
const ui = useEngineForUi();
const port = () => Number(new URL(ui.engine.receiverUrl).port);

beforeAll(async () => {
  await ui.api.call('settings.update', { bodyLimitBytes: 1024 });
  keyedEndpoint(ui, 'keyed', 'Keyed');
});
afterEach(cleanup);

async function complete(path: string) {
  await send(`${ui.engine.receiverUrl}${path}`, { method: 'POST', body: 'whole' });
  return filedCaptureId(ui.api, path);
}

/** 2 KB with its Content-Length (array-form headers alone would send it chunked), so its size is known. */
async function overLimit(path: string) {
  await send(`${ui.engine.receiverUrl}${path}`, {
    method: 'POST',
    headers: [['Content-Length', '2048']],
    body: Buffer.alloc(2048, 'a'),
  }).catch(() => undefined);
  return filedCaptureId(ui.api, path);
}

/** Sends two 1500-byte chunks (no Content-Length) over a raw socket, so the stored size is only a lower bound. */
async function chunkedOverLimit(path: string) {
  const chunk = `5dc\r\n${'a'.repeat(1500)}\r\n`;
  await rawExchange(
    port(),
    `POST ${path} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n${chunk}${chunk}0\r\n\r\n`,
  );
  return filedCaptureId(ui.api, path);
}

async function truncatedNote(leftId: number, rightId: number) {
  render(
    <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
      <DiffView leftId={leftId} rightId={rightId} onClose={() => {}} />
    </ApiProvider>,
  );
  const notes = await screen.findAllByTestId('diff-truncated');
  expect(notes).toHaveLength(1);
  return notes[0]!.textContent;
}

describe('what the diff says of a truncated side', () => {
  it('cut at the size limit', async () => {
    const id = await overLimit('/diff-cause/limit');
    expect(await truncatedNote(await complete('/diff-cause/whole-1'), id)).toBe(
      `#${id} was truncated at the size limit: only its first 1.0 KB of 2.0 KB were stored, so a difference past that cannot show here.`,
    );
  });

  it('cut at the size limit with no Content-Length: its size is only a lower bound, as the detail pane says', async () => {
    const id = await chunkedOverLimit('/diff-cause/chunked-limit');
    expect(await truncatedNote(await complete('/diff-cause/whole-4'), id)).toBe(
      `#${id} was truncated at the size limit: only its first 1.0 KB of at least 1.5 KB were stored, so a difference past that cannot show here.`,
    );
  });

  it('broken off by its sender mid-body', async () => {
    const id = await brokenOffCaptureId(ui, '/diff-cause/broke-off');
    const note = await truncatedNote(id, await complete('/diff-cause/whole-2'));
    expect(note).toBe(
      `#${id} broke off mid-body (the sender went away, or its chunking broke): only the 10 B that arrived were stored, so a difference past that cannot show here.`,
    );
  });

  it('never sent: refused before 100 Continue', async () => {
    const id = await refusedBeforeContinueCaptureId(ui, '/h/keyed/never-sent');
    expect(await truncatedNote(await complete('/diff-cause/whole-3'), id)).toBe(
      `#${id} was refused before 100 Continue, so its body was never sent: there is no body to compare.`,
    );
  });
});
