import { connect } from 'node:net';
import { expect } from 'vitest';
import type { ApiClient } from '../../electron/shared/contract/client';
import { expectContinue } from './expect-continue';
import { filedCaptureId } from './filed-capture';

type EngineUnderTest = { readonly api: ApiClient; readonly engine: { receiverUrl: string } };

const portOf = (ui: EngineUnderTest) => Number(new URL(ui.engine.receiverUrl).port);

/** A POST to `path` that declares 100 bytes, sends 10 and hangs up; its capture's id, once filed. */
export function brokenOffCaptureId(ui: EngineUnderTest, path: string): Promise<number> {
  connect(portOf(ui), '127.0.0.1')
    .on('error', () => undefined)
    .end(`POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n0123456789`);
  return filedCaptureId(ui.api, path);
}

/**
 * A POST to `path` (a keyedEndpoint's) sent with the wrong X-Key and `Expect: 100-continue`, so it is refused before
 * its 50-byte body goes out; its capture's id, once filed.
 */
export async function refusedBeforeContinueCaptureId(
  ui: EngineUnderTest,
  path: string,
  framing = 'Content-Length: 50',
): Promise<number> {
  const refused = await expectContinue(
    portOf(ui),
    `POST ${path} HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n${framing}\r\nConnection: close\r\nX-Key: wrong\r\n\r\n`,
    'x'.repeat(50),
  );
  expect(refused.bodySent).toBe(false);
  return filedCaptureId(ui.api, path);
}
