// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { Composer } from '../../../renderer/src/features/compose';
import { useEngineForUi } from '../../helpers/engine-for-ui';

// The composer against a real engine (in-process transport, real SQLite in a temp dir).
const ui = useEngineForUi();
afterEach(cleanup);

const mount = () =>
  render(
    <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
      <Composer />
    </ApiProvider>,
  );
const requestLine = () => (screen.getByTestId('preview-text').textContent ?? '').split('\n')[0];
const environmentSelect = () => screen.getByTestId('record-environment') as HTMLSelectElement;

describe('the composer with "None" chosen as its environment while one is active', () => {
  it('keeps None when the environments change elsewhere and when the view is opened again', async () => {
    const staging = await ui.api.call('environments.save', {
      name: 'staging',
      variables: { base: 'http://127.0.0.1:9/staging' },
    });
    await ui.api.call('environments.activate', { id: staging.id });

    const view = mount();
    fireEvent.change(screen.getByTestId('compose-url'), { target: { value: '{{base}}/hook' } });
    fireEvent.click(screen.getByRole('tab', { name: /Merge fields/ }));
    // Nothing chosen yet: the active environment is taken.
    await waitFor(() => expect(environmentSelect().value).toBe(String(staging.id)));
    expect(requestLine()).toBe('POST /staging/hook HTTP/1.1');

    fireEvent.change(environmentSelect(), { target: { value: '' } });
    await waitFor(() => expect(requestLine()).toBe('POST {{base}}/hook HTTP/1.1'));

    // Another window (or the API) changes the environments: the composer lists them again.
    await ui.api.call('environments.save', { name: 'other', variables: {} });
    await waitFor(() => expect(environmentSelect().querySelectorAll('option')).toHaveLength(3));
    expect(environmentSelect().value).toBe('');
    expect(requestLine()).toBe('POST {{base}}/hook HTTP/1.1');

    // Switching to another view and back mounts the composer again, with the draft and record it had.
    view.unmount();
    mount();
    fireEvent.click(screen.getByRole('tab', { name: /Merge fields/ }));
    await waitFor(() => expect(environmentSelect().querySelectorAll('option')).toHaveLength(3));
    expect(environmentSelect().value).toBe('');
    expect(requestLine()).toBe('POST {{base}}/hook HTTP/1.1');
  });
});
