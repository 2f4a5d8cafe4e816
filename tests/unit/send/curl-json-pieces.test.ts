import { describe, expect, it } from 'vitest';
import { parseCurl } from '../../../electron/shared/send/curl';

// As curl 7.88 sends them: -d pieces are joined with `&`, a --json piece is appended with nothing between.
describe('parseCurl --json given more than once', () => {
  it('appends each --json piece as it is', () => {
    expect(parseCurl(`curl --json '{"a":1}' --json '{"b":2}' https://x.test`).body).toBe('{"a":1}{"b":2}');
    expect(parseCurl(`curl --json '[1,' --json '2]' https://x.test`).body).toBe('[1,2]');
  });

  it('appends a --json piece to -d data without an &, and -d data after it with one', () => {
    expect(parseCurl(`curl -d x=1 --json '{"b":2}' https://x.test`).body).toBe('x=1{"b":2}');
    expect(parseCurl(`curl --json '{"b":2}' -d x=1 https://x.test`).body).toBe('{"b":2}&x=1');
  });
});
