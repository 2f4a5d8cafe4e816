// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { ReplayDialog } from '../../../renderer/src/features/detail/ReplayDialog';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { receivedCaptureId } from '../../helpers/filed-capture';

// A real engine (in-process transport, receiver on port 0, SQLite in a temp dir).
const ui = useEngineForUi();
afterEach(cleanup);

const captured = (target: string) => receivedCaptureId(ui, target);

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
