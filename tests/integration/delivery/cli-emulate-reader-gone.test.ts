import { describe, expect, it } from 'vitest';
import { readerGoneAfterFirstAttempt } from './cli-reader-gone';
import { useCliSendFixture } from './cli-send-fixture';

const fixture = useCliSendFixture();

describe('hookscope emulate whose reader has gone (| head -1)', () => {
  it('stops retrying and exits 0 without a word', async () => {
    const server = await fixture.server(() => ({ status: 503 }));
    const { code, err } = await readerGoneAfterFirstAttempt([
      'emulate',
      'ortto-activity',
      '--to',
      `${server.url}/x`,
    ]);
    expect(err).toBe('');
    expect(code).toBe(0);
  });
});
