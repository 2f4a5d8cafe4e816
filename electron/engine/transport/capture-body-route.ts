import type { ServerResponse } from 'node:http';
import { ApiError, contract, type ErrorCode } from '../../shared/contract/index';
import type { Engine } from '../engine';
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
  const parsed = contract.methods['captures.body'].input.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return sendError(
      400,
      'invalid_input',
      `${issue?.path.join('.') || 'input'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = readCaptureBody(parsed.data);
  } catch (error) {
    if (error instanceof ApiError)
      return sendError(error.code === 'not_found' ? 404 : 400, error.code, error.message);
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
