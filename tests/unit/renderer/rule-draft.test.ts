import { describe, expect, it } from 'vitest';
import {
  base64BodyNote,
  draftToRule,
  ruleToDraft,
  switchBodyEncoding,
  type RuleDraft,
} from '../../../renderer/src/features/endpoints/RuleEditor';

const base = ruleToDraft({
  status: 200,
  headers: [['Content-Type', 'application/json']],
  body: '{"ok":true}',
  delayMs: 0,
  behaviour: { kind: 'fixed' },
});
const rule = (patch: Partial<RuleDraft>) => draftToRule({ ...base, ...patch });

describe('the endpoint form refuses what it cannot save as typed, naming the field', () => {
  it.each([
    [{ kind: 'failure-rate', failPercent: '150' }, /^Failure percentage: a number from 0 to 100/],
    [{ kind: 'failure-rate', failPercent: '-5' }, /^Failure percentage/],
    [{ kind: 'failure-rate', failStatus: 'abc' }, /^Failure status: a number from 200 to 599/],
    // 1xx are informational: the sender would wait for a final response that never comes.
    [{ status: '102' }, /^Status: 102 is informational \(1xx\); a final response needs 200–599$/],
    [{ status: '99' }, /^Status: a number from 200 to 599$/],
    [{ kind: 'fail-first', failCount: '2', failStatus: '100' }, /^Failure status: 100 is informational/],
    [{ kind: 'failure-rate', failStatus: '199' }, /^Failure status: 199 is informational/],
    [{ kind: 'sequence', sequence: '500, 103, 200' }, /^Status sequence: 103 is informational/],
    [{ kind: 'sequence', sequence: '500, 600' }, /^Status sequence: statuses from 200 to 599/],
    [{ kind: 'fail-first', failCount: '0' }, /^First N requests: a whole number from 1/],
    [{ kind: 'fail-first', failCount: '2.5' }, /^First N requests/],
    [{ kind: 'sequence', sequence: '200,,404' }, /^Status sequence: .*no empty entries/],
    [{ kind: 'sequence', sequence: '' }, /^Status sequence/],
    [{ status: '20x' }, /^Status: a number from 200 to 599/],
    [{ delayMs: '-1' }, /^Delay: whole milliseconds/],
    // Lax decoding would drop the dangling characters silently.
    [{ bodyEncoding: 'base64', body: 'iVBORw0KGgo' }, /^Body: not base64 \(bodyEncoding is base64\)/],
    [{ bodyEncoding: 'base64', body: '{"ok":true}' }, /^Body: not base64/],
    [{ headers: 'X-Ok: 1\n\nBad Name: v' }, /^Headers line 3: header name "Bad Name" is not valid/],
    [{ headers: 'Content-Length: 5' }, /^Headers line 1: header "Content-Length" is written by the receiver/],
    [{ headers: 'no colon here' }, /^Headers line 1: expected "Name: value"/],
    // Node refuses to send such a value, and with it every other header of the response.
    [
      { headers: 'Content-Type: text/plain\nX-Note: résumé ✓' },
      /^Headers line 2: header "X-Note" value contains "✓" \(U\+2713\), which an HTTP header cannot carry/,
    ],
    [
      { headers: 'X-Ctl: a\u0001b' },
      /^Headers line 1: header "X-Ctl" value contains the control character U\+0001,/,
    ],
  ] as Array<[Partial<RuleDraft>, RegExp]>)('%j', (patch, message) => {
    const result = rule(patch);
    expect(result.rule).toBeNull();
    expect(result.error).toMatch(message);
  });

  it('a status sequence gives every status itself: the hidden Status field neither applies nor blocks the save', () => {
    expect(rule({ kind: 'sequence', sequence: '500, 200', status: 'abc' }).rule).toMatchObject({
      status: 500,
      behaviour: { kind: 'sequence', statuses: [500, 200] },
    });
    // A valid one is kept for switching back to a behaviour that uses it.
    expect(rule({ kind: 'sequence', sequence: '500, 200', status: '201' }).rule?.status).toBe(201);
  });

  it('a status sequence longer than the engine keeps', () => {
    const result = rule({ kind: 'sequence', sequence: Array(1001).fill('500').join(', ') });
    expect(result).toEqual({ rule: null, error: 'Status sequence: at most 1000 statuses (got 1001)' });
  });

  it('keeps what was typed when it is valid', () => {
    // Latin-1 and tabs are sendable.
    expect(rule({ headers: 'X-Note: résumé\tok' }).rule?.headers).toEqual([['X-Note', 'résumé\tok']]);
    expect(rule({ kind: 'failure-rate', failPercent: '12.5', failStatus: '429' }).rule?.behaviour).toEqual({
      kind: 'failure-rate',
      percent: 12.5,
      failStatus: 429,
    });
    expect(rule({ kind: 'sequence', sequence: ' 500, 502 200 ' }).rule?.behaviour).toEqual({
      kind: 'sequence',
      statuses: [500, 502, 200],
    });
    expect(rule({ kind: 'fail-first', failCount: '3', failStatus: '503' }).rule?.behaviour).toEqual({
      kind: 'fail-first',
      count: 3,
      failStatus: 503,
    });
    expect(rule({}).rule).toEqual({
      status: 200,
      headers: [['Content-Type', 'application/json']],
      body: '{"ok":true}',
      delayMs: 0,
      behaviour: { kind: 'fixed' },
    });
  });
});

describe('a base64 response body', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]).toString('base64');

  it('saves as its bytes, line breaks of wrapped base64 left out; a text body saves as before', () => {
    const wrapped = `${png.slice(0, 8)}\n${png.slice(8)}\n`;
    expect(rule({ bodyEncoding: 'base64', body: wrapped }).rule).toMatchObject({
      body: png,
      bodyEncoding: 'base64',
    });
    expect(rule({ bodyEncoding: 'utf8', body: ' a\nb ' }).rule).not.toHaveProperty('bodyEncoding');
    expect(rule({ bodyEncoding: 'utf8', body: ' a\nb ' }).rule?.body).toBe(' a\nb ');
    // A rule saved before encodings existed opens as text.
    expect(base.bodyEncoding).toBe('utf8');
    expect(ruleToDraft({ ...draftToRule(base).rule!, body: png, bodyEncoding: 'base64' })).toMatchObject({
      body: png,
      bodyEncoding: 'base64',
    });
  });

  it('says as it is typed how many bytes it is, or why it is not base64', () => {
    expect(base64BodyNote(png)).toEqual({ bytes: 10, note: '10 bytes' });
    expect(base64BodyNote('')).toEqual({ bytes: 0, note: '0 bytes' });
    expect(base64BodyNote('aGk')).toMatchObject({ bytes: null, note: expect.stringMatching(/^Not base64/) });
  });

  it('switching the encoding keeps the bytes when it can, and what was typed when it cannot', () => {
    expect(switchBodyEncoding('résumé', 'base64')).toBe(Buffer.from('résumé').toString('base64'));
    expect(switchBodyEncoding(Buffer.from('résumé').toString('base64'), 'utf8')).toBe('résumé');
    // Not UTF-8 text, or not base64: left for the user to replace.
    expect(switchBodyEncoding(png, 'utf8')).toBe(png);
    expect(switchBodyEncoding('aGk', 'utf8')).toBe('aGk');
  });
});
