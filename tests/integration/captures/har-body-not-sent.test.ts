import { describe, expect, it } from 'vitest';
import type { CaptureDetail } from '../../../electron/shared/contract/index';
import type { TestApp } from '../../helpers/app-server';
import { expectContinue } from '../../helpers/expect-continue';
import { keyedEndpoint, useProtectedApp } from '../../helpers/protected-app';

// A capture refused before 100 Continue keeps "body never sent" through a HAR export and import, rather than coming
// back as a body cut at the size limit.

const protectedApp = useProtectedApp();
let app: TestApp | null = null;

async function call<T>(method: string, input: unknown): Promise<T> {
  const result = await app!.rpc<T>(method, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function refusedBeforeContinue(framing: string): Promise<CaptureDetail> {
  app = await protectedApp();
  keyedEndpoint(app, 'keyed', 'Keyed');
  const exchange = await expectContinue(
    Number(new URL(app.receiverUrl).port),
    `POST /h/keyed HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n${framing}\r\nConnection: close\r\nX-Key: wrong\r\n\r\n`,
    'x'.repeat(50),
  );
  expect(exchange.bodySent).toBe(false);
  app.engine.ctx.captures.flush();
  const [summary] = app.engine.ctx.captures.list({ limit: 10 }).items;
  const capture = app.engine.ctx.captures.get(summary!.id);
  expect(capture.bodyNotSent).toBe(true);
  return capture;
}

async function exportedAndImported(id: number): Promise<CaptureDetail> {
  const { content } = await call<{ content: string }>('captures.export', { format: 'har', ids: [id] });
  expect(await call('captures.importHar', { har: content })).toMatchObject({ imported: 1, errors: [] });
  app!.engine.ctx.captures.flush();
  const imported = app!.engine.ctx.captures.list({ limit: 10 }).items.find((c) => c.source === 'imported');
  return app!.engine.ctx.captures.get(imported!.id);
}

describe('HAR export and import of a capture refused before 100 Continue', () => {
  for (const framing of ['Content-Length: 50', 'Transfer-Encoding: chunked'])
    it(`keeps "body never sent" (${framing.split(':')[0]})`, async () => {
      const original = await refusedBeforeContinue(framing);
      const imported = await exportedAndImported(original.id);
      expect(imported).toMatchObject({
        truncated: true,
        bodyNotSent: true,
        bodySizeBytes: original.bodySizeBytes,
        storedBodyBytes: 0,
      });
    });
});
