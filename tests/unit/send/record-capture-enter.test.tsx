// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCaptureAsRecord } from '../../helpers/capture-as-record';
import { useEngineForUi } from '../../helpers/engine-for-ui';

const ui = useEngineForUi();
afterEach(cleanup);

describe('the captured payload a record comes from', () => {
  it('loads when Enter is pressed in the capture number', async () => {
    await loadCaptureAsRecord(
      ui,
      '/h/enter-loads',
      'application/json',
      JSON.stringify({ 'First Name': 'Ada' }),
    );
    await waitFor(() => expect(screen.getByTestId('record-fields').textContent).toContain('Ada'));
  });
});
