// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderDetailPane } from '../../helpers/detail-pane';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { harOf } from '../../helpers/har';
import { importedCaptureId } from '../../helpers/imported-capture';

// A real engine (in-process transport, SQLite in a temp dir); the capture comes from a HAR with a recorded response.
// The Response tab showed its body and headers without the current search highlighted, as the Body and Headers tabs
// highlight it.
const ui = useEngineForUi();
afterEach(cleanup);

describe('the Response tab with a search', () => {
  it('highlights the search in the recorded response body', async () => {
    const path = '/response-search';
    const har = harOf({
      path,
      method: 'GET',
      response: { status: 200, content: { mimeType: 'text/plain', text: 'before haystackneedle after' } },
    });
    renderDetailPane(ui.api, await importedCaptureId(ui.api, har, path), 'response', 'haystackneedle');
    await screen.findByText(/before/);
    const marks = [...document.querySelectorAll('.response-body mark')].map((m) => m.textContent);
    expect(marks).toEqual(['haystackneedle']);
  });

  it('highlights the search in the recorded response headers', async () => {
    const path = '/response-header-search';
    const har = harOf({
      path,
      method: 'GET',
      response: {
        status: 200,
        headers: [{ name: 'X-Trace', value: 'before haystackneedle after' }],
        content: { mimeType: 'text/plain', text: 'plain body' },
      },
    });
    renderDetailPane(ui.api, await importedCaptureId(ui.api, har, path), 'response', 'haystackneedle');
    await screen.findByText(/plain body/);
    const table = screen.getByRole('table', { name: /response headers/i });
    const marks = [...table.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).toEqual(['haystackneedle']);
  });
});
