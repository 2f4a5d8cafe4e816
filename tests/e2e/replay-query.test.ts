import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rawGet } from '../helpers/raw-get';
import { useRecordingTarget } from '../helpers/recording-target';
import { eventually, row, selectCapture, useUiSession } from './support/ui';

/** A WP Fusion ping: all its data in the query, quotes and a pipe as sent (fetch would have encoded them). */
const QUERY = "wpf_action=update_tags&contact_id=42&note='hi'|x";

describe('replaying a capture whose data is all in its query', () => {
  const s = useUiSession();
  const target = useRecordingTarget();
  beforeAll(async () => {
    await rawGet(s.app.receiverUrl, `/wpf?${QUERY}`);
    await eventually(async () => expect(await row(s.page, '/wpf').count()).toBe(1));
  });
  afterEach(async () => {
    const close = s.page.getByTestId('replay-close');
    if ((await close.count()) > 0) await close.click();
  });

  async function replayTo(opener: 'replay-open' | 'replay-selected', keep: boolean): Promise<string> {
    const { page } = s;
    await selectCapture(page, '/wpf');
    await page.getByTestId(opener).click();
    const dialog = page.getByTestId('replay-dialog');
    const keepQuery = dialog.getByTestId('replay-keep-query');
    await keepQuery.waitFor();
    expect(await keepQuery.isChecked()).toBe(true);
    expect((await keepQuery.locator('xpath=..').textContent())?.trim()).toBe(
      'Keep the captured query (?wpf_action=…)',
    );
    await dialog.getByTestId('replay-url').fill(`${target.url}/wp-json/x`);
    if (keep) {
      expect(await dialog.getByTestId('replay-query-preview').innerText()).toBe(
        `Sends to ${target.url}/wp-json/x?${QUERY}`,
      );
    } else {
      await keepQuery.uncheck();
      expect(await dialog.getByTestId('replay-query-preview').count()).toBe(0);
    }
    const before = target.targets.length;
    await dialog.getByTestId('replay-send').click();
    await eventually(async () =>
      expect(await dialog.getByTestId('replay-result').innerText()).toMatch(/succeeded · HTTP 200/),
    );
    expect(target.targets).toHaveLength(before + 1);
    return target.targets[before]!;
  }

  it('sends the captured query byte-exact by default, from the detail pane', async () => {
    expect(await replayTo('replay-open', true)).toBe(`/wp-json/x?${QUERY}`);
  });

  it('sends the captured query from the list too (the dialog reads it)', async () => {
    expect(await replayTo('replay-selected', true)).toBe(`/wp-json/x?${QUERY}`);
  });

  it('sends no query once "Keep the captured query" is unchecked', async () => {
    expect(await replayTo('replay-open', false)).toBe('/wp-json/x');
  });
});
