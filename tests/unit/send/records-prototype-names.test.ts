import { describe, expect, it } from 'vitest';
import {
  recordFromPayload,
  recordsFromFile,
  resolveTemplate,
} from '../../../electron/shared/send/merge-fields';
import { recordsFromFileInTurns } from '../../../electron/shared/send/records';

// A CSV column or XML element is the sender's name for a field, whatever it is called. (A merge field starts with a
// letter, so a name starting with `_` is filled through `{{…}}`, which falls back to the record.)
const template = '[email]|{{__proto__}}|[constructor]|[prototype]|[toString]';
const resolved = 'a@b.co|P|C|Q|T';
const csv = 'email,__proto__,constructor,prototype,toString\na@b.co,P,C,Q,T\n';

describe('merge records from columns and elements named like Object.prototype members', () => {
  it('a CSV row keeps every column, in order, and fills {{__proto__}}', () => {
    const { rows, errors } = recordsFromFile(csv, 'csv');
    expect(errors).toEqual([]);
    expect(Object.keys(rows[0]!)).toEqual(['email', '__proto__', 'constructor', 'prototype', 'toString']);
    expect(resolveTemplate(template, rows[0]!).text).toBe(resolved);
  });

  it('a CSV read a chunk per turn keeps them too', async () => {
    for (const chunkChars of [8, 1 << 20]) {
      const { rows } = await recordsFromFileInTurns(csv + 'x@y.z,p,c,q,t\n', 'csv', setImmediate, chunkChars);
      expect(rows.map((row) => resolveTemplate(template, row).text)).toEqual([resolved, 'x@y.z|p|c|q|t']);
    }
  });

  it('a twice-named __proto__ column is reported by its own name', () => {
    const { errors } = recordsFromFile('__proto__,__proto__\n1,2\n', 'csv');
    expect(errors.map((error) => error.message)).toEqual([
      'header: column "__proto__" appears twice (the second is read as "__proto___1")',
    ]);
  });

  it('a column whose name starts with a NUL is kept as it was sent', () => {
    const { rows } = recordsFromFile('\0x,__proto__\n1,2\n', 'csv');
    expect(Object.entries(rows[0]!)).toEqual([
      ['\0x', '1'],
      ['__proto__', '2'],
    ]);
  });

  it('an XML body keeps every element (the others are not lost with it) and fills {{__proto__}}', () => {
    const body =
      '<c><email>a@b.co</email><__proto__>P</__proto__><constructor>C</constructor>' +
      '<prototype>Q</prototype><toString>T</toString></c>';
    const record = recordFromPayload('application/xml', body);
    expect(Object.keys(record)).toEqual([
      'c.email',
      'c.__proto__',
      'c.constructor',
      'c.prototype',
      'c.toString',
    ]);
    expect(resolveTemplate(template, record).text).toBe(resolved);
  });

  it('a nested __proto__ element is flattened to its paths and pollutes nothing', () => {
    const record = recordFromPayload('text/xml', '<__proto__><polluted>y</polluted></__proto__>');
    expect(Object.entries(record)).toEqual([['__proto__.polluted', 'y']]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('merge records from self-closing XML elements', () => {
  it('keeps the element name as sent (the parser transforms a self-closing name twice)', () => {
    const record = recordFromPayload('application/xml', '<c><email/><toString/><y>1</y></c>');
    expect(Object.keys(record)).toEqual(['c.email', 'c.toString', 'c.y']);
  });
});
