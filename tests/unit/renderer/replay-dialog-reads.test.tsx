// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { ReplayDialog } from '../../../renderer/src/features/detail/ReplayDialog';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { harOf } from '../../helpers/har';
import { recordingTransport } from '../../helpers/recording-transport';

afterEach(cleanup);

const calls: Array<{ method: string; input: unknown }> = [];
const test = useEngineForUi((transport) => recordingTransport(transport, (call) => calls.push(call)));

/** Two HAR entries: one with a query, one whose type is in postData.mimeType only (the dialog notes both). */
const har = harOf(
  {
    path: '/with-query?contact_id=7',
    headers: [{ name: 'Content-Type', value: 'application/json' }],
    postData: { mimeType: 'application/json', text: '{}' },
  },
  { path: '/mime-only', postData: { mimeType: 'application/json', text: '{}' } },
);

describe('the replay dialog opened from the list', () => {
  it('reads each selected capture once', async () => {
    expect((await test.api.call('captures.importHar', { har })).imported).toBe(2);
    const ids = (await test.api.call('captures.list', { limit: 10 })).items
      .map((c) => c.id)
      .sort((a, b) => a - b);
    expect(ids).toHaveLength(2);
    calls.length = 0;

    render(
      <ApiProvider value={{ api: test.api, connection: new ConnectionStatus() }}>
        <ReplayDialog captureIds={ids} onClose={() => undefined} />
      </ApiProvider>,
    );
    // Both notes need a capture read: the query (the first) and the HAR's type (the second, read last).
    await waitFor(() =>
      expect(screen.getByTestId('replay-har-content-type').textContent).toContain('application/json'),
    );
    expect(screen.getByTestId('replay-keep-query')).toBeTruthy();

    const reads = calls.filter((c) => c.method === 'captures.get').map((c) => (c.input as { id: number }).id);
    expect(reads.sort((a, b) => a - b)).toEqual(ids);
  });
});
