import { describe, expect, it } from 'vitest';
import { readerGoneAfterFirstAttempt } from './cli-reader-gone';
import { useCliSendFixture } from './cli-send-fixture';

const fixture = useCliSendFixture();

describe('hookscope send whose reader has gone (| head -1)', () => {
  it('stops retrying and exits 0 without a word', async () => {
    const server = await fixture.server(() => ({ status: 503 }));
    const { code, err } = await readerGoneAfterFirstAttempt([
      'send',
      `${server.url}/x`,
      '-d',
      '{}',
      '--policy',
      'standard',
    ]);
    expect(err).toBe('');
    expect(code).toBe(0);
  });

  it('--rows: stops the rows waiting to retry and exits 0 without a word', async () => {
    const server = await fixture.server(() => ({ status: 503 }));
    const rows = fixture.file('rows.csv', 'name\nA\nB\n');
    const { code, err } = await readerGoneAfterFirstAttempt([
      'send',
      `${server.url}/x`,
      '-d',
      '{"n":"{{name}}"}',
      '--policy',
      'standard',
      '--rows',
      rows,
    ]);
    expect(err).toBe('');
    expect(code).toBe(0);
  });
});
