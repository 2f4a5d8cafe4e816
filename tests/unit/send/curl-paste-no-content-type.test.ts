import { describe, expect, it } from 'vitest';
import { parseCurl, toCurl } from '../../../electron/shared/send/curl';
import { buildOutgoing } from '../../../electron/shared/send/outgoing';
import { draftFromCurl, emptyDraft, enabledHeaders } from '../../../renderer/src/features/compose/state';

/** The request the composer builds from a pasted command. */
function composed(command: string) {
  const draft = draftFromCurl(parseCurl(command), emptyDraft);
  return buildOutgoing({ ...draft, headers: enabledHeaders(draft.headers) }, {});
}

const contentTypes = (headers: [string, string][]) =>
  headers.filter(([name]) => name.toLowerCase() === 'content-type');

describe("a pasted cURL command whose -H 'Content-Type:' switches the type off", () => {
  it('is sent with no Content-Type, as curl sends it (none detected from the body is added)', () => {
    const built = composed(`curl https://x.test/hook -H 'Content-Type:' -d '{"a":1}'`);
    expect(built.errors).toEqual([]);
    expect(contentTypes(built.headers)).toEqual([]);
    expect(built.bodyText).toBe('{"a":1}');
  });

  it("round-trips a request that had none through Hookscope's own Copy as cURL", () => {
    const command = toCurl({
      method: 'POST',
      url: 'https://x.test/hook',
      headers: [['X-Trace', '1']],
      body: '<a/>',
    });
    expect(command).toContain('-H Content-Type:');
    const built = composed(command);
    expect(built.headers).toEqual([['X-Trace', '1']]);
  });

  it("gets curl's own label when the command says nothing of one, and keeps one it sets again", () => {
    expect(contentTypes(composed(`curl https://x.test/hook -d '{"a":1}'`).headers)).toEqual([
      ['Content-Type', 'application/x-www-form-urlencoded'],
    ]);
    expect(
      contentTypes(
        composed(`curl https://x.test/hook -H 'Content-Type:' -H 'Content-Type: text/x' -d a`).headers,
      ),
    ).toEqual([['Content-Type', 'text/x']]);
  });
});
