import { describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { input, node } from './helpers';

describe('bare Ortto system-field keys (s, a, c, tags)', () => {
  it('are the sender’s own keys in a body recognised only by its field-ID keys', () => {
    const r = decodeCapture(input('{"str::first":"A","str::email":"a@b","s":"hello","c":"x","tags":"t"}'));
    expect(r.recognition?.kind).toBe('ortto-fields');
    expect(node(r, '$["str::first"]').label).toBe('First name');
    for (const key of ['s', 'c', 'tags']) {
      const n = node(r, `$.${key}`);
      expect([key, n.label, n.fieldId, n.warnings]).toEqual([key, key, null, []]);
    }
  });

  it('keep their Ortto meaning in the contact of an activity webhook and at its top level', () => {
    const r = decodeCapture(
      input(
        JSON.stringify({
          activity: { id: 'a', field_id: 'act::c', created: '2023-10-03T04:11:23Z', attr: {} },
          contact: { contact_id: 'p', s: '2023-10-03T04:11:23Z' },
          s: '2023-10-03T04:11:23Z',
          webhook_id: 'w',
        }),
      ),
    );
    expect(node(r, '$.contact.s').label).toBe('Email subscribe date');
    expect(node(r, '$.s').label).toBe('Email subscribe date');
  });

  it('are not Ortto webhook envelope fields in a body recognised only by its field-ID keys', () => {
    const r = decodeCapture(
      input(
        '{"str::first":"A","str::email":"a@b","id":"5","time":"soon","webhook_id":"w","campaign_id":"c"}',
      ),
    );
    expect(r.recognition?.kind).toBe('ortto-fields');
    for (const key of ['id', 'time', 'webhook_id', 'campaign_id']) {
      const n = node(r, `$.${key}`);
      expect([key, n.label, n.labelSource, n.warnings]).toEqual([key, key, 'none', []]);
    }
  });

  it('keep their envelope labels at the top level of real activity and journey webhooks', () => {
    const activity = decodeCapture(
      input(
        JSON.stringify({
          activity: { id: 'a', field_id: 'act::c', created: '2023-10-03T04:11:23Z', attr: {} },
          contact: { contact_id: 'p' },
          id: 'e',
          time: '2023-10-03T04:11:23Z',
          webhook_id: 'w',
        }),
      ),
    );
    expect(node(activity, '$.id').label).toBe('Event ID');
    expect(node(activity, '$.time').label).toBe('Sent at');
    const journey = decodeCapture(
      input(JSON.stringify({ webhook_id: 'w', contact_id: 'p', campaign_id: 'c', shape_title: 'Welcome' })),
    );
    expect(journey.recognition?.kind).toBe('ortto-journey');
    expect(node(journey, '$.campaign_id').label).toBe('Campaign ID');
  });
});
