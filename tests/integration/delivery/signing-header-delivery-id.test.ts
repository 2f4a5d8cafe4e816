import { expect, it } from 'vitest';
import { useApiHarness } from './helpers';

const harness = useApiHarness();

// Carried in X-Hookscope-Delivery, the HMAC replaced the delivery id every attempt carries: a receiver could no longer
// tell a repeated attempt (after a crash, delivery is at least once) from a new delivery.
it.each(['X-Hookscope-Delivery', 'x-hookscope-delivery'])(
  'an HMAC signature is not carried in %s: refused naming signing.header, nothing sent',
  async (header) => {
    const before = harness.server.received.length;
    const reply = await harness.call('deliveries.send', {
      request: { method: 'POST', url: `${harness.server.url}/hook`, bodyBase64: 'e30=' },
      signing: { scheme: 'hmac', secret: 's', header },
    });
    expect(reply.ok).toBe(false);
    expect(reply.error?.code).toBe('invalid_input');
    expect(reply.error?.message).toMatch(/signing\.header.*already says something else/);
    expect(harness.server.received.length).toBe(before);
  },
);
