// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderDetailPane } from '../../helpers/detail-pane';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { receivedCaptureId } from '../../helpers/filed-capture';

// A real engine (in-process transport, receiver on port 0, SQLite in a temp dir): each label of the Decoded tab's
// summary agrees in number with its count.
const ui = useEngineForUi();
afterEach(cleanup);

const summary = async (path: string, contentType: string, body: string) => {
  const id = await receivedCaptureId(ui, path, {
    method: 'POST',
    headers: [['Content-Type', contentType]],
    body,
  });
  renderDetailPane(ui.api, id, 'decoded');
  await screen.findByText(/^\d+ warnings?:/);
  return document.querySelector('.decoded-summary')?.textContent;
};
const json = 'application/json';
const form = 'application/x-www-form-urlencoded';

describe('the Decoded summary names each kind of warning in the singular for one, the plural for more', () => {
  it.each([
    ['/one-merge', form, 'firstname=[First Name]&note=hi', '1 unresolved merge field'],
    ['/two-merge', form, 'firstname=[First Name]&lastname=[Last Name]', '2 unresolved merge fields'],
    ['/one-id', json, '{"str:o:no-such-field":"x","str::first":"Ada"}', '1 unknown ID'],
    [
      '/two-ids',
      json,
      '{"str:o:no-such-field":"x","int:o:other-missing":1,"str::first":"Ada"}',
      '2 unknown IDs',
    ],
    ['/one-big', json, '{"a":12345678901234567890}', '1 number a double would round'],
    [
      '/two-big',
      json,
      '{"a":12345678901234567890,"b":98765432109876543210}',
      '2 numbers a double would round',
    ],
  ])('%s', async (path, contentType, body, label) => {
    expect(await summary(path, contentType, body)).toMatch(new RegExp(`: (.*, )?${label}(,|$)`));
  });
});
