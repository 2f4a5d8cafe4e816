import { describe, expect, it } from 'vitest';
import { buildOutgoing, type DraftRequest } from '../../../electron/shared/send/outgoing';

const record = { 'First Name': 'Mary "M" <x>&y' };
const textDraft = (contentType: string, body: string): DraftRequest => ({
  method: 'POST',
  url: 'http://127.0.0.1:9/hook',
  headers: [['Content-Type', contentType]],
  auth: { kind: 'none' },
  bodyMode: 'text',
  body,
});

describe('a Text body sent with a Content-Type typed by hand', () => {
  it('escapes merged values for the JSON the header declares', () => {
    const built = buildOutgoing(textDraft('application/json', '{"name":"[First Name]"}'), record);
    expect(JSON.parse(built.bodyText!)).toEqual({ name: record['First Name'] });
    expect(built.contentType).toBe('application/json');
  });

  it('escapes them for a declared form or XML body too', () => {
    const form = buildOutgoing(textDraft('application/x-www-form-urlencoded', 'name=[First Name]'), record);
    expect(new URLSearchParams(form.bodyText!).get('name')).toBe(record['First Name']);
    const xml = buildOutgoing(
      textDraft('text/xml; charset=utf-8', '<a n="[First Name]">[First Name]</a>'),
      record,
    );
    expect(xml.bodyText).toBe(
      '<a n="Mary &quot;M&quot; &lt;x&gt;&amp;y">Mary &quot;M&quot; &lt;x&gt;&amp;y</a>',
    );
  });

  it('leaves values verbatim in a plain text body', () => {
    const built = buildOutgoing(textDraft('text/plain', 'Hi [First Name]'), record);
    expect(built.bodyText).toBe(`Hi ${record['First Name']}`);
  });
});
