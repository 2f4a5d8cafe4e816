import type { ServerResponse } from 'node:http';

/**
 * Whether a written response reached its connection: true once Node has handed all of it over, false when the
 * connection closed first. A response queued behind a pipelined one still held back (its rule's delay) is only
 * buffered when written, and if the client leaves meanwhile Node says nothing on that response: only its socket closes.
 */
export function responseDelivered(res: ServerResponse): Promise<boolean> {
  // Holding its connection (not queued behind another response), it was handed to the socket as it was written: the
  // acknowledge path's common case settles here, with no listeners.
  if (res.writableFinished || res.socket) return Promise.resolve(true);
  const socket = res.req.socket;
  if (socket.destroyed) return Promise.resolve(false);
  return new Promise((resolve) => {
    const settle = (finished: boolean) => {
      res.off('finish', onFinish);
      res.off('close', onClose);
      socket.off('close', onClose);
      resolve(finished);
    };
    const onFinish = () => settle(true);
    const onClose = () => settle(res.writableFinished);
    res.once('finish', onFinish);
    res.once('close', onClose);
    socket.once('close', onClose);
  });
}
