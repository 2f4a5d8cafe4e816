// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { EndpointsPanel } from '../../../renderer/src/features/endpoints/EndpointsPanel';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { expectMarked, HOSTILE } from '../../helpers/hostile-messages-ui';

const ui = useEngineForUi();
afterEach(cleanup);

// An endpoint's name is free text: typed, or brought in by an import.
describe('the card of an endpoint whose name holds a right-to-left override and a NUL', () => {
  it('shows both as marks in its heading', async () => {
    const created = await ui.api.call('endpoints.create', { name: HOSTILE, slug: 'pay' });
    const { container } = render(
      <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
        <EndpointsPanel
          endpoints={[created]}
          receiverUrl={null}
          publicUrl={null}
          onShowCaptures={() => undefined}
        />
      </ApiProvider>,
    );
    expectMarked(container.querySelector('[data-slug="pay"] .endpoint-name')!.textContent);
  });
});
