import { describe, expect, it } from 'vitest';
import { parseCurl } from '../../../electron/shared/send/curl';

// Commands copied from a web page or a chat often keep spaces after the backslash ending a line. A shell reads `\ ` as
// an escaped space and hands curl a lone " " as a second URL: the paste was refused with 'found a second URL " "'.
describe('a pasted cURL command whose line-ending backslash is followed by spaces', () => {
  it('reads the line as continued (LF or CRLF), with a warning saying a shell would not', () => {
    for (const end of ['\n', '\r\n']) {
      const parsed = parseCurl(
        `curl -X POST https://x.test/hook \\  ${end}  -H 'Content-Type: application/json' \\\t${end}  -d '{"a":1}'`,
      );
      expect(parsed.method).toBe('POST');
      expect(parsed.url).toBe('https://x.test/hook');
      expect(parsed.headers).toEqual([['Content-Type', 'application/json']]);
      expect(parsed.body).toBe('{"a":1}');
      expect(parsed.warnings).toEqual([
        'command: a line ends in a backslash followed by spaces, which a shell reads as an escaped space rather than a line continuation; read here as continued (remove the spaces before running it in a shell)',
      ]);
    }
  });

  it('keeps a backslash and spaces inside a quoted body as they are, with no warning', () => {
    const parsed = parseCurl("curl https://x.test/hook --data-raw 'a \\  \nb'");
    expect(parsed.body).toBe('a \\  \nb');
    expect(parsed.warnings).toEqual([]);
  });

  it.each([
    ['^', 'cmd', 'curl https://x.test/hook ^  \r\n  -H "A: 1" ^\r\n  -d "a=1"'],
    ['a backtick', 'PowerShell', 'curl https://x.test/hook ` \n  -H "A: 1" `\t\n  -d "a=1"'],
  ])(
    'reads a line ended by %s and spaces (%s) as continued, with the same warning',
    (mark, _shell, command) => {
      const parsed = parseCurl(command);
      expect(parsed.url).toBe('https://x.test/hook');
      expect(parsed.headers).toEqual([
        ['A', '1'],
        ['Content-Type', 'application/x-www-form-urlencoded'],
      ]);
      expect(parsed.body).toBe('a=1');
      expect(parsed.warnings).toEqual([
        `command: a line ends in ${mark} followed by spaces, which a shell reads as an escaped space rather than a line continuation; read here as continued (remove the spaces before running it in a shell)`,
      ]);
    },
  );
});
