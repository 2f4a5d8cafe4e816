// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { Composer } from '../../../renderer/src/features/compose';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { useRecordingTarget } from '../../helpers/recording-target';
import { recordingTransport } from '../../helpers/recording-transport';

// The composer against a real engine (in-process transport, real SQLite in a temp dir) and a real destination.
let calls: Array<{ method: string; input: unknown }> = [];
const target = useRecordingTarget();
const ui = useEngineForUi((transport) => recordingTransport(transport, (call) => calls.push(call)));
afterEach(() => {
  cleanup();
  calls = [];
});

const mount = () =>
  render(
    <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
      <Composer />
    </ApiProvider>,
  );
const url = () => screen.getByTestId('compose-url');
const bodyTab = () => screen.getByRole('tab', { name: /Body/ });

describe('composer request line', () => {
  it('the Body tab counts only the body’s unresolved fields, as the body editor does', async () => {
    mount();
    fireEvent.change(url(), { target: { value: `${target.url}/{{nowhere}}/[Nobody]` } });
    expect(bodyTab().textContent).not.toMatch(/unresolved/);
    expect(screen.getByTestId('placeholder-count').textContent).not.toMatch(/unresolved/);
  });

  it('Enter in the URL field sends, as in the replay dialog', async () => {
    mount();
    fireEvent.change(url(), { target: { value: `${target.url}/on-enter` } });
    fireEvent.keyDown(url(), { key: 'Enter' });
    await screen.findByTestId('compose-sent');
    await waitFor(() => expect(target.targets).toContain('/on-enter'));
  });

  it('Enter in the URL field never answers the warning confirmation: only "Send anyway" sends past warnings', async () => {
    mount();
    // A merge field with no value is a warning: the first Enter asks before sending.
    fireEvent.change(url(), { target: { value: `${target.url}/past-warning?name=[Not A Field]` } });
    fireEvent.keyDown(url(), { key: 'Enter' });
    await screen.findByTestId('compose-confirm');
    fireEvent.keyDown(url(), { key: 'Enter' });
    expect(screen.getByTestId('compose-confirm')).toBeTruthy();
    expect(calls.some((c) => c.method === 'deliveries.send')).toBe(false);
    fireEvent.click(screen.getByTestId('compose-confirm-send'));
    await screen.findByTestId('compose-sent');
    expect(calls.filter((c) => c.method === 'deliveries.send')).toHaveLength(1);
  });

  it('a name over 200 characters is refused up front, naming the field, and nothing is sent', async () => {
    mount();
    fireEvent.change(url(), { target: { value: `${target.url}/long-name` } });
    const name = screen.getByTestId('compose-name') as HTMLInputElement;
    expect(name.maxLength).toBe(200);
    fireEvent.change(name, { target: { value: 'n'.repeat(201) } });
    const errors = await screen.findByTestId('compose-errors');
    expect(errors.textContent).toContain('Name: at most 200 characters (this one has 201)');
    expect((screen.getByTestId('compose-send') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.keyDown(url(), { key: 'Enter' });
    expect(calls.some((c) => c.method === 'deliveries.send')).toBe(false);
  });
});
