import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { samplesDir } from '../unit/decode/helpers';
import { eventually, openTab, row, selectCapture, send, useUiSession } from './support/ui';

// The Decoded tab lays each field out as label, key, type and value on one row: the value must get the room left,
// not lose it to the row's hover actions, nor be squeezed into a column a few letters wide in a narrow window.
describe('a decoded value', () => {
  const s = useUiSession();

  /** How many lines the value of the decoded row labelled `label` takes. */
  const valueLines = (label: string) =>
    s.page
      .locator('.decoded-row', { has: s.page.locator('.decoded-label', { hasText: label }) })
      .locator('.decoded-value')
      .evaluate((e) =>
        Math.round(e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight)),
      );

  it('a short one stays on one line, in a wide window and in the smallest one (800 × 600)', async () => {
    // campaign_name "Trial onboarding", contact_id "0067a1c2d3e4f5a6b7c8d900"
    const body = readFileSync(join(samplesDir, 'ortto-journey-webhook.json'));
    const answer = await send(s.app.receiverUrl, '/decoded-width', {
      body,
      headers: { 'content-type': 'application/json' },
    });
    expect(answer.status).toBe(200);
    await eventually(async () => expect(await row(s.page, '/decoded-width').count()).toBe(1));
    await selectCapture(s.page, '/decoded-width');
    await openTab(s.page, 'decoded');
    await s.page.locator('.decoded-label', { hasText: 'Campaign name' }).waitFor();

    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 800, height: 600 },
    ]) {
      await s.page.setViewportSize(viewport);
      expect(await valueLines('Campaign name'), `at ${viewport.width} px`).toBe(1);
      expect(await valueLines('Person ID'), `at ${viewport.width} px`).toBe(1);
    }
  });
});
