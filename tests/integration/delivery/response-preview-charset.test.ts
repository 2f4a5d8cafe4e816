import { afterEach, expect, it } from 'vitest';
import { cueServer, deliveryHarness } from './helpers';

let h: ReturnType<typeof deliveryHarness> | undefined;
let target: Awaited<ReturnType<typeof cueServer>> | undefined;
afterEach(async () => {
  await h?.close();
  await target?.close();
  h = target = undefined;
});

// The delivery detail shows the body in its declared charset; the list's preview and the log's Response data column
// (and the log export made from it) are the same answer and must read the same.
it('the list preview and the log read an iso-8859-1 answer in its charset, as the detail does', async () => {
  target = await cueServer(() => ({
    status: 200,
    headers: { 'Content-Type': 'text/plain; charset=iso-8859-1' },
    body: Buffer.from('café reçu', 'latin1'),
  }));
  h = deliveryHarness();
  h.service.start();
  const { id } = h.service.send({
    request: { method: 'POST', url: `${target.url}/hook`, headers: [], bodyBase64: '' },
    type: 'manual',
    policy: 'none',
  } as never);
  await h.drain(0);

  expect(h.service.get(id).lastResponsePreview).toBe('café reçu');
  const [row] = h.service.queue.store.log(undefined, null, 10).items;
  expect(row!.deliveryId).toBe(id);
  expect(row!.responseData).toBe('café reçu');
});

it('a UTF-8 answer with no charset still reads as UTF-8', async () => {
  target = await cueServer(() => ({
    status: 200,
    headers: { 'Content-Type': 'application/json' },
    body: '{"ok":"é"}',
  }));
  h = deliveryHarness();
  h.service.start();
  const { id } = h.service.send({
    request: { method: 'POST', url: `${target.url}/hook`, headers: [], bodyBase64: '' },
    type: 'manual',
    policy: 'none',
  } as never);
  await h.drain(0);
  expect(h.service.get(id).lastResponsePreview).toBe('{"ok":"é"}');
  expect(h.service.queue.store.log(undefined, null, 10).items[0]!.responseData).toBe('{"ok":"é"}');
});
