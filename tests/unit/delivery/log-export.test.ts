import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { exportLog } from '../../../electron/engine/delivery/log-export';
import { logRow } from '../../helpers/log-row';

describe('delivery log CSV', () => {
  it.each(['=1+1', '=1+1\nx', '+SUM(A1)\r\n', '@cmd', '-2+3\nmore'])(
    'a response body a spreadsheet would run (%j) is written as text',
    (body) => {
      const csv = exportLog([logRow(body)], 'csv').content;
      const cells = Papa.parse<string[]>(csv).data[1]!;
      expect(cells[3]).toBe(`'${body}`);
    },
  );

  it('other text is written as it is', () => {
    const csv = exportLog([logRow('ok, "quoted"\nsecond line')], 'csv').content;
    expect(Papa.parse<string[]>(csv).data[1]![3]).toBe('ok, "quoted"\nsecond line');
  });
});

describe('delivery log redaction', () => {
  it('hides user info, query secrets and cut-off JSON response secrets; keeps the rest', () => {
    const out = exportLog(
      [
        {
          ...logRow('{"ok":true,"token":"RESPSECRET_T","rest":"cut off'),
          request: 'POST https://user:PWSECRET@example.com/h?token=QSECRET&page=2#frag',
          error: 'connect failed for https://BARETOKEN@example.com/x?sig=SIGSECRET',
        },
      ],
      'json',
    ).content;
    for (const secret of ['PWSECRET', 'QSECRET', 'RESPSECRET_T', 'BARETOKEN', 'SIGSECRET'])
      expect(out).not.toContain(secret);
    expect(out).toContain('https://user:%5Bredacted%5D@example.com/h?token=%5Bredacted%5D&page=2#frag');
    expect(out).toContain('"ok\\":true');
  });

  it("hides a form-encoded token endpoint's answer (access_token=…&scope=…), keeping its other pairs", () => {
    const out = exportLog(
      [logRow('access_token=gho_FORMSECRET&scope=repo&token_type=bearer')],
      'csv',
    ).content;
    expect(out).not.toContain('FORMSECRET');
    expect(out).toContain('access_token=%5Bredacted%5D&scope=repo&');
  });

  it('leaves JSON and plain text that merely hold an "=" as they are', () => {
    for (const text of ['{"a":"b=c&token=d"}', 'done: x=1'])
      expect(JSON.parse(exportLog([logRow(text)], 'json').content)[0].responseData).toBe(text);
  });
});
