import { describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { input, node } from './helpers';

// PHP keeps the last of a repeated query parameter, so WP Fusion acts on that one (seed 003's parameters).
const decode = (query: string) => decodeCapture(input('', null, `wpf_action=update&${query}`));
const messages = (r: ReturnType<typeof decode>, path: string) => node(r, path).warnings.map((w) => w.message);

describe('a repeated WP Fusion parameter', () => {
  it('a repeated access key stays masked, values and all', () => {
    const r = decode('access_key=abcdef12&access_key=zzzz9999&contact_id=8');
    expect(node(r, 'query.access_key').display).toBe('zz••••••');
    expect(messages(r, 'query.access_key')).toEqual([
      'access_key is repeated (2 values): WP Fusion uses the last one.',
    ]);
    expect(JSON.stringify(r.warnings)).not.toContain('abcdef12');
  });

  it('the role WP Fusion will use is the one checked: a last administrator is refused', () => {
    const r = decode('access_key=k1234567&contact_id=8&role=customer&role=administrator');
    expect(node(r, 'query.role').display).toBe('administrator');
    expect(messages(r, 'query.role')).toEqual([
      'WP Fusion refuses the administrator role.',
      'role is repeated (customer, administrator): WP Fusion uses the last one.',
    ]);
  });

  it('a repeated contact_id names the contact that is loaded', () => {
    const r = decode('access_key=k1234567&contact_id=8&contact_id=9');
    expect(node(r, 'query.contact_id').display).toBe('9');
    expect(messages(r, 'query.contact_id')).toEqual([
      'contact_id is repeated (8, 9): WP Fusion uses the last one.',
    ]);
  });

  it('single values read as before', () => {
    const r = decode('access_key=abcdef12&contact_id=8&role=customer');
    expect(node(r, 'query.access_key').display).toBe('ab••••••');
    expect(node(r, 'query.contact_id').warnings).toEqual([]);
    expect(node(r, 'query.role').warnings).toEqual([]);
  });
});
