// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { Composer } from '../../../renderer/src/features/compose';
import { ComposeView } from '../../../renderer/src/features/compose/ComposeView';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { filedCaptureId } from '../../helpers/filed-capture';
import { send } from '../../helpers/raw-http';

// A draft sent with no Content-Type says why by where it came from: a capture that had none, or a pasted command that
// removed curl's own (`-H 'Content-Type:'`), where nothing was captured.
const ui = useEngineForUi();
afterEach(() => {
  cleanup();
  window.location.hash = '';
});

const renderIn = (view: ReactElement) =>
  render(<ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>{view}</ApiProvider>);

async function headersTabNote() {
  fireEvent.click(screen.getByRole('tab', { name: /^Headers/ }));
  return (await screen.findByTestId('compose-content-type')).textContent;
}

describe('the composer’s note on a draft sent with no Content-Type', () => {
  it('names the pasted command, not a capture, for -H "Content-Type:"', async () => {
    renderIn(<Composer />);
    fireEvent.click(screen.getByTestId('compose-paste-curl'));
    fireEvent.change(screen.getByTestId('paste-curl-input'), {
      target: { value: `curl https://example.com/hook -H 'Content-Type:' -d '{"a":1}'` },
    });
    fireEvent.click(screen.getByTestId('paste-curl-apply'));
    const preview = screen.getByTestId('preview-size').textContent;
    expect(preview).toContain('(looks like application/json; none is sent, as in the pasted command)');
    expect(preview).not.toContain('captured');
    expect(await headersTabNote()).toBe(
      'none, as in the pasted command (the body looks like application/json)',
    );
  });

  it('says "as captured" for a capture opened with none', async () => {
    await send(`${ui.engine.receiverUrl}/no-type`, { method: 'POST', body: '{"a":1}' });
    const id = await filedCaptureId(ui.api, '/no-type');
    window.location.hash = `#view=compose&capture=${id}`;
    renderIn(<ComposeView />);
    expect(
      await screen.findByText('(looks like application/json; none is sent, as captured)', { exact: false }),
    ).toBeTruthy();
    expect(await headersTabNote()).toBe('none, as captured (the body looks like application/json)');
  });
});
