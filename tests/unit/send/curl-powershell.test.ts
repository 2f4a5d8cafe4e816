import { describe, expect, it } from 'vitest';
import { CurlParseError, parseCurl, toCurl } from '../../../electron/shared/send/curl';

// API docs write Windows commands for PowerShell: a backtick ends each continued line, and PowerShell's quoting rules
// apply ('…' literal with '' for a quote, "…" with backtick escapes). Read as bash, the backtick was a second URL.
describe('a pasted cURL command written for PowerShell', () => {
  it('joins lines ended by a backtick (LF or CRLF) and reads PowerShell single quotes', () => {
    const parsed = parseCurl(
      [
        'curl.exe -X POST https://x.test/hook `',
        '  -H "Content-Type: application/json" `\r',
        `  -d '{"name":"O''Brien"}'`,
      ].join('\n'),
    );
    expect(parsed.method).toBe('POST');
    expect(parsed.url).toBe('https://x.test/hook');
    expect(parsed.headers).toEqual([['Content-Type', 'application/json']]);
    expect(parsed.body).toBe(`{"name":"O'Brien"}`);
  });

  it('reads backtick escapes and doubled quotes inside double quotes, and -u with a space', () => {
    const parsed = parseCurl(
      'curl https://x.test/a `\n  -H "X-Note: say `"hi`" ""twice""" `\n  -u \'me:p w\'',
    );
    expect(parsed.headers).toEqual([
      ['X-Note', 'say "hi" "twice"'],
      ['Authorization', `Basic ${btoa('me:p w')}`],
    ]);
  });

  it('warns about what PowerShell would expand in "…" and bare words, not in \'…\' or after a backtick', () => {
    const parsed = parseCurl(
      [
        'curl https://x.test/a `',
        '  -H "Authorization: Bearer $env:TOKEN" `',
        "  -H 'X-Literal: $kept' `",
        '  -H "X-Cost: `$5" `',
        '  -d $(Get-Content body.json)',
      ].join('\n'),
    );
    expect(parsed.headers).toContainEqual(['Authorization', 'Bearer $env:TOKEN']);
    expect(parsed.headers).toContainEqual(['X-Literal', '$kept']);
    expect(parsed.headers).toContainEqual(['X-Cost', '$5']);
    expect(parsed.warnings).toEqual([
      '-H "Authorization: Bearer $env:TOKEN": PowerShell would replace $env:TOKEN; left unexpanded here — put its value in the command',
      '-d "$(Get-Content body.json)": PowerShell would replace $(Get-Content body.json); left unexpanded here — put its value in the command',
    ]);
  });

  it('ends at a comment, and at a backtick ending the last line too', () => {
    expect(parseCurl('curl https://x.test/a `\n  -H "X: 1" # the header\n').headers).toEqual([['X', '1']]);
    expect(parseCurl('curl https://x.test/a `\n  -d "a=1" `\n').body).toBe('a=1');
  });

  it("reads a one-line curl.exe command with '…' words as PowerShell, where cmd would keep the quotes", () => {
    const parsed = parseCurl(
      `curl.exe -X POST https://x.test/a -u 'me:pw' -H 'Content-Type: application/json' -d '{"a":"it''s"}'`,
    );
    expect(parsed.headers).toEqual([
      ['Authorization', `Basic ${btoa('me:pw')}`],
      ['Content-Type', 'application/json'],
    ]);
    expect(parsed.body).toBe(`{"a":"it's"}`);
  });

  it('leaves a curl.exe command for cmd as cmd\'s, a \' inside its "…" included', () => {
    const parsed = parseCurl(`curl.exe "https://x.test/a" -X POST --data-raw "{""a"":""it 'is'""}"`);
    expect(parsed.body).toBe(`{"a":"it 'is'"}`);
  });

  it("leaves a bash command whose quoted body has a line ending in a backtick to bash (Copy as cURL's own output)", () => {
    const body = "it's `\nthat` one";
    const command = toCurl({ method: 'POST', url: 'https://x.test/a', headers: [], body });
    expect(parseCurl(command).body).toBe(body);
  });

  it('names an unclosed quote', () => {
    expect(() => parseCurl('curl https://x.test/a `\n  -d \'{"a":1}')).toThrow(
      new CurlParseError("command: a ' quote is never closed (was the command cut short?)"),
    );
  });
});
