import { describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { input, node } from './helpers';

describe('form and query values with a stray %', () => {
  it('decode the escapes as UTF-8, keep the stray % and say so on the field', () => {
    const r = decodeCapture(
      input('note=50%+off+for+Jos%C3%A9&name=Ren%C3%A9e', 'application/x-www-form-urlencoded'),
    );
    const note = node(r, '$.note');
    expect(note.display).toBe('50% off for José');
    expect(note.raw ?? note.display).toBe('50% off for José');
    expect(note.warnings.map((w) => [w.code, w.severity])).toEqual([['malformed', 'info']]);
    expect(note.warnings[0]!.message).toMatch(/^note: a % that starts no %XX escape/);
    expect(node(r, '$.name').display).toBe('Renée');
    expect(node(r, '$.name').warnings).toEqual([]);
  });

  it('in the query string too, and a nested field is named on the whole section', () => {
    const r = decodeCapture(input('', null, 'q=100%25+sure&d%5Bnote%5D=%E2%82%AC5+or+5%'));
    expect(node(r, 'query.q').display).toBe('100% sure');
    expect(node(r, 'query.d.note').display).toBe('€5 or 5%');
    expect(node(r, 'query').warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/^d\[note\]: a % that starts no %XX escape/),
    ]);
  });

  it('bytes that are not UTF-8 are still read as Latin-1, nothing lost', () => {
    const r = decodeCapture(input('city=Z%FCrich+100%', 'application/x-www-form-urlencoded'));
    expect(node(r, '$.city').display).toBe('Zürich 100%');
  });

  it('Latin-1 escapes in 0x80–0x9F read as the web reads them (windows-1252), not as invisible controls', () => {
    for (const ct of [
      'application/x-www-form-urlencoded',
      'application/x-www-form-urlencoded; charset=windows-1252',
      'application/x-www-form-urlencoded; charset=iso-8859-1',
    ]) {
      const r = decodeCapture(input('note=%93Only+%805%94+%96+caf%E9', ct));
      expect([ct, node(r, '$.note').display]).toEqual([ct, '“Only €5” – café']);
    }
  });
});
