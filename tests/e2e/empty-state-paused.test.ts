import { describe, expect, it } from 'vitest';
import { eventually, row, send, useUiSession } from './support/ui';

describe('the first-run empty state while live updates are paused', () => {
  const s = useUiSession();

  it('says a webhook arrived and offers to resume, instead of still "Waiting for the first webhook"', async () => {
    const { page } = s;
    const empty = page.getByTestId('empty-state');
    await empty.waitFor();
    const toggle = page.getByTestId('live-toggle');
    await toggle.click();
    await send(s.app.receiverUrl, '/while-paused', { method: 'POST', body: 'x' });
    await eventually(async () => expect(await toggle.innerText()).toContain('1 new'));
    await eventually(async () =>
      expect(await empty.getByRole('heading', { level: 2 }).innerText()).toBe(
        '1 webhook arrived while live updates are paused',
      ),
    );
    await empty.getByRole('button', { name: 'Resume live updates' }).click();
    await row(page, '/while-paused').waitFor();
    expect(await toggle.innerText()).toBe('Live');
  });
});
