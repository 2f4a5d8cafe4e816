import { request } from 'node:http';
import type { Socket } from 'node:net';
import type { sampleMethods } from '../../shared/contract/index';
import type { EngineContext, EngineModule, Interception } from '../context';
import { isLoopbackPeer } from '../receiver/loopback-peer';
import { sampleOrttoWebhook } from './sample-webhook';

const sampleAnswer: Interception = {
  response: { status: 200, headers: [['content-type', 'application/json']], body: '{"ok":true}' },
  record: true,
  reason:
    "Hookscope's own sample webhook: answered 200 without the endpoint's response rule, so its count (fail-first, " +
    'sequence), delay and failure rate are left for real senders',
};

/**
 * The first-run "send a sample" action: a real HTTP request to our own receiver, captured and decoded like any other,
 * but answered without the endpoint's rule. A user testing a retry rule must not find a step of it used up (or wait
 * out its delay) because of a sample. The sample is known by its connection (the local ports of the sockets this
 * module opened), which no other sender can claim, and not by anything in the request a sender could copy.
 */
export function createSampleModule(ctx: EngineContext): EngineModule<typeof sampleMethods> {
  const samplePorts = new Set<number>();
  // After the protection module's: auth, rate limits and signature checks still answer the sample as they would.
  ctx.receiverHooks.interceptors.push((incoming) =>
    incoming.remotePort !== null &&
    samplePorts.has(incoming.remotePort) &&
    isLoopbackPeer(incoming.remoteAddress)
      ? sampleAnswer
      : null,
  );
  const watch = (socket: Socket) =>
    socket.once('connect', () => {
      const port = socket.localPort;
      if (port === undefined) return;
      samplePorts.add(port);
      socket.once('close', () => samplePorts.delete(port));
    });
  return {
    handlers: {
      'app.sendSample': () =>
        new Promise((resolve, reject) => {
          const req = request(`${ctx.receiverUrl()}/h/sample/ortto`, {
            method: 'POST',
            agent: false,
            headers: { 'content-type': 'application/json', 'user-agent': 'Ortto-Webhook (Hookscope sample)' },
          });
          req.once('socket', watch);
          req.once('error', reject);
          req.once('response', (res) => {
            res.resume();
            res.once('error', reject);
            res.once('end', () => {
              const id = res.headers['x-hookscope-capture-id'];
              resolve({ captureId: typeof id === 'string' ? Number(id) : null, status: res.statusCode ?? 0 });
            });
          });
          req.end(sampleOrttoWebhook(ctx.clock.now()));
        }),
    },
  };
}
