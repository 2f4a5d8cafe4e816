// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderDetailPane } from '../../helpers/detail-pane';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { receivedCaptureId } from '../../helpers/filed-capture';

// A real engine (in-process transport, receiver on port 0, SQLite in a temp dir). Node keeps only the first of two
// Content-Type headers, so the capture's type was the first, with nothing saying a second, different one was sent.
const ui = useEngineForUi();
afterEach(cleanup);

const captured = (path: string, types: string[]) =>
  receivedCaptureId(ui, path, {
    method: 'POST',
    headers: types.map((type) => ['Content-Type', type] as [string, string]),
    body: '{"a":1}',
  });

describe('a request with two different Content-Type headers', () => {
  it('is flagged as ambiguous in the Overview, naming both, and keeps its bytes', async () => {
    const id = await captured('/two-types', ['application/json', 'text/html']);
    renderDetailPane(ui.api, id, 'overview');
    const warning = await screen.findByTestId('content-type-conflict');
    expect(warning.textContent).toContain('2 different Content-Type headers');
    expect(warning.textContent).toContain('application/json, text/html');
    const d = await ui.api.call('captures.get', { id });
    expect(Buffer.from(d.bodyBase64, 'base64').toString()).toBe('{"a":1}');
  });

  it('is said in the Body tab', async () => {
    renderDetailPane(ui.api, await captured('/two-types-body', ['application/json', 'text/plain']), 'body');
    expect(await screen.findByText(/2 different Content-Type headers sent; read as the first/)).toBeTruthy();
  });

  it('is not flagged when the same type is sent twice', async () => {
    renderDetailPane(
      ui.api,
      await captured('/same-type', ['application/json', 'application/json']),
      'overview',
    );
    await screen.findByTestId('overview');
    expect(screen.queryByTestId('content-type-conflict')).toBeNull();
  });
});
