// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { useEndpoints } from '../../../renderer/src/app/use-endpoints';
import { EndpointsPanel } from '../../../renderer/src/features/endpoints/EndpointsPanel';
import { useEngineForUi } from '../../helpers/engine-for-ui';

// A real engine (in-process transport, SQLite in a temp dir); the endpoints list follows `endpoint.changed` as the app's does.
const ui = useEngineForUi();
afterEach(cleanup);

function Endpoints() {
  return (
    <EndpointsPanel
      endpoints={useEndpoints(0)}
      receiverUrl={null}
      publicUrl={null}
      onShowCaptures={() => undefined}
    />
  );
}

/** Whether a reload would ask first (unsaved drafts are left). */
function reloadAsks(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

describe('edits set aside by Escape for an endpoint then deleted elsewhere', () => {
  it('are dropped: they can never be shown again, so a reload no longer asks for them', async () => {
    const { id } = await ui.api.call('endpoints.create', { slug: 'soon-gone', name: 'Soon gone' });
    render(
      <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
        <Endpoints />
      </ApiProvider>,
    );
    const edit = await waitFor(() => {
      const button = document.querySelector(`[data-endpoint-id="${id}"] [data-testid="endpoint-edit"]`);
      expect(button).not.toBeNull();
      return button!;
    });
    fireEvent.click(edit);
    fireEvent.change(await screen.findByTestId('endpoint-name'), { target: { value: 'Typed, not saved' } });
    fireEvent.keyDown(screen.getByTestId('endpoint-form'), { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('endpoint-form')).toBeNull());
    expect(reloadAsks()).toBe(true);

    await ui.api.call('endpoints.delete', { id });
    await waitFor(() => expect(document.querySelector(`[data-endpoint-id="${id}"]`)).toBeNull());
    expect(reloadAsks()).toBe(false);
  });
});
