import { describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { input, node } from './helpers';

// WP Fusion's get_actions() reads $_REQUEST: its parameters (seed 003) work as form post data as well as in the URL.
const FORM = 'application/x-www-form-urlencoded';
const decode = (body: string, query = '') => decodeCapture(input(body, FORM, query));

describe('WP Fusion parameters in form post data', () => {
  it('are recognised, and the access key is masked as in the query string', () => {
    const r = decode('wpf_action=update&access_key=abcdef12&contact_id=8');
    expect(r.vendor).toBe('WP Fusion');
    expect(r.eventLabel).toBe('Update tags and meta');
    expect(node(r, '$.wpf_action').display).toBe('Update tags and meta (update)');
    expect(node(r, '$.access_key').display).toBe('ab••••••');
    expect(JSON.stringify(r.warnings)).not.toContain('abcdef12');
  });

  it('win over a Send-a-webhook reading of the same post data', () => {
    const r = decode('wpf_action=add&access_key=abcdef12&contact_id=8&firstname=Mary&lastname=Smith');
    expect(r.vendor).toBe('WP Fusion');
    expect(r.eventLabel).toBe('Add or update user');
    expect(node(r, '$.firstname').label).toBe('First name');
    expect(node(r, '$.access_key').display).toBe('ab••••••');
  });

  it('a posted field overrides the same one in the URL, as $_REQUEST merges them', () => {
    const r = decode('wpf_action=add', 'wpf_action=update_tags&access_key=abcdef12&contact_id=8');
    expect(r.eventLabel).toBe('Add or update user');
    // The key posted in the body counts: the query string is not warned about a missing one.
    const posted = decode('access_key=abcdef12', 'wpf_action=update&contact_id=8');
    expect(node(posted, 'query').warnings).toEqual([]);
    expect(node(posted, '$.access_key').display).toBe('ab••••••');
  });

  it('missing ones are warned about on the post data they came in, not on the query string', () => {
    const noKey = decode('wpf_action=update&contact_id=8');
    expect(node(noKey, '$').warnings.map((w) => w.message)).toEqual([
      'No access_key: WP Fusion refuses webhooks without it.',
    ]);
    const noContact = decode('wpf_action=update&access_key=abcdef12', 'utm_source=crm');
    expect(node(noContact, '$').warnings.map((w) => w.message)).toEqual([
      'No contact_id: WP Fusion cannot tell which contact to load (Ontraport URLs need contact_id=[Contact ID]).',
    ]);
    expect(node(noContact, 'query').warnings).toEqual([]);
    const blankContact = decode('wpf_action=update&access_key=abcdef12&contact_id=');
    expect(node(blankContact, '$').warnings.map((w) => w.message)).toEqual([
      'contact_id is empty: WP Fusion cannot tell which contact to load (was the [Contact ID] merge field blank?).',
    ]);
    // A contact given in the URL counts, as $_REQUEST merges the two.
    expect(decode('wpf_action=update&access_key=abcdef12', 'contact_id=8').warnings).toEqual([]);
  });

  it('a URL alone reads as before', () => {
    const r = decodeCapture(input('', null, 'wpf_action=update_tags&access_key=abcdef12&contact_id=8'));
    expect(r.eventLabel).toBe('Update tags');
    expect(node(r, 'query.access_key').display).toBe('ab••••••');
  });
});
