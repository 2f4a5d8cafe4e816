import { describe, expect, it } from 'vitest';
import { send } from '../helpers/raw-http';
import { eventually, row, selectCapture, useUiSession } from './support/ui';

const s = useUiSession();

describe('a capture with a body and no Content-Type, opened in the composer', () => {
  it('says on the Headers tab that none is sent as captured, not that the body is empty', async () => {
    const { page, app } = s;
    const answer = await send(`${app.receiverUrl}/untyped`, { method: 'POST', body: '{"a":1}' });
    expect(answer.status).toBe(200);
    await eventually(async () => expect(await row(page, '/untyped').count()).toBe(1));
    await selectCapture(page, '/untyped');
    await page.getByTestId('open-in-composer').click();
    await eventually(async () =>
      expect(await page.getByTestId('preview-size').innerText()).toMatch(/^7 bytes · no Content-Type/),
    );
    await page.getByRole('tab', { name: /Headers/ }).click();
    const note = await page.getByTestId('compose-content-type').innerText();
    expect(note).not.toMatch(/empty body/);
    expect(note).toBe('none, as captured (the body looks like application/json)');
  });
});
