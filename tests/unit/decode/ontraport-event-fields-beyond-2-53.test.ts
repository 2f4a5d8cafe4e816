import { describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { input } from './helpers';

const delivery = (tagId: string) =>
  `{"object_type_id":0,"event":{"type":"sub_tag","tag_id":${tagId}},"data":{"id":1,"firstname":"M"},"webhook_id":1}`;

describe("an Ontraport subscription's event field sent as a number beyond 2^53", () => {
  it('names the tag by the digits sent', () => {
    expect(decodeCapture(input(delivery('12345678901234567890'))).eventLabel).toBe(
      'Tag added (12345678901234567890)',
    );
  });

  it('as a tag_id within 2^53 is', () => {
    expect(decodeCapture(input(delivery('42'))).eventLabel).toBe('Tag added (42)');
  });
});
