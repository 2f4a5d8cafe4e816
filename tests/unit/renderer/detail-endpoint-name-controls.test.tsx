// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { DetailPane } from '../../../renderer/src/features/detail/DetailPane';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { expectMarked, HOSTILE } from '../../helpers/hostile-messages-ui';

const ui = useEngineForUi();
afterEach(cleanup);

// An endpoint's name is free text: typed, or brought in by an import.
describe("the Overview of a capture whose endpoint's name holds a right-to-left override and a NUL", () => {
  it('shows both as marks in its Endpoint field', async () => {
    const endpoint = await ui.api.call('endpoints.create', { name: HOSTILE, slug: 'pay' });
    const res = await fetch(`${ui.engine.receiverUrl}${endpoint.pathPrefix}`, { method: 'POST', body: 'x' });
    await res.arrayBuffer();
    render(
      <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
        <DetailPane
          id={Number(res.headers.get('x-hookscope-capture-id'))}
          receiverUrl={ui.engine.receiverUrl}
          endpoints={new Map([[endpoint.id, endpoint]])}
          query=""
          onDelete={() => undefined}
          tab="overview"
          onTabChange={() => undefined}
        />
      </ApiProvider>,
    );
    const label = await screen.findByText('Endpoint', { selector: 'dt' });
    expectMarked(label.nextElementSibling!.textContent);
  });
});
