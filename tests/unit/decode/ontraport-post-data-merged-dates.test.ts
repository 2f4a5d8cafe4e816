import { describe, expect, it } from 'vitest';
import { compileCustomDictionary, decodeCapture } from '../../../electron/shared/decode/index';
import { input, node } from './helpers';

/**
 * "Send a Webhook" post data and URLs carry what Ontraport's merge fields rendered, and a date merge field renders a
 * formatted date (`[nDate long+0]`, abbreviated, slash, dash or European, DOMAIN-NOTES §3.1), not the Unix seconds a
 * subscription delivery's record holds (§3.3). `birthday=1980-03-04` in post data was flagged "Expected Unix
 * seconds.", a warning about a value that is just what the sender sends.
 */
const form = 'application/x-www-form-urlencoded';

describe('a date field in Ontraport post data', () => {
  it('is shown as the merge field formatted it, with no warning', () => {
    const r = decodeCapture(
      input('firstname=Mary&contact_id=8&birthday=1980-03-04&date=03%2F04%2F2024', form),
    );
    expect(r.recognition?.kind).toBe('ontraport-send-webhook');
    expect(r.warnings).toEqual([]);
    expect([node(r, '$.birthday').display, node(r, '$.date').display]).toEqual(['1980-03-04', '03/04/2024']);
  });

  it('is read as Unix seconds when it is sent as them', () => {
    const r = decodeCapture(input('firstname=Mary&contact_id=8&birthday=315532800', form));
    expect(node(r, '$.birthday').display).toBe('1980-01-01');
  });

  it('in a WP Fusion URL is shown as sent too', () => {
    const r = decodeCapture(
      input('', null, 'wpf_action=update&access_key=abc12345&contact_id=8&dlm=March+4%2C+2024'),
    );
    expect(r.warnings).toEqual([]);
    expect(node(r, 'query.dlm').display).toBe('March 4, 2024');
  });

  it('in a subscription delivery is still expected as Unix seconds', () => {
    const r = decodeCapture(
      input(
        JSON.stringify({
          webhook_id: '3',
          object_type_id: '0',
          event: { type: 'sub_tag', tag_id: '4' },
          data: { id: '8', birthday: '1980-03-04' },
          timestamp: '1514940140',
        }),
      ),
    );
    expect(node(r, '$.data.birthday').warnings.map((w) => w.message)).toEqual(['Expected Unix seconds.']);
  });
});

describe('a custom date field in Ontraport post data', () => {
  // The same article: "Contact field dates, including custom date fields you add" take the merge field's format.
  const custom = compileCustomDictionary([
    { fieldId: 'f1585', label: 'Joined on', activityId: null, displayType: 'date' },
  ]);

  it('is shown as its merge field formatted it, or read as Unix seconds when sent as them', () => {
    const r = decodeCapture(input('firstname=Mary&contact_id=8&f1585=1%2F21%2F2015', form), custom);
    expect(r.warnings).toEqual([]);
    expect(node(r, '$.f1585').display).toBe('1/21/2015');
    const seconds = decodeCapture(input('firstname=Mary&contact_id=8&f1585=1421798400', form), custom);
    expect(node(seconds, '$.f1585').display).toBe('2015-01-21');
  });
});
