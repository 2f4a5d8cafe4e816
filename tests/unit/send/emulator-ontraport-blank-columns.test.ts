import { describe, expect, it } from 'vitest';
import { buildEmulatedRequest } from '../../../electron/shared/send/emulators';

const nowMs = 1_514_940_140_000;

describe('Ontraport emulators take a field from the spelling that has a value, not from a blank column', () => {
  it('a blank email column does not hide the Email that has one; of two with values the closer spelling wins', () => {
    const contact = { id: '8', email: '', Email: 'b@x.com', firstname: 'Mary', 'First Name': 'Maria' };
    const sent = buildEmulatedRequest('ontraport-sub_tag', {
      nowMs,
      contact,
      format: 'lightweight',
      encoding: 'json',
    });
    // Was: "email": "", the exact-named blank column taken over the filled one.
    expect(JSON.parse(sent.body).data).toEqual({
      id: '8',
      firstname: 'Mary',
      lastname: '',
      email: 'b@x.com',
    });
  });
});
