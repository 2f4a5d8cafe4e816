import { describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { input, node } from './helpers';

const delivery =
  '{"object_type_id":12345678901234567890,"event":{"type":"object_create"},"data":{"id":1},"webhook_id":1}';

describe('an Ontraport object_type_id sent as a number beyond 2^53', () => {
  it('is shown as the digits sent, with a precision warning', () => {
    const type = node(decodeCapture(input(delivery)), '$.object_type_id');
    expect(type.display).toBe('Custom object (12345678901234567890)');
    expect(type.warnings.map((w) => w.code)).toEqual(['precision']);
    expect(type.warnings[0]!.message).toContain('reads 12345678901234567168');
  });

  it('still names a custom object: its data is a record, not a contact, and the event says so', () => {
    const r = decodeCapture(input(delivery));
    expect(node(r, '$.data.id').label).toBe('Record ID');
    expect(r.eventLabel).toBe('Custom object created (12345678901234567890)');
  });
});
