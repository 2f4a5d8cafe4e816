import { describe, expect, it } from 'vitest';
import { classifyCapture, decodeCapture } from '../../../electron/shared/decode/index';
import { input } from './helpers';

// Ontraport merge fields are field labels as the app shows them (`[First Name]`, `[Contact ID]`, seeds 000 and 002).
// A lower-case bracketed value is an ordinary one: `?fields=[id]` made any request an Ontraport "Send a webhook
// (unresolved merge fields)" with a warning on the value.
describe('lower-case bracketed values', () => {
  it.each([
    ['a query value', '{"a":1}', 'application/json', 'fields=[id]'],
    ['a query value with no body', '', null, 'sort=[name]'],
    ['a form value', 'status=[pending]&id=4', 'application/x-www-form-urlencoded', ''],
    ['a JSON value', '{"email":"[email]","note":"x"}', 'application/json', ''],
  ] as const)('are not taken for Ontraport merge fields: %s', (_, body, type, query) => {
    const r = decodeCapture(input(body, type, query));
    expect(r.vendor).toBeNull();
    expect(r.warnings.filter((w) => w.code === 'unresolved-merge-field')).toEqual([]);
    expect(classifyCapture(input(body, type, query)).vendor).toBeNull();
  });

  it('capitalised labels still are', () => {
    expect(
      decodeCapture(input('First_Name=[First Name]&Email=[Email]', 'application/x-www-form-urlencoded'))
        .vendor,
    ).toBe('Ontraport');
    expect(decodeCapture(input('{"a":1}', 'application/json', 'contact=[Contact ID]')).vendor).toBe(
      'Ontraport',
    );
  });
});
