import { describe, expect, it } from 'vitest';
import { parseCurl } from '../../../electron/shared/send/curl';
import { buildOutgoing } from '../../../electron/shared/send/outgoing';
import { draftFromCurl, emptyDraft, enabledHeaders } from '../../../renderer/src/features/compose/state';

describe('a pasted cURL command with a Host header', () => {
  it('keeps it, as curl sends it in place of the URL host (a virtual host behind an IP)', () => {
    const parsed = parseCurl(
      `curl https://10.0.0.5/hook -H 'Host: api.internal.example' -H 'X-A: 1' -H 'Content-Length: 9' -d '{"a":1}'`,
    );
    const draft = draftFromCurl(parsed, emptyDraft);
    expect(enabledHeaders(draft.headers)).toEqual([
      ['Host', 'api.internal.example'],
      ['X-A', '1'],
      // curl labels -d data a form: sent so, with a warning that the body reads as JSON.
      ['Content-Type', 'application/x-www-form-urlencoded'],
    ]);
    const built = buildOutgoing({ ...draft, headers: enabledHeaders(draft.headers) }, {});
    expect(built.errors).toEqual([]);
    expect(built.headers).toContainEqual(['Host', 'api.internal.example']);
  });
});
