import { describe, expect, it } from 'vitest';
import { isLoopbackPeer } from '../../../electron/engine/receiver/loopback-peer';

describe('isLoopbackPeer (idle connections from these are kept open by the receiver)', () => {
  it.each(['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1', '::FFFF:127.0.0.2'])(
    '%s is loopback',
    (address) => {
      expect(isLoopbackPeer(address)).toBe(true);
    },
  );

  it.each([
    '192.168.1.20',
    '10.0.0.1',
    '0.0.0.0',
    '::',
    '::ffff:10.0.0.1',
    'fe80::1',
    '128.0.0.1',
    '',
    undefined,
  ])('%s is not, so its idle connections are closed at the timeouts', (address) => {
    expect(isLoopbackPeer(address)).toBe(false);
  });
});
