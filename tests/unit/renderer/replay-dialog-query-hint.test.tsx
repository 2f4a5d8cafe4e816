// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { ReplayDialog } from '../../../renderer/src/features/detail/ReplayDialog';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { send } from '../../helpers/raw-http';

// A real engine (in-process transport, receiver on port 0, SQLite in a temp dir).
const ui = useEngineForUi();
afterEach(cleanup);

async function captured(target: string): Promise<number> {
  await send(`${ui.engine.receiverUrl}${target}`, { method: 'GET' });
  const path = target.split('?')[0];
  for (let i = 0; i < 200; i++) {
    const found = (await ui.api.call('captures.list', { limit: 50 })).items.find((c) => c.path === path);
    if (found) return found.id;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${target} was not filed`);
}

/** The "Keep the captured query (…)" label of the replay dialog opened on the capture sent to `target`. */
async function keepQueryLabel(target: string): Promise<string | undefined> {
  const id = await captured(target);
  render(
    <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
      <ReplayDialog captureIds={[id]} onClose={() => {}} />
    </ApiProvider>,
  );
  const keep = await screen.findByTestId('replay-keep-query');
  return keep.parentElement!.textContent?.trim();
}

describe('the replay dialog, the captured query hint', () => {
  it('shows a first parameter sent with no = without one', async () => {
    expect(await keepQueryLabel('/hint-flag?flag')).toBe('Keep the captured query (?flag)');
  });

  it('shows that more follows a first parameter sent with no =', async () => {
    expect(await keepQueryLabel('/hint-flag-more?flag&b=1')).toBe('Keep the captured query (?flag&…)');
  });

  it('shows a first parameter sent with an empty value as sent, with nothing hidden after its =', async () => {
    expect(await keepQueryLabel('/hint-empty?a=')).toBe('Keep the captured query (?a=)');
  });

  it('shows that more follows a first parameter sent with an empty value', async () => {
    expect(await keepQueryLabel('/hint-empty-more?a=&b=1')).toBe('Keep the captured query (?a=&…)');
  });

  it('still hides the value of a first parameter sent with one', async () => {
    expect(await keepQueryLabel('/hint-value?a=secret&b=1')).toBe('Keep the captured query (?a=…)');
  });
});
