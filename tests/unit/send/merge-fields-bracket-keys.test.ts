import { describe, expect, it } from 'vitest';
import { findPlaceholders, resolveTemplate } from '../../../electron/shared/send/merge-fields';

// Form posts (Ontraport, WP Fusion) name fields PHP-style: `contact[first_name]`. As a merge field that is
// `[contact[first_name]]`, which must be filled or reported, never sent as typed without a word.
describe('merge fields named by a bracketed form key', () => {
  it('fills [contact[first_name]] from the record key contact[first_name]', () => {
    expect(resolveTemplate('[contact[first_name]]', { 'contact[first_name]': 'Bo' })).toEqual({
      text: 'Bo',
      unresolved: [],
    });
    expect(
      resolveTemplate('name=[contact[first_name]]&sku=[items[0][sku]]', {
        'contact[first_name]': 'Bo',
        'items[0][sku]': 'A-1',
      }),
    ).toEqual({ text: 'name=Bo&sku=A-1', unresolved: [] });
  });

  it('reports one the record lacks as unresolved and leaves it as typed', () => {
    expect(resolveTemplate('Hi [contact[first_name]]', { first_name: 'Bo', email: 'b@x.test' })).toEqual({
      text: 'Hi [contact[first_name]]',
      unresolved: ['[contact[first_name]]'],
    });
  });

  it('is found whole, with its offsets', () => {
    const template = 'a=[contact[first_name]]';
    expect(findPlaceholders(template)).toEqual([
      { kind: 'merge', name: 'contact[first_name]', start: 2, end: template.length },
    ]);
  });

  it('leaves nested JSON arrays, key paths and CDATA as they are', () => {
    for (const text of [
      '[1,[2]]',
      '{"a": [[1, 2], [3]], "b": ["x", ["y"]], "c": [true, [null]]}',
      'contact[first_name]=Bo&a[b][c]=1',
      '<x><![CDATA[raw]]></x>',
    ]) {
      expect(findPlaceholders(text)).toEqual([]);
      expect(resolveTemplate(text, { raw: 'R', first_name: 'F', b: 'B' })).toEqual({ text, unresolved: [] });
    }
  });

  it('keeps a field written inside brackets after a space or colon a field of its own', () => {
    const record = { 'First Name': 'Bo' };
    expect(resolveTemplate('[Note: [First Name]] [x [First Name]]', record).text).toBe('[Note: Bo] [x Bo]');
    expect(resolveTemplate('<c><![CDATA[x [First Name]]]></c>', record).text).toBe('<c><![CDATA[x Bo]]></c>');
  });

  it('fills the record value as JSON text when escaped for a JSON body', () => {
    const text = resolveTemplate(
      '{"name":"[contact[first_name]]"}',
      { 'contact[first_name]': 'Bo "B"' },
      {},
      {
        escape: 'json',
      },
    ).text;
    expect(JSON.parse(text)).toEqual({ name: 'Bo "B"' });
  });
});
