import { describe, expect, it } from 'vitest';
import { selectCapture, send, useUiSession } from './support/ui';

// The Content-Type is the sender's: a media type that names an Object.prototype member must not reach the file name.
describe("the body download's file name", () => {
  const s = useUiSession();

  it.each([
    ['constructor', 'bin'],
    ['__proto__', 'bin'],
    ['application/json', 'json'],
    // Types the Body tab reads as JSON or XML are saved as such.
    ['application/cloudevents+json; charset=utf-8', 'json'],
    ['text/json', 'json'],
    ['application/soap+xml', 'xml'],
  ])('for Content-Type %s ends in .%s', async (type, ext) => {
    const { page } = s;
    const path = `/download-name-${type.replace(/\W/g, '')}`;
    await send(s.app.receiverUrl, path, {
      method: 'POST',
      body: '{"a":1}',
      headers: { 'content-type': type },
    });
    await selectCapture(page, path);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('.detail-actions button', { hasText: 'Download body' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^capture-\\d+-body\\.${ext}$`));
  });
});
