import { describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { findMergeFields, isOnlyMergeFields } from '../../../electron/shared/decode/merge-fields';
import { findPlaceholders } from '../../../electron/shared/send/merge-fields';
import { input } from './helpers';

// `[First Name]` is the Ontraport evidence that turns the merge-field check on.
const mergeWarnings = (text: string) =>
  decodeCapture(input(`Hi [First Name], ${text}`, 'text/plain'))
    .warnings.filter((w) => w.code === 'unresolved-merge-field')
    .map((w) => w.message.slice(0, w.message.indexOf(':')));

// The decoder reports unfilled what the composer would fill: key paths are not merge fields, bracketed ones are.
describe('merge fields and key paths: the decoder reads brackets as the composer does', () => {
  it('a key path (data[id], contact[first_name]=Bo) is not an unfilled merge field', () => {
    for (const text of ['contact[first_name]=Bo', 'data[id]', 'a[b][c]=1', 'see items[0][sku] here']) {
      expect([text, findMergeFields(text)]).toEqual([text, []]);
      expect([text, mergeWarnings(text)]).toEqual([text, ['Unresolved merge field [First Name]']]);
    }
  });

  it('a bracketed form key is one merge field, whole', () => {
    expect(findMergeFields('[contact[first_name]]')).toEqual(['[contact[first_name]]']);
    expect(findMergeFields('sku=[items[0][sku]]&n=[First Name]')).toEqual([
      '[items[0][sku]]',
      '[First Name]',
    ]);
    expect(isOnlyMergeFields('[contact[first_name]] [contact[last_name]]')).toBe(true);
    expect(mergeWarnings('[contact[first_name]]')).toEqual([
      'Unresolved merge field [First Name], [contact[first_name]]',
    ]);
  });

  it('finds exactly the merge fields the composer finds', () => {
    for (const text of [
      'contact[first_name]=Bo&n=[First Name]',
      '[contact[first_name]] and data[id]',
      '<x><![CDATA[[First Name]]]></x>',
      '{"ok": [true], "n": "[Last Name]"}',
    ]) {
      const composer = findPlaceholders(text)
        .filter((p) => p.kind === 'merge')
        .map((p) => `[${p.name}]`);
      expect([text, findMergeFields(text)]).toEqual([text, composer]);
    }
  });
});
