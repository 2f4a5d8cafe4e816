import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { cliIo } from '../../helpers/cli-io';
import { useApiHarness } from './helpers';

const harness = useApiHarness();

// A secret pasted with a newline or space around it signed every attempt with the wrong key: each receiver holding the
// real secret refused every delivery, and nothing said why.
describe('an outgoing signing secret with a space or line break around it', () => {
  it.each([
    ['github', 'shh\n'],
    ['stripe', ' whsec_live'],
    ['hmac', 'secret\t'],
  ])('%s %j: deliveries.send refuses it naming signing.secret, and sends nothing', async (scheme, secret) => {
    const before = harness.server.received.length;
    const reply = await harness.call('deliveries.send', {
      request: { method: 'POST', url: `${harness.server.url}/hook`, bodyBase64: 'e30=' },
      signing: { scheme, secret },
    });
    expect(reply.ok).toBe(false);
    expect(reply.error?.code).toBe('invalid_input');
    expect(reply.error?.message).toMatch(/signing\.secret.*starts or ends with a space, tab or line break/);
    expect(harness.server.received.length).toBe(before);
  });

  it('the signing preview says so too, naming config.secret', async () => {
    const reply = await harness.call('signing.preview', { config: { scheme: 'shopify', secret: 'abc\r\n' } });
    expect(reply.ok).toBe(false);
    expect(reply.error?.message).toMatch(/config\.secret.*starts or ends with a space/);
  });

  it('hookscope send --secret is a usage error naming --secret', async () => {
    const t = cliIo();
    expect(
      await main(['send', 'http://127.0.0.1:1/', '-d', 'x', '--sign', 'github', '--secret', 'shh '], t.io),
    ).toBe(2);
    expect(t.err()).toMatch(/--secret: starts or ends with a space, tab or line break/);
  });

  it('a secret with a space inside it is still accepted', async () => {
    const reply = await harness.call('signing.preview', {
      config: { scheme: 'github', secret: 'two words' },
    });
    expect(reply.ok).toBe(true);
  });
});
