import { describe, expect, it } from 'vitest';
import { parseCurl } from '../../../electron/shared/send/curl';
import { buildOutgoing } from '../../../electron/shared/send/outgoing';
import { draftFromCurl, emptyDraft, enabledHeaders } from '../../../renderer/src/features/compose/state';

describe('a pasted JSON body that curl labels a form (-d with no Content-Type)', () => {
  it('opens as JSON, so a merged value is JSON-escaped, while the label goes out as curl sends it', () => {
    const draft = draftFromCurl(parseCurl(`curl -d '{"to":"[Email]"}' http://127.0.0.1:9/x`), emptyDraft);
    expect(draft.bodyMode).toBe('json');
    const built = buildOutgoing(
      { ...draft, headers: enabledHeaders(draft.headers) },
      { Email: 'a&"b"@x.test' },
    );
    expect(built.bodyText).toBe('{"to":"a&\\"b\\"@x.test"}');
    expect(built.warnings).toEqual([]);
    expect(built.headers).toContainEqual(['Content-Type', 'application/x-www-form-urlencoded']);
  });

  it('a form body labelled a form still opens as a form', () => {
    const draft = draftFromCurl(parseCurl(`curl -d 'to=[Email]' http://127.0.0.1:9/x`), emptyDraft);
    expect(draft.bodyMode).toBe('form');
  });
});
