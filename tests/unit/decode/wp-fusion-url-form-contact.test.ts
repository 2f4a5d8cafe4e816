import { describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { input, node } from './helpers';

// WP Fusion reads contact_id from $_REQUEST (seed 003): the query string and form post data merged.
const FORM = 'application/x-www-form-urlencoded';
const decode = (body: string, query: string) => decodeCapture(input(body, FORM, query));
const NO_CONTACT =
  'No contact_id: WP Fusion cannot tell which contact to load (Ontraport URLs need contact_id=[Contact ID]).';

describe('WP Fusion action in the URL with form post data', () => {
  it('warns on the query string when neither the URL nor the post data gives contact_id', () => {
    const r = decode('firstname=Mary&email=m%40x.com', 'wpf_action=update&access_key=abcdef12');
    expect(r.vendor).toBe('WP Fusion');
    expect(node(r, 'query').warnings.map((w) => w.message)).toEqual([NO_CONTACT]);
    expect(node(r, '$').warnings).toEqual([]);
  });

  it('takes a contact_id given in either place', () => {
    expect(decode('firstname=Mary&contact_id=8', 'wpf_action=update&access_key=abcdef12').warnings).toEqual(
      [],
    );
    expect(decode('firstname=Mary', 'wpf_action=update&access_key=abcdef12&contact_id=8').warnings).toEqual(
      [],
    );
  });

  it('warns when the merged contact_id is blank', () => {
    const r = decode('firstname=Mary&contact_id=', 'wpf_action=update&access_key=abcdef12&contact_id=8');
    expect(node(r, 'query').warnings.map((w) => w.message)).toEqual([
      'contact_id is empty: WP Fusion cannot tell which contact to load (was the [Contact ID] merge field blank?).',
    ]);
  });
});
