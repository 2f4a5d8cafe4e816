import type { Engine } from '../../electron/engine/engine';

/** POSTs `body` as JSON to the engine's receiver at /h; the id of the capture it acknowledged. */
export async function postedJsonCaptureId(engine: Engine, body: string): Promise<number> {
  const res = await fetch(`${engine.receiverUrl}/h`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json' },
  });
  await res.arrayBuffer();
  return Number(res.headers.get('x-hookscope-capture-id'));
}
