import { describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { input, node } from './helpers';

// A WP Fusion action in the URL with a JSON or XML body: the body names the contact (Ortto's JSON carries contact_id)
// as form post data does, so one naming none is warned about as a form body is.
const URL_ACTION = 'wpf_action=update&access_key=abcdef12';
const NO_CONTACT =
  'No contact_id: WP Fusion cannot tell which contact to load (Ontraport URLs need contact_id=[Contact ID]).';
const BLANK_CONTACT =
  'contact_id is empty: WP Fusion cannot tell which contact to load (was the [Contact ID] merge field blank?).';
const json = (body: string, query = URL_ACTION) => decodeCapture(input(body, 'application/json', query));
const xml = (body: string, query = URL_ACTION) => decodeCapture(input(body, 'application/xml', query));
const queryWarnings = (r: ReturnType<typeof decodeCapture>) =>
  node(r, 'query').warnings.map((w) => w.message);

describe('WP Fusion action in the URL with a JSON or XML body', () => {
  it('warns on the query string when neither the URL nor the body gives contact_id', () => {
    const fromJson = json('{"firstname":"Mary","email":"m@x.com"}');
    expect(fromJson.vendor).toBe('WP Fusion');
    expect(queryWarnings(fromJson)).toEqual([NO_CONTACT]);
    expect(queryWarnings(xml('<contact><firstname>Mary</firstname></contact>'))).toEqual([NO_CONTACT]);
    // Only a top-level key, or a child of the root, names the contact: a nested one is some other record's.
    expect(queryWarnings(json('{"note":{"contact_id":"8"}}'))).toEqual([NO_CONTACT]);
    expect(queryWarnings(xml('<contact><note><contact_id>8</contact_id></note></contact>'))).toEqual([
      NO_CONTACT,
    ]);
  });

  it('takes a contact_id given in the body or the URL', () => {
    expect(json('{"contact_id":"8","firstname":"Mary"}').warnings).toEqual([]);
    expect(json('{"contact_id":8}').warnings).toEqual([]);
    expect(xml('<?xml version="1.0"?><contact><contact_id>8</contact_id></contact>').warnings).toEqual([]);
    expect(json('{"firstname":"Mary"}', `${URL_ACTION}&contact_id=8`).warnings).toEqual([]);
    expect(xml('<contact/>', `${URL_ACTION}&contact_id=8`).warnings).toEqual([]);
  });

  it('warns when the contact_id given is blank', () => {
    expect(queryWarnings(json('{"contact_id":""}'))).toEqual([BLANK_CONTACT]);
    expect(queryWarnings(json('{"contact_id":null}'))).toEqual([BLANK_CONTACT]);
    expect(queryWarnings(xml('<contact><contact_id></contact_id></contact>'))).toEqual([BLANK_CONTACT]);
  });
});
