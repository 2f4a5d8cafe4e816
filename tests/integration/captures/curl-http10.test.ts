import { describe, expect, it } from 'vitest';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { filedCaptureId } from '../../helpers/filed-capture';
import { rawExchange } from '../../helpers/raw-http';

// A real engine (receiver on port 0, SQLite in a temp dir): the request reaches it over a raw socket, so its request
// line says HTTP/1.0 exactly as sent.
const ui = useEngineForUi();
const port = () => Number(new URL(ui.engine.receiverUrl).port);

const curlOf = async (id: number) =>
  (await ui.api.call('captures.export', { format: 'curl', ids: [id], redact: false, limit: 1 })).content;

describe('Copy as cURL of a capture', () => {
  it('re-sends an HTTP/1.0 request as HTTP/1.0', async () => {
    await rawExchange(port(), 'POST /curl-http10 HTTP/1.0\r\nHost: x\r\nContent-Length: 2\r\n\r\nhi');
    expect(await curlOf(await filedCaptureId(ui.api, '/curl-http10'))).toMatch(/^curl --http1\.0 /m);
  });

  it("leaves an HTTP/1.1 request to curl's default", async () => {
    await rawExchange(
      port(),
      'POST /curl-http11 HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi',
    );
    expect(await curlOf(await filedCaptureId(ui.api, '/curl-http11'))).not.toContain('--http1');
  });
});
