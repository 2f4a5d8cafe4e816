import type { ServerResponse } from 'node:http';
import type { StreamExport } from '../captures/export-stream';
import { parseRouteInput } from './route-input';
import { securityHeaders } from './static-files';

/**
 * `POST /api/export`: the body is `captures.export`'s input; the answer is the export file itself, written a capture
 * at a time as the client reads it, instead of one JSON string holding the whole file (and the RPC answer around it).
 * Errors before the first byte are the API's JSON errors; after it, the connection is cut so the file is not mistaken
 * for a whole one.
 */
export async function sendExportDownload(
  res: ServerResponse,
  body: unknown,
  streamExport: StreamExport,
  sendError: (status: number, code: 'invalid_input' | 'internal', message: string) => void,
): Promise<void> {
  const input = parseRouteInput('captures.export', body, sendError);
  if (input === null) return;
  const closed = new Promise<never>((_, reject) =>
    res.once('close', () => reject(new Error('The client closed the download.'))),
  );
  closed.catch(() => {});
  const write = (piece: string) => {
    if (res.destroyed) throw new Error('The client closed the download.');
    if (res.write(piece)) return;
    return Promise.race([new Promise<void>((resolve) => res.once('drain', resolve)), closed]);
  };
  try {
    await streamExport(
      input,
      ({ fileName, mimeType, total }) =>
        res.writeHead(200, {
          'content-type': `${mimeType}; charset=utf-8`,
          'content-disposition': `attachment; filename="${fileName}"`,
          // For the progress bar: the captures counted before the first is written.
          'x-hookscope-export-total': String(total),
          'cache-control': 'no-store',
          ...securityHeaders(),
        }),
      write,
    );
    res.end();
  } catch (error) {
    if (!res.headersSent) sendError(500, 'internal', error instanceof Error ? error.message : String(error));
    else res.destroy();
  }
}
