import { describe, expect, it } from 'vitest';
import { redactText } from '../../../electron/engine/util/logger';

// A server reads `api%5Fkey` as `api_key`: a URL in a log line hides that parameter's value however its name is
// written, as an export does.
describe('log text with percent-encoded query parameter names', () => {
  it.each([
    [
      'https://example.com/h?api%5Fkey=ENCSECRET1&page=2',
      'https://example.com/h?api%5Fkey=[redacted]&page=2',
    ],
    [
      'http://example.com/h?x=1&access%5ftoken=ENCSECRET2',
      'http://example.com/h?x=1&access%5ftoken=[redacted]',
    ],
    ['http://example.com/h?%70assword=ENCSECRET3', 'http://example.com/h?%70assword=[redacted]'],
    ['http://example.com/h?bad%zzname=kept', 'http://example.com/h?bad%zzname=kept'],
  ])('%s', (url, redacted) => {
    expect(redactText(`could not reach ${url}`)).toBe(`could not reach ${redacted}`);
  });
});
