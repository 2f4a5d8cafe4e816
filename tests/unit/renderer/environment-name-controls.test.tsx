// @vitest-environment happy-dom
import { render, screen } from '@testing-library/react';
import { describe, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { EnvironmentsEditor } from '../../../renderer/src/features/deliveries/EnvironmentsEditor';
import { expectMarked, HOSTILE, useHostileEngineForUi } from '../../helpers/hostile-messages-ui';

const { ui } = useHostileEngineForUi();
const nothing = () => undefined;
const inApi = ({ children }: { children: React.ReactNode }) => (
  <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>{children}</ApiProvider>
);

// An environment's name is free text (any characters up to 200), typed here or by another client.
describe('an environment whose name holds a right-to-left override and a NUL', () => {
  it('is quoted with both shown as marks when another client deletes it while it is edited', async () => {
    const env = await ui.api.call('environments.save', { name: HOSTILE, variables: {} });
    await ui.api.call('environments.activate', { id: env.id });
    const { items } = await ui.api.call('environments.list', {});
    const { rerender } = render(
      <EnvironmentsEditor environments={items} onChanged={nothing} onClose={nothing} />,
      {
        wrapper: ({ children }) => (
          <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>{children}</ApiProvider>
        ),
      },
    );
    await ui.api.call('environments.delete', { id: env.id });
    rerender(<EnvironmentsEditor environments={[]} onChanged={nothing} onClose={nothing} />);
    expectMarked((await screen.findByTestId('environment-deleted-elsewhere')).textContent);
  });

  it('is listed with both written as escapes in the picker', async () => {
    const env = await ui.api.call('environments.save', { name: `Picked ${HOSTILE}`, variables: {} });
    const { items } = await ui.api.call('environments.list', {});
    render(<EnvironmentsEditor environments={items} onChanged={nothing} onClose={nothing} />, {
      wrapper: inApi,
    });
    const picker = screen.getByLabelText<HTMLSelectElement>('Environment to edit');
    expectMarked([...picker.options].find((o) => o.value === String(env.id))!.textContent);
  });
});
