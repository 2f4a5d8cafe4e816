// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderDetailPane } from '../../helpers/detail-pane';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { postedJsonCaptureId } from '../../helpers/posted-capture';

// A real engine (in-process transport, receiver on port 0, SQLite in a temp dir). JSON that writes a key twice is
// valid JSON: the Decoded tab's summary counts it as a duplicate key, and keeps "malformed body" for JSON that is not.
const ui = useEngineForUi();
afterEach(cleanup);

const summary = async (body: string) => {
  renderDetailPane(ui.api, await postedJsonCaptureId(ui.engine, body), 'decoded');
  await screen.findByText(/^\d+ warnings?:/);
  return document.querySelector('.decoded-summary')?.textContent;
};

describe('the Decoded summary', () => {
  it('counts a key written twice as a duplicate key, not a malformed body', async () => {
    expect(await summary('{"a":1,"b":{"c":1,"c":2},"a":2}')).toBe('2 warnings: 2 duplicate keys');
  });

  it('still calls JSON that does not parse a malformed body', async () => {
    expect(await summary('{"a":1,')).toBe('1 warning: 1 malformed body');
  });
});
