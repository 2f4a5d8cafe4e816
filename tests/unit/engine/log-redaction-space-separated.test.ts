import { describe, expect, it } from 'vitest';
import { createLogger, redactText } from '../../../electron/engine/util/logger';

// A header written as `Name value` (a dump of header lines without their colons, `X-Api-Key K12`) is as secret as
// `Name: value`; the same words in a sentence are not blanked.
describe('the log blanks a secret header written as its name, a space and its value', () => {
  it.each([
    ['X-Api-Key K12', 'X-Api-Key [redacted]'],
    ['x-auth-token abc.def', 'x-auth-token [redacted]'],
    ['Stripe-Signature t=1,v1=ab', 'Stripe-Signature [redacted]'],
    ['Proxy-Authorization K99', 'Proxy-Authorization [redacted]'],
    ['rejected (X-Hub-Signature-256 sha256=ab12)', 'rejected (X-Hub-Signature-256 [redacted])'],
    [
      'headers: Content-Type text/plain, X-Api-Key K12, Accept */*',
      'headers: Content-Type text/plain, X-Api-Key [redacted], Accept */*',
    ],
    ['Host h\nX-Webhook-Key K34\nAccept x', 'Host h\nX-Webhook-Key [redacted]\nAccept x'],
    ['Host h\nX-Api-Key lowercasekey\nAccept x', 'Host h\nX-Api-Key [redacted]\nAccept x'],
    ['upstream refused X-Api-Key K12 as expired', 'upstream refused X-Api-Key [redacted] as expired'],
  ])('%j', (text, redacted) => {
    expect(redactText(text)).toBe(redacted);
  });

  it('in a logged message and field', () => {
    const out: string[] = [];
    createLogger((line) => out.push(line)).warn('upstream refused X-Api-Key SECRETK1', {
      sent: 'X-Api-Key SECRETK2',
    });
    expect(out.join('\n')).not.toContain('SECRETK');
  });

  it.each([
    'the X-Api-Key header is missing',
    'X-Api-Key header is required',
    'missing X-Api-Key header',
    'check your Set-Cookie settings, then retry',
    'Content-Type text/plain, Accept */*',
    // Capitalised words of prose after the name are no value either.
    'Stripe-Signature Header missing',
    'X-Api-Key Missing from request',
    'X-Api-Key Is Not set',
    'Stripe-Signature Invalid',
    'rejected: X-Hub-Signature-256 Required',
  ])('keeps prose: %j', (text) => {
    expect(redactText(text)).toBe(text);
  });
});
