import { describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { input } from './helpers';

// Seed 001's data formats: notify (only the id filled), lightweight (id and three names), default (every field).
// `data` may hold a list of records; the format is read from them, not from the list's keys 0, 1 ….
const envelope = 'webhook_id=3&object_type_id=0&event[type]=sub_tag&event[tag_id]=4';
const form = 'application/x-www-form-urlencoded';

describe('the data format of a delivery whose data is a list of records', () => {
  it('lightweight records as PHP bracket pairs (data[0][id]=8)', () => {
    const r = decodeCapture(
      input(
        `${envelope}&data[0][id]=8&data[0][firstname]=Mary&data[0][lastname]=Smith&data[0][email]=m@e.com`,
        form,
      ),
    );
    expect(r.recognition!.explanation).toContain('lightweight format');
  });

  it('notify records as PHP bracket pairs', () => {
    const r = decodeCapture(input(`${envelope}&data[0][id]=8&data[0][firstname]=&data[0][city]=`, form));
    expect(r.recognition!.explanation).toContain('notify format');
  });

  it('a JSON array of records', () => {
    const body = JSON.stringify({
      webhook_id: '3',
      object_type_id: '0',
      event: { type: 'sub_tag', tag_id: '4' },
      data: [{ id: '8', firstname: 'Mary', lastname: 'Smith', email: 'm@e.com' }],
    });
    const r = decodeCapture(input(body));
    expect(r.recognition!.explanation).toContain('lightweight format');
    expect(r.recognition!.confidence).toBe(0.95);
  });
});
