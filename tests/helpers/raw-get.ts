import { expect } from 'vitest';
import { rawExchange } from './raw-http';

/**
 * Sends `GET <target>` to the receiver as raw bytes (fetch would percent-encode quotes and pipes in the query) and
 * expects it to be acknowledged with 200.
 */
export async function rawGet(receiverUrl: string, target: string): Promise<void> {
  const port = Number(new URL(receiverUrl).port);
  const answer = await rawExchange(
    port,
    `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`,
  );
  expect(answer).toMatch(/^HTTP\/1\.1 200 /);
}
