import { describe, expect, it } from 'vitest';
import { withLineEndingsOf } from '../../../renderer/src/lib/textarea-line-endings';

// What a textarea shows, and reads back after an edit: every CR, LF and CRLF as LF.
const asShown = (text: string) => text.replace(/\r\n?/g, '\n');

describe('a textarea edit written with the line endings of the text it showed', () => {
  it('keeps the endings of every unchanged line of a text mixing CR, LF and CRLF', () => {
    const mixed = 'one\r\ntwo\nthree\rfour\r\n';
    const typedIntoThree = asShown(mixed).replace('three', 'thr-ee');
    expect(withLineEndingsOf(mixed, typedIntoThree)).toBe('one\r\ntwo\nthr-ee\rfour\r\n');
    expect(withLineEndingsOf(mixed, `${asShown(mixed)}five`)).toBe(`${mixed}five`);
    expect(withLineEndingsOf(mixed, `zero ${asShown(mixed)}`)).toBe(`zero ${mixed}`);
  });

  it('takes out the break that was deleted and keeps the others', () => {
    expect(withLineEndingsOf('a\r\nb\nc\rd', 'ab\nc\nd')).toBe('ab\nc\rd');
  });

  it('writes a break typed into a mixed text as LF, and into a CRLF-only text as CRLF', () => {
    expect(withLineEndingsOf('a\r\nb\nc', 'a\nb\n\nc')).toBe('a\r\nb\n\nc');
    expect(withLineEndingsOf('a\r\nb\r\n', 'a\nx\ny\nb\n')).toBe('a\r\nx\r\ny\r\nb\r\n');
  });

  it('leaves a text as typed when it was shown as it is', () => {
    expect(withLineEndingsOf('', 'new\ntext')).toBe('new\ntext');
    expect(withLineEndingsOf('a\nb', 'a\nbc')).toBe('a\nbc');
    expect(withLineEndingsOf('a\r\nb', '')).toBe('');
  });
});
