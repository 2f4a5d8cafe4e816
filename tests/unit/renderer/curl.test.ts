import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellQuote, toCurl } from '../../../renderer/src/lib/curl';

describe('copy as cURL', () => {
  it('quotes anything a sender controls so the shell sees it verbatim', () => {
    const hostile = [`it's`, '$(touch /tmp/pwned)', '`id`', 'a\nb', '"; rm -rf ~ #', '\\'];
    for (const value of hostile) {
      // printf through a real shell: what comes out must be exactly what went in.
      const out = execFileSync('sh', ['-c', `printf %s ${shellQuote(value)}`]).toString();
      expect(out).toBe(value);
    }
  });

  it('drops framing headers curl computes itself and marks binary bodies as a file', () => {
    const cmd = toCurl({
      method: 'POST',
      url: 'http://127.0.0.1:1/x?a=1',
      headers: [
        ['Host', 'h'],
        ['Content-Length', '3'],
        ['X-A', 'b'],
      ],
      bodyText: null,
      bodySize: 3,
    });
    expect(cmd).not.toMatch(/Host:|Content-Length/);
    expect(cmd).toContain(`-H 'X-A: b'`);
    expect(cmd).toContain('--data-binary @body.bin');
    expect(toCurl({ method: 'GET', url: 'http://h/', headers: [], bodyText: '', bodySize: 0 })).toBe(
      'curl http://h/',
    );
  });
});
