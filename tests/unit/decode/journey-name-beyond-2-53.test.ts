import { describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { input } from './helpers';

/** A journey webhook (with its triggering activity) whose `key` is sent as the JSON number `digits`. */
const journey = (key: 'shape_title' | 'action_name', digits: string) =>
  `{"webhook_id":"w","contact_id":"c","campaign_id":"p","shape_id":"4",` +
  `"activity":{"id":"x","field_id":"act::ep","created":"2023-10-03T04:11:23Z"},"${key}":${digits}}`;

describe("an Ortto journey webhook's name sent as a number beyond 2^53, decoded (exact numbers)", () => {
  it('as shape_title, names the webhook by the digits sent', () => {
    expect(decodeCapture(input(journey('shape_title', '12345678901234567890'))).eventLabel).toBe(
      'Journey/playbook webhook (12345678901234567890)',
    );
  });

  it('as action_name, the same', () => {
    expect(decodeCapture(input(journey('action_name', '98765432109876543210'))).eventLabel).toBe(
      'Journey/playbook webhook (98765432109876543210)',
    );
  });

  it('within 2^53, as before', () => {
    expect(decodeCapture(input(journey('shape_title', '42'))).eventLabel).toBe(
      'Journey/playbook webhook (42)',
    );
  });
});
