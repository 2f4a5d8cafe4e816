import { describe, expect, it } from 'vitest';
import { harPostBody } from '../../../electron/engine/captures/har-post-data';
import { multipartFields } from '../../../electron/shared/decode/multipart';

// A quoted parameter holding "; boundary=fake" was read as the boundary: the body was rebuilt under "fake", and the
// Content-Type, which names "real", did not read it.
describe('a HAR postData rebuilt from params under a Content-Type with a boundary quoted inside another parameter', () => {
  const type = 'multipart/form-data; x="; boundary=fake"; boundary=real';

  it('is written under the real boundary', () => {
    const out = harPostBody({ mimeType: type, params: [{ name: 'a', value: '1' }] }, null);
    expect(out.contentType).toBeNull();
    expect(multipartFields(out.body, type)?.fields).toEqual([['a', '1']]);
  });

  it('when a value holds the real boundary, changes that parameter only, not the quoted one', () => {
    const out = harPostBody({ mimeType: type, params: [{ name: 'a', value: 'x--real' }] }, null);
    expect(out.contentType).toBe('multipart/form-data; x="; boundary=fake"; boundary=HookscopeBoundary1');
    expect(multipartFields(out.body, out.contentType)?.fields).toEqual([['a', 'x--real']]);
  });
});
