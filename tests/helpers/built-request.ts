import type { BuiltRequest } from '../../electron/shared/send/outgoing';

/** An outgoing request as the composer builds it: an empty POST to a loopback URL, with `over` on top. */
export const builtRequest = (over: Partial<BuiltRequest> = {}): BuiltRequest => ({
  method: 'POST',
  url: 'http://127.0.0.1:8080/in',
  headers: [],
  bodyBase64: '',
  bodyBytes: 0,
  bodyText: '',
  contentType: null,
  contentTypeSource: 'none',
  looksLike: null,
  unresolved: [],
  errors: [],
  warnings: [],
  ...over,
});
