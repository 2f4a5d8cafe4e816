// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { DetailPane } from '../../../renderer/src/features/detail/DetailPane';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { harOf } from '../../helpers/har';
import { renderMultipartText } from '../../helpers/multipart-view';

const ui = useEngineForUi();
afterEach(cleanup);

// A Content-Type is the sender's text (a HAR import takes postData.mimeType as written; a multipart part's comes from
// the body): a right-to-left override in it is shown by its code point, as in the capture list's cell.
describe('a content type holding a right-to-left override', () => {
  it("is shown marked in the capture detail's Overview", async () => {
    const har = harOf({ path: '/typed', postData: { mimeType: 'text/pl\u202eain', text: 'hi' } });
    expect((await ui.api.call('captures.importHar', { har })).imported).toBe(1);
    const { items } = await ui.api.call('captures.list', { limit: 1 });
    render(
      <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
        <DetailPane
          id={items[0]!.id}
          receiverUrl={ui.engine.receiverUrl}
          endpoints={new Map()}
          query=""
          onDelete={() => undefined}
          tab="overview"
          onTabChange={() => undefined}
        />
      </ApiProvider>,
    );
    const label = await screen.findByText('Content type', { selector: 'dt' });
    expect(label.nextElementSibling!.textContent).toContain('text/plU+202Eain');
  });

  it("is shown marked on a multipart part's line", () => {
    const body =
      '--B\r\nContent-Disposition: form-data; name="f"\r\nContent-Type: text/pl\u202eain\r\n\r\nv\r\n--B--\r\n';
    const { container } = renderMultipartText(body);
    const type = container.querySelector('.part-type')!.textContent;
    expect(type).toBe('text/plU+202Eain');
  });
});
