import { describe, expect, it } from 'vitest';
import { contentTypeFillNote } from '../../../electron/shared/send/content-type-fill-note';

const note = (contentType: string) =>
  contentTypeFillNote({ headers: [['Content-Type', contentType]], body: '{"a":"{{a}}"}' });

describe('contentTypeFillNote', () => {
  it('speaks when every row could fill the Content-Type to nothing', () => {
    expect(note('{{ct}}')).toMatch(/fills to nothing .* detected type \(application\/json\)/);
    expect(note(' [Type] ')).toMatch(/fills to nothing/);
    expect(note('{{a}}{{b}}')).toMatch(/fills to nothing/);
  });

  it('stays quiet when part of the Content-Type is fixed, since no row can empty it', () => {
    expect(note('application/{{sub}}')).toBeNull();
    expect(note('{{type}}; charset=utf-8')).toBeNull();
    expect(note('application/json')).toBeNull();
  });
});
