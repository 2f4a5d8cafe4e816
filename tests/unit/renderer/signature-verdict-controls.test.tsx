// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { SignatureVerdict } from '../../../renderer/src/features/detail/SignatureVerdict';
import { useEngineForUi } from '../../helpers/engine-for-ui';

const ui = useEngineForUi();
afterEach(cleanup);

// A recheck names the endpoint it used, and an endpoint's name is free text: typed, or brought in by an import.
describe('the verdict of a capture checked again against an endpoint whose name holds a right-to-left override', () => {
  it('shows the override by its code point and the control character as an escape', async () => {
    await ui.api.call('endpoints.create', {
      slug: 'verdict',
      name: 'Pay\u202eexe\u0007',
      verify: { scheme: 'github', secret: 's' },
    });
    const res = await fetch(`${ui.engine.receiverUrl}/h/verdict`, { method: 'POST', body: '{}' });
    await res.arrayBuffer();
    const id = Number(res.headers.get('x-hookscope-capture-id'));
    const verification = await ui.api.call('signing.recheck', { id });
    const detail = await ui.api.call('captures.get', { id });
    render(
      <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
        <SignatureVerdict d={detail} verification={verification} />
      </ApiProvider>,
    );
    expect(screen.getByTestId('signature-checked').textContent).toMatch(
      / with endpoint "PayU\+202Eexe\\u0007", github$/,
    );
  });
});
