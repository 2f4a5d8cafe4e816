import { describe, expect, it } from 'vitest';
import {
  contentTypeHeaderFor,
  detectContentType,
  effectiveContentType,
} from '../../../electron/shared/send/content-type';
import { readSample } from './samples';

// Seed 000: "form-encoded, JSON, and XML. If the payload is none of those, then the data will be sent as plain text."
const table: Array<[string, string, ReturnType<typeof detectContentType>]> = [
  ['seed 002 single merge field', 'First_Name=[First Name]', 'application/x-www-form-urlencoded'],
  ['seed 000 two fields', 'First_Name=[First Name]&Email=[Email]', 'application/x-www-form-urlencoded'],
  ['seed 000 combined fields', 'Name=[First Name] [Last Name]', 'application/x-www-form-urlencoded'],
  [
    'seed 002 unencoded spaces',
    'address=2040 Alameda Padre Serra&city=Santa Barbara',
    'application/x-www-form-urlencoded',
  ],
  [
    'seed 002 note via API',
    'Api-Appid=1_111111_111111111&Api-Key=22222222222222&id=0&data=Note inserted by webhook using new API.&author=1&contact_id=[Contact ID]',
    'application/x-www-form-urlencoded',
  ],
  ['bracket keys', 'event%5Btype%5D=sub_tag&data[id]=8', 'application/x-www-form-urlencoded'],
  ['trailing ampersand', 'a=1&', 'application/x-www-form-urlencoded'],
  ['empty value', 'a=', 'application/x-www-form-urlencoded'],
  ['JSON object with merge field in a string', '{"email":"[Email]"}', 'application/json'],
  ['JSON array', ' [1, 2, {"a": null}]\n', 'application/json'],
  ['XML document', '<?xml version="1.0"?><contact><email>[Email]</email></contact>', 'application/xml'],
  ['XML element', '<a b="1"><c/></a>', 'application/xml'],
  ['plain sentence', 'Hello [First Name], welcome aboard', 'text/plain'],
  ['bare JSON number is text', '42', 'text/plain'],
  ['bare JSON string is text', '"quoted"', 'text/plain'],
  ['broken JSON', '{"a": [First Name]}', 'text/plain'],
  ['malformed XML', '<a><b></a>', 'text/plain'],
  ['key with space', 'Note: a=b', 'text/plain'],
  ['pair without =', 'a=1&b', 'text/plain'],
  ['multi-line pairs', 'a=1\nb=2', 'text/plain'],
  ['empty', '', 'text/plain'],
];

describe('detectContentType (seed 000)', () => {
  it.each(table)('%s', (_label, body, expected) => {
    expect(detectContentType(body)).toBe(expected);
  });

  it('detects the Ontraport subscription samples in both wire formats', () => {
    for (const name of [
      'sub-tag-lightweight',
      'sub-tag-notify',
      'unsub-tag-lightweight',
      'object-create-notify',
      'object-submits-form-lightweight',
    ]) {
      expect(detectContentType(readSample(`ontraport-${name}.form.txt`))).toBe(
        'application/x-www-form-urlencoded',
      );
      expect(detectContentType(readSample(`ontraport-${name}.json`))).toBe('application/json');
    }
    expect(detectContentType(readSample('ortto-journey-webhook.json'))).toBe('application/json');
  });
});

describe('effectiveContentType', () => {
  it('lets a Content-Type the user set win, whatever its case', () => {
    expect(effectiveContentType([['content-TYPE', 'text/csv']], '{"a":1}')).toBe('text/csv');
    expect(effectiveContentType([['X-Other', 'x']], '{"a":1}')).toBe('application/json');
  });

  it('ignores an empty user Content-Type', () => {
    expect(effectiveContentType([['Content-Type', '  ']], 'a=1')).toBe('application/x-www-form-urlencoded');
  });

  it('sends no Content-Type for an empty body unless the user set one', () => {
    expect(contentTypeHeaderFor([], '')).toBeNull();
    expect(contentTypeHeaderFor([['Content-Type', 'application/json']], '')).toBe('application/json');
    expect(contentTypeHeaderFor([], '<a/>')).toBe('application/xml');
  });
});
