// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { ReplayDialog } from '../../../renderer/src/features/detail/ReplayDialog';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { harOf } from '../../helpers/har';

afterEach(cleanup);

const test = useEngineForUi();

/** A multipart entry whose type is in postData.mimeType only: the boundary is in the body's first line. */
const har = harOf({
  path: '/form',
  postData: {
    mimeType: 'multipart/form-data',
    text: '--XyZ123\r\nContent-Disposition: form-data; name="email"\r\n\r\na@b.co\r\n--XyZ123--\r\n',
  },
});

describe('the replay dialog opened from the list, for an imported multipart capture', () => {
  it('notes the Content-Type the replay sends, boundary included, though it reads no body', async () => {
    expect((await test.api.call('captures.importHar', { har })).imported).toBe(1);
    const [capture] = (await test.api.call('captures.list', { limit: 1 })).items;

    render(
      <ApiProvider value={{ api: test.api, connection: new ConnectionStatus() }}>
        <ReplayDialog captureIds={[capture!.id]} onClose={() => undefined} />
      </ApiProvider>,
    );
    await waitFor(() =>
      expect(screen.getByTestId('replay-har-content-type').textContent).toContain(
        'Content-Type: multipart/form-data; boundary=XyZ123',
      ),
    );
  });
});
