import type { Dispatcher } from 'undici';

/**
 * `base`, calling `onWrite` as each request is about to be written: after its connection is set up (a new one's TCP
 * and TLS handshakes) or taken from the pool, so this is when the receiver starts to get it.
 */
export function withRequestWriteHook(base: Dispatcher, onWrite: () => void): Dispatcher {
  return base.compose(
    (dispatch) =>
      (options, handler): boolean =>
        dispatch(options, {
          onRequestStart(controller, context) {
            onWrite();
            handler.onRequestStart?.(controller, context);
          },
          onRequestUpgrade: (controller, statusCode, headers, socket) =>
            handler.onRequestUpgrade?.(controller, statusCode, headers, socket),
          onResponseStart: (controller, statusCode, headers, statusMessage) =>
            handler.onResponseStart?.(controller, statusCode, headers, statusMessage),
          onResponseData: (controller, chunk) => handler.onResponseData?.(controller, chunk),
          onResponseEnd: (controller, trailers) => handler.onResponseEnd?.(controller, trailers),
          onResponseError: (controller, error) => handler.onResponseError?.(controller, error),
        }),
  );
}
