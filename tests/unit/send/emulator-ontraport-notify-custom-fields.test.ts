import { describe, expect, it } from 'vitest';
import { buildEmulatedRequest } from '../../../electron/shared/send/emulators';
import { readSample } from './samples';

const nowMs = 1_514_940_140_000; // the samples' Ontraport timestamp

describe('Ontraport notify format keeps the record’s custom fields, empty', () => {
  it('reproduces the sub_tag notify sample byte for byte for a record with custom fields', () => {
    const contact = { id: '8', firstname: 'Mary', email: 'mary@example.com', f1584: 'Gold', f1585: '12' };
    const form = buildEmulatedRequest('ontraport-sub_tag', {
      contact,
      format: 'notify',
      encoding: 'form',
      nowMs,
    });
    // Was: the data ended at `unique_id`, without `data[f1584]=` and `data[f1585]=`.
    expect(form.body).toBe(readSample('ontraport-sub-tag-notify.form.txt').trim());
    const json = buildEmulatedRequest('ontraport-sub_tag', {
      contact,
      format: 'notify',
      encoding: 'json',
      nowMs,
    });
    expect(JSON.parse(json.body)).toEqual(JSON.parse(readSample('ontraport-sub-tag-notify.json')));
  });

  it('has the same fields as the default format of the same record, only the id filled', () => {
    const contact = { id: '8', firstname: 'Mary', l_lead_source: 'Ads', f1584: 'Gold' };
    const data = (format: 'notify' | 'default') =>
      (
        JSON.parse(
          buildEmulatedRequest('ontraport-object_create', { contact, format, encoding: 'json', nowMs }).body,
        ) as {
          data: Record<string, string>;
        }
      ).data;
    expect(Object.keys(data('notify'))).toEqual(Object.keys(data('default')));
    expect(Object.entries(data('notify')).filter(([, v]) => v !== '')).toEqual([['id', '8']]);
  });
});
