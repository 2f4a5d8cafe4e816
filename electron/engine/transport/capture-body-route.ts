import type { ServerResponse } from 'node:http';
import { ApiError, type ErrorCode } from '../../shared/contract/index';
import type { Engine } from '../engine';
import { httpStatusOf } from './error-status';
import { parseRouteInput } from './route-input';
import { securityHeaders } from './static-files';

/**
 * `POST /api/body`: the body is `captures.body`'s input; the answer is the bytes themselves (application/octet-stream),
 * not base64 inside JSON, so a big body is neither inflated by a third nor parsed on the page's thread.
 */
export function sendCaptureBody(
  res: ServerResponse,
  body: unknown,
  readCaptureBody: Engine['readCaptureBody'],
  sendError: (status: number, code: ErrorCode, message: string) => void,
): void {
  const input = parseRouteInput('captures.body', body, sendError);
  if (input === null) return;
  let bytes: Buffer;
  try {
    bytes = readCaptureBody(input);
  } catch (error) {
    if (error instanceof ApiError) return sendError(httpStatusOf(error.code), error.code, error.message);
    return sendError(500, 'internal', error instanceof Error ? error.message : String(error));
  }
  res.writeHead(200, {
    'content-type': 'application/octet-stream',
    'content-length': String(bytes.length),
    'cache-control': 'no-store',
    ...securityHeaders(),
  });
  res.end(bytes);
}
