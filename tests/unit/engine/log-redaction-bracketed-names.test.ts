import { describe, expect, it } from 'vitest';
import { redactText } from '../../../electron/engine/util/logger';

describe('the log blanks a bracketed or dotted form field named by a secret last part', () => {
  it.each([
    ['user[pass]=S3CR3T, page=2', 'user[pass]=[redacted], page=2'],
    ['data[key]: S3CR3T, page: 2', 'data[key]: [redacted], page: 2'],
    ['order[customer][pwd]=S3CR3T', 'order[customer][pwd]=[redacted]'],
    ['hub.sig=S3CR3T', 'hub.sig=[redacted]'],
  ])('%s', (text, redacted) => {
    expect(redactText(text)).toBe(redacted);
  });

  it('keeps one whose last part is no secret', () => {
    const text = 'user[name]=bob, data[keys]: 3, key_count=2';
    expect(redactText(text)).toBe(text);
  });
});
