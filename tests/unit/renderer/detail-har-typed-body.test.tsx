// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderDetailPane } from '../../helpers/detail-pane';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { harOf } from '../../helpers/har';
import { importedCaptureId } from '../../helpers/imported-capture';

// A real engine (in-process transport, SQLite in a temp dir); the capture comes from a HAR whose postData alone
// gives the type, boundary included, so its headers have no Content-Type.
const ui = useEngineForUi();
afterEach(cleanup);

describe('the Body tab of an imported capture typed only by postData.mimeType', () => {
  it('shows a multipart body as its parts, by the boundary in that type', async () => {
    const path = '/har-body-multipart';
    const har = harOf({
      path,
      postData: {
        mimeType: 'multipart/form-data; boundary=XyZ',
        text: '--XyZ\r\nContent-Disposition: form-data; name="email"\r\n\r\na@b.co\r\n--XyZ--\r\n',
      },
    });
    renderDetailPane(ui.api, await importedCaptureId(ui.api, har, path), 'body');
    expect(await screen.findByText('email')).toBeTruthy();
    expect(document.body.textContent).not.toContain('No boundary in Content-Type');
  });
});
