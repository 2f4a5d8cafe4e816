import { describe, expect, it } from 'vitest';
import { classifyCapture, decodeCapture } from '../../../electron/shared/decode/index';
import { input } from './helpers';

const form = 'application/x-www-form-urlencoded';
const mergeWarnings = (body: string, type: string | null, query = '') =>
  decodeCapture(input(body, type, query))
    .warnings.filter((w) => w.code === 'unresolved-merge-field')
    .map((w) => [w.path, w.message]);

// Ontraport merge fields are field labels as users named them, and date formats (`[nDate long+0]`).
describe('unfilled merge fields whose label has punctuation', () => {
  it.each([
    ['an apostrophe', "[Owner's Name]"],
    ['a question mark', '[Member?]'],
    ['parentheses', '[Spent (USD)]'],
    ['a plus (date format)', '[nDate long+0]'],
  ])('are warned about: %s', (_, merge) => {
    const body = JSON.stringify({ contact_id: '[Contact ID]', value: merge });
    expect(mergeWarnings(body, 'application/json')).toContainEqual([
      '$.value',
      `Unresolved merge field ${merge}: the sender did not fill it for this contact.`,
    ]);
  });

  it('post data of nothing but such a field is a "Send a webhook" element', () => {
    expect(classifyCapture(input('Joined=[Date Added (abb)]', form)).vendor).toBe('Ontraport');
  });

  it('lower-case bracketed values with punctuation are still not merge fields', () => {
    expect(classifyCapture(input('{"a":1}', 'application/json', 'fields=[id(name)]')).vendor).toBeNull();
    expect(classifyCapture(input("status=[pending?]&note=[it's]", form)).vendor).toBeNull();
  });
});
