import { render, screen, waitFor } from '@testing-library/react';
import { expect } from 'vitest';
import type { ApiClient } from '../../electron/shared/contract/client';
import { ApiProvider } from '../../renderer/src/api';
import { ConnectionStatus } from '../../renderer/src/api/connection';
import { DeliveryLog } from '../../renderer/src/features/deliveries';

/**
 * Sends one POST with no body to `${base}/${name}`, named `name`, for each of `names` in turn, each once it succeeded;
 * then renders the delivery log over an open connection. The log's table.
 */
export async function deliveryLogAfterSends(
  api: ApiClient,
  base: string,
  names: string[],
): Promise<HTMLElement> {
  for (const name of names) {
    const { id } = await api.call('deliveries.send', {
      request: { method: 'POST', url: `${base}/${name}`, bodyBase64: '' },
      name,
    });
    await waitFor(async () => expect((await api.call('deliveries.get', { id })).state).toBe('succeeded'));
  }
  const connection = new ConnectionStatus();
  connection.set('open');
  render(
    <ApiProvider value={{ api, connection }}>
      <DeliveryLog />
    </ApiProvider>,
  );
  return screen.findByRole('table', { name: 'Delivery log' });
}
