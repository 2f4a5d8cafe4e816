// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { ReplayDialog } from '../../../renderer/src/features/detail/ReplayDialog';
import { renderDetailPane } from '../../helpers/detail-pane';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { filedCaptureId } from '../../helpers/filed-capture';
import { useHttpTarget } from '../../helpers/http-target';
import { rawExchange } from '../../helpers/raw-http';

// A real engine (in-process transport, receiver on port 0, SQLite in a temp dir) and a real target on 127.0.0.1:0.
const ui = useEngineForUi();
const targets: string[] = [];
const target = useHttpTarget((req, res) => {
  targets.push(req.url ?? '');
  req.resume().on('end', () => res.end('ok'));
});
afterEach(cleanup);

/** Sends `/path?` raw (a URL client would drop the bare `?`); the capture it became, once filed. */
async function capturedWithBareQuestionMark(path: string) {
  const port = Number(new URL(ui.engine.receiverUrl).port);
  await rawExchange(port, `GET ${path}? HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
  return ui.api.call('captures.get', { id: await filedCaptureId(ui.api, path) });
}

/** Replays to the target from the open dialog; the request target it got. */
async function replayedTarget(): Promise<string> {
  const keep = (await screen.findByTestId('replay-keep-query')) as HTMLInputElement;
  expect(keep.checked).toBe(true);
  expect(keep.parentElement!.textContent?.trim()).toBe('Keep the captured query (?)');
  fireEvent.change(screen.getByTestId('replay-url'), { target: { value: `${target.url}/x` } });
  expect(screen.getByTestId('replay-query-preview').textContent).toBe(`Sends to ${target.url}/x?`);
  const before = targets.length;
  fireEvent.click(screen.getByTestId('replay-send'));
  await waitFor(() =>
    expect(screen.getByTestId('replay-result').textContent).toMatch(/succeeded · HTTP 200/),
  );
  return targets[before]!;
}

describe('replaying a capture whose target ended in a bare ?', () => {
  it('from the detail pane, keeps the ? by default and the preview shows it', async () => {
    const d = await capturedWithBareQuestionMark('/bare-detail');
    expect(d).toMatchObject({ query: '', emptyQuery: true });
    renderDetailPane(ui.api, d.id, 'overview');
    fireEvent.click(await screen.findByTestId('replay-open'));
    expect(await replayedTarget()).toBe('/x?');
  });

  it('from the list (the dialog reads the capture), the same', async () => {
    const d = await capturedWithBareQuestionMark('/bare-list');
    render(
      <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
        <ReplayDialog captureIds={[d.id]} onClose={() => {}} />
      </ApiProvider>,
    );
    expect(await replayedTarget()).toBe('/x?');
  });
});
