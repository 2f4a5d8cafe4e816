import { describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { input, node } from './helpers';

// The Decoded tab masks credentials by one rule: the first two characters and dots, a key of one or two characters all
// dots. A short WP Fusion access_key was shown whole, and Ontraport's Api-Key and Api-Appid (seed 002) not masked at all.
const wpFusion = (key: string) =>
  decodeCapture(input('', null, `wpf_action=update&access_key=${key}&contact_id=8`));
const seed002 =
  'Api-Appid=1_111111_111111111&Api-Key=22222222222222&id=0&data=Note inserted by webhook using new API.&author=1&contact_id=8';

describe('credentials in the Decoded tab', () => {
  it.each([
    ['a', '•'],
    ['ab', '••'],
    ['abc', 'ab•'],
    ['abcdef12', 'ab••••••'],
  ])('WP Fusion access_key %s reads %s', (key, shown) => {
    const n = node(wpFusion(key), 'query.access_key');
    expect(n.type).toBe('secret');
    expect(n.display).toBe(shown);
  });

  it("masks Ontraport post data's Api-Key and Api-Appid as WP Fusion's key", () => {
    const r = decodeCapture(input(seed002, 'application/x-www-form-urlencoded'));
    expect(r.vendor).toBe('Ontraport');
    expect(node(r, '$["Api-Key"]').type).toBe('secret');
    expect(node(r, '$["Api-Key"]').display).toBe('22••••••••••••');
    expect(node(r, '$["Api-Appid"]').display).toBe('1_••••••••••••');
  });

  it('masks them in JSON post data, a number too, and a short one whole', () => {
    const r = decodeCapture(
      input(
        JSON.stringify({ 'Api-Appid': 'x9', 'Api-Key': 22222222222222, contact_id: '8' }),
        'application/json',
      ),
    );
    expect(r.vendor).toBe('Ontraport');
    expect(node(r, '$["Api-Appid"]').display).toBe('••');
    expect(node(r, '$["Api-Key"]').display).toBe('22••••••••••••');
  });

  it('masks every value of one sent as a list or an object', () => {
    const form = decodeCapture(
      input('Api-Key=SECRETAAAA&Api-Key=SECRETBBBB&contact_id=8', 'application/x-www-form-urlencoded'),
    );
    const json = decodeCapture(input('{"Api-Key":{"v":"SECRETCCC"},"contact_id":"8"}', 'application/json'));
    expect(node(form, '$["Api-Key"][0]').display).toBe('SE••••••••');
    expect(node(form, '$["Api-Key"][1]').display).toBe('SE••••••••');
    expect(node(json, '$["Api-Key"].v').display).toBe('SE•••••••');
  });
});
