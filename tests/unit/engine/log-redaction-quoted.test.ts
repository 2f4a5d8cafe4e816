import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createLogger, redactText } from '../../../electron/engine/util/logger';

// An error message that quotes an object as util.inspect writes it (`String(error)` of a thrown message built with
// `${inspect(headers)}`, say) has quoted values, and quoted names when they hold a dash.
describe('log text redaction of quoted values', () => {
  it.each([
    ["{ password: 'PWSECRET1', user: 'bob' }", "{ password: '[redacted]', user: 'bob' }"],
    ['cookie: "COOKIESECRET2", path: "/"', 'cookie: "[redacted]", path: "/"'],
    ["{ 'x-api-key': 'KEYSECRET3', accept: '*/*' }", "{ 'x-api-key': '[redacted]', accept: '*/*' }"],
    ['secret = "SECRET4"', 'secret = "[redacted]"'],
  ])('%s', (text, redacted) => {
    expect(redactText(text)).toBe(redacted);
  });

  it('an inspected header object in an error message never reaches the log', () => {
    const lines: string[] = [];
    const headers = { 'x-api-key': 'KEYSECRET5', authorization: 'APISECRET6', 'content-type': 'text/plain' };
    createLogger((line) => lines.push(line)).error(`send failed with ${inspect(headers)}`);
    expect(lines.join('\n')).not.toMatch(/KEYSECRET5|APISECRET6/);
    expect(lines.join('\n')).toContain('text/plain');
  });
});
