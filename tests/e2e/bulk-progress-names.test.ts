import { describe, expect, it } from 'vitest';
import { useOkTarget } from '../helpers/ok-target';
import { fillSlowBulkSend } from './support/bulk-form';
import { eventually, useUiSession } from './support/ui';

const s = useUiSession();

describe('bulk send progress for a screen reader', () => {
  const target = useOkTarget();

  it('names the progress bar with its rows and announces the job state in a live region', async () => {
    const { page } = s;
    const form = await fillSlowBulkSend(page, target.base);
    await form.getByRole('button', { name: 'Start bulk send' }).click();

    const progress = page.getByRole('region', { name: 'Bulk progress' });
    const bar = progress.getByRole('progressbar', { name: 'Job 1 progress' });
    await eventually(async () =>
      expect(await bar.getAttribute('aria-valuetext')).toMatch(/^\d+ of 20 rows$/),
    );
    const status = progress.getByRole('status');
    await eventually(async () => expect(await status.innerText()).toBe('Job 1 · running'));
    await progress.getByRole('button', { name: 'Pause', exact: true }).click();
    await eventually(async () => expect(await status.innerText()).toBe('Job 1 · paused'));
    await progress.getByRole('button', { name: 'Stop…', exact: true }).click();
    await progress.getByRole('button', { name: 'Stop for good', exact: true }).click();
    await eventually(async () => expect(await status.innerText()).toBe('Job 1 · stopped'));
  });
});
