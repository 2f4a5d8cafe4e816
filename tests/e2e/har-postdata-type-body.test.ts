import { beforeAll, describe, expect, it } from 'vitest';
import { harOf } from '../helpers/har';
import { eventually, openTab, row, selectCapture, useUiSession } from './support/ui';

/** A tool's HAR that gives the body's type (its boundary included) in postData.mimeType only. */
const har = harOf({
  path: '/har-multipart-body',
  httpVersion: 'HTTP/1.1',
  postData: {
    mimeType: 'multipart/form-data; boundary=b1',
    text: '--b1\r\nContent-Disposition: form-data; name="first_name"\r\n\r\nAnn\r\n--b1--\r\n',
  },
});

describe('the Body tab of an imported capture typed only by its HAR postData', () => {
  const s = useUiSession();
  beforeAll(async () => {
    const imported = await s.app.rpc<{ imported: number }>('captures.importHar', { har });
    if (!imported.ok) throw new Error(imported.error.message);
    await eventually(async () => expect(await row(s.page, '/har-multipart-body').count()).toBe(1));
  });

  it('lays out the multipart parts by the boundary the postData type names', async () => {
    const { page } = s;
    await selectCapture(page, '/har-multipart-body');
    await openTab(page, 'body');
    const part = page.getByTestId('multipart-part');
    await part.first().waitFor();
    expect(await part.count()).toBe(1);
    expect(await part.first().innerText()).toContain('first_name');
    expect(await part.first().innerText()).toContain('Ann');
  });
});
