import { describe, expect, it } from 'vitest';
import { useLabelApp } from './label-app';

const t = useLabelApp();

describe('event labels keep integers beyond 2^53 as sent', () => {
  it("an Ontraport delivery's tag id past 2^53 is labelled with the digits sent, not a rounded double", async () => {
    // JSON.parse reads 12345678901234567890 as a double that prints as 12345678901234567000.
    const body =
      '{"webhook_id":1,"object_type_id":0,"event":{"type":"sub_tag","tag_id":12345678901234567890},"data":{"id":7}}';
    const id = await t.post(body);
    const row = await t.listed(id);
    expect(row?.vendor).toBe('Ontraport');
    expect(row?.eventLabel).toBe('Tag added (12345678901234567890)');
  });

  it('a journey webhook named by a number past 2^53 keeps its digits', async () => {
    const body = JSON.stringify({ webhook_id: 'w', contact_id: 'c', shape_id: 's' }).replace(
      /}$/,
      ',"shape_title":98765432109876543210}',
    );
    const id = await t.post(body);
    expect((await t.listed(id))?.eventLabel).toBe('Journey/playbook webhook (98765432109876543210)');
  });
});
