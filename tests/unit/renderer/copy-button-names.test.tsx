// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { DecodedRow } from '../../../renderer/src/features/decode/DecodedTree';
import { EndpointsPanel } from '../../../renderer/src/features/endpoints/EndpointsPanel';
import { TopBar } from '../../../renderer/src/features/shell/TopBar';
import { input } from '../decode/helpers';
import { useEngineForUi } from '../../helpers/engine-for-ui';

// Each of these Copy buttons was named just "Copy" (or "Path" / "Value"): a screen reader listing the buttons heard
// several alike, none saying what it copies.

const ui = useEngineForUi();
const withApi = (node: React.ReactNode) =>
  render(<ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>{node}</ApiProvider>);

afterEach(cleanup);

describe('Copy buttons say what they copy', () => {
  it('in the top bar: the receiver URL and the public URL', async () => {
    withApi(
      <TopBar
        view="inspect"
        onView={() => undefined}
        receiverUrl="http://127.0.0.1:4000"
        publicUrl="https://brave-fox.loca.lt"
        search={null}
        paused={false}
        pendingCount={0}
        onTogglePaused={() => undefined}
        theme={{ choice: 'system', resolved: 'light', cycle: () => undefined }}
      />,
    );
    const local = within(screen.getByTestId('receiver-url')).getByRole('button');
    const pub = within(screen.getByTestId('public-url')).getByRole('button');
    expect(local).toBe(screen.getByRole('button', { name: 'Copy receiver URL' }));
    expect(pub).toBe(screen.getByRole('button', { name: 'Copy public URL' }));
    fireEvent.click(local);
    expect(await within(screen.getByTestId('receiver-url')).findByRole('status')).toHaveProperty(
      'textContent',
      'Copied',
    );
  });

  it("on an endpoint card: its local and public URLs, named by the endpoint's name", async () => {
    const created = await ui.api.call('endpoints.create', { name: 'Orders', slug: 'orders' });
    const { container } = withApi(
      <EndpointsPanel
        endpoints={[created]}
        receiverUrl="http://127.0.0.1:4000"
        publicUrl="https://brave-fox.loca.lt"
        onShowCaptures={() => undefined}
      />,
    );
    const card = container.querySelector<HTMLElement>(`[data-slug="orders"]`)!;
    const copies = within(card.querySelector<HTMLElement>('.endpoint-urls')!).getAllByRole('button');
    expect(copies.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Copy local URL of Orders',
      'Copy public URL of Orders',
    ]);
    expect(within(card).getAllByRole('status')).toHaveLength(2);
  });

  it("in the Decoded tree: a row's path and value, named by the row's key", () => {
    const body = decodeCapture(input('{"str::cn":"Ada"}')).sections[0]!;
    render(<DecodedRow node={body} depth={0} options={{ rawKeys: true, openDepth: 2 }} />);
    const row = screen.getByRole('treeitem', { name: 'str::cn: Ada' });
    expect(within(row).getByRole('button', { name: 'Copy path of str::cn' }).textContent).toBe('Path');
    expect(within(row).getByRole('button', { name: 'Copy value of str::cn' }).textContent).toBe('Value');
  });
});
