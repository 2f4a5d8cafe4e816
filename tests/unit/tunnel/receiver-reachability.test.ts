import { describe, expect, it } from 'vitest';
import { tunnelCannotReach } from '../../../electron/engine/tunnel/receiver-reachability';

describe('tunnelCannotReach (the tunnel client connects to localhost)', () => {
  it.each(['127.0.0.1', '::1', '[::1]', '::ffff:127.0.0.1', '0.0.0.0', '::', 'localhost', 'LOCALHOST'])(
    'a receiver on %s is reachable',
    (host) => expect(tunnelCannotReach(host)).toBeNull(),
  );

  it.each([
    '0:0:0:0:0:0:0:1',
    '[0:0:0:0:0:0:0:1]',
    '[::ffff:127.0.0.1]',
    '::ffff:7f00:1',
    '[::FFFF:7F00:1]',
    '0:0:0:0:0:0:0:0',
    '[0::0]',
    ' ::1 ',
  ])('a receiver on %s, another spelling of an address localhost reaches, is reachable', (host) =>
    expect(tunnelCannotReach(host)).toBeNull(),
  );

  // 127.0.0.2 is loopback too, but localhost is 127.0.0.1 (or ::1): public requests hung with the tunnel "online".
  it.each([
    '192.168.1.20',
    '10.0.0.5',
    'fd00::2',
    'myhost.lan',
    '127.0.0.2',
    '127.1.2.3',
    '::ffff:127.0.0.2',
    '[::ffff:7f00:2]',
    '0:0:0:0:0:0:0:2',
    'fe80::1%eth0',
  ])('a receiver only on %s is not', (host) =>
    expect(tunnelCannotReach(host)).toContain(`listens only on ${host}`),
  );
});
