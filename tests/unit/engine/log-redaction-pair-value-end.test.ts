import { describe, expect, it } from 'vitest';
import { createLogger, redactText } from '../../../electron/engine/util/logger';

// `token=abc def other=1`: the value of a `name=value` pair ran on past the space, so the log lost `def other=1` (and
// any secret after it was hidden only by luck). Written with `=`, as in a query, a form or logfmt, a bare value ends at
// whitespace; written as a header with `:`, it still runs to the end of the line. And a pair after a word that is no
// secret (`failed: api_key=K1`) was never read at all: `failed:` took the rest of the line as its value.
describe('a secret name=value pair in a log line blanks its value only', () => {
  it.each([
    ['token=abc def other=1', 'token=[redacted] def other=1'],
    [
      'delivery 12 failed: api_key=K1 status=401 attempt=3',
      'delivery 12 failed: api_key=[redacted] status=401 attempt=3',
    ],
    ['password = hunter2 user=bob', 'password = [redacted] user=bob'],
    ['token=abc\tnext=2', 'token=[redacted]\tnext=2'],
    ['token=abc secret=xyz host=h', 'token=[redacted] secret=[redacted] host=h'],
    ['Stripe-Signature=t=1,v1=ab retried', 'Stripe-Signature=[redacted] retried'],
    ['token="abc def" other=1', 'token="[redacted]" other=1'],
  ])('%j', (text, redacted) => {
    expect(redactText(text)).toBe(redacted);
  });

  it('a header written with a colon still blanks its whole value, spaces and all', () => {
    expect(redactText('X-Api-Key: two part key\nAccept: */*')).toBe('X-Api-Key: [redacted]\nAccept: */*');
  });

  it('in a logged message and its fields', () => {
    const out: string[] = [];
    createLogger((line) => out.push(line)).warn('attempt 2 to 127.0.0.1 refused: token=SECRET1 retry=yes', {
      detail: 'signature=SECRET2 status=401',
    });
    const logged = out.join('\n');
    expect(logged).not.toContain('SECRET');
    expect(logged).toContain('retry=yes');
    expect(logged).toContain('status=401');
  });
});
