// @vitest-environment happy-dom
import { cleanup, render, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { EndpointsPanel } from '../../../renderer/src/features/endpoints/EndpointsPanel';
import { useEngineForUi } from '../../helpers/engine-for-ui';

const ui = useEngineForUi();
afterEach(cleanup);

// An endpoint's name is free text: typed, or brought in by an import.
describe('the Copy buttons of an endpoint whose name holds a right-to-left override and a control character', () => {
  it('name the endpoint with the override by its code point and the control character as an escape', async () => {
    const created = await ui.api.call('endpoints.create', { name: 'Pay\u202eexe\u0007', slug: 'pay' });
    const { container } = render(
      <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
        <EndpointsPanel
          endpoints={[created]}
          receiverUrl="http://127.0.0.1:4000"
          publicUrl="https://brave-fox.loca.lt"
          onShowCaptures={() => undefined}
        />
      </ApiProvider>,
    );
    const card = container.querySelector<HTMLElement>('[data-slug="pay"]')!;
    const copies = within(card.querySelector<HTMLElement>('.endpoint-urls')!).getAllByRole('button');
    expect(copies.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Copy local URL of PayU+202Eexe\\u0007',
      'Copy public URL of PayU+202Eexe\\u0007',
    ]);
  });
});
