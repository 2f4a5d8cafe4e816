import { describe, expect, it } from 'vitest';
import { parseCurl, toCurl } from '../../../electron/shared/send/curl';

// A first line ending in " ^" was taken for cmd's line continuation even inside a quoted bash body, so the composer's
// own "Copy as cURL" of such a body could not be pasted back ('found a second URL "next'"').
describe("a bash command whose quoted body's first line ends in ^", () => {
  it.each(['total ^\nnext', 'x = 2 ^\r\n3', "it's ^\nthat"])('reads back %j from Copy as cURL', (body) => {
    const command = toCurl({ method: 'POST', url: 'https://x.test/a', headers: [], body });
    expect(parseCurl(command).body).toBe(body);
  });

  it('still reads a cmd command whose first line is continued with ^ after a quoted argument', () => {
    const parsed = parseCurl('curl "https://x.test/a" ^\n  -H "A: 1" ^\n  -d "b=^"x^""');
    expect(parsed.url).toBe('https://x.test/a');
    expect(parsed.headers[0]).toEqual(['A', '1']);
  });
});
