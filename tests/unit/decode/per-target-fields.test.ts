import { describe, expect, it } from 'vitest';
import { decodeCapture, fieldLabel } from '../../../electron/shared/decode/index';
import { input, node } from './helpers';

// The schema's `tme::m_` (Member of audience), `tme::sc_` (Has started campaign) … end in `_`: one field per audience
// or campaign, its ID after the `_`. They were read from the ID as "M 651b… (date-time field)" with an unknown-ID warning.
describe('Ortto fields kept per audience or campaign', () => {
  const audience = '651b8aec8002153e16319fd3';

  it('take the label of their dictionary field, with the audience or campaign ID', () => {
    expect(fieldLabel(`tme::m_${audience}`, null)).toMatchObject({
      label: `Member of audience ${audience}`,
      source: 'dictionary',
    });
    expect(fieldLabel(`tme::sc_${audience}`, null)?.label).toBe(`Has started campaign ${audience}`);
  });

  it('are decoded as times with no unknown-ID warning', () => {
    const r = decodeCapture(
      input(
        JSON.stringify({
          contact_id: '00651b946baa9be6b2edad00',
          webhook_id: audience,
          campaign_id: 'c',
          [`tme::m_${audience}`]: '2023-10-03T04:11:23Z',
        }),
      ),
    );
    const n = node(r, `$["tme::m_${audience}"]`);
    expect(n.label).toBe(`Member of audience ${audience}`);
    expect(n.display).toBe('2023-10-03 04:11:23 UTC');
    expect(n.warnings).toEqual([]);
  });

  it('leave other IDs with an underscore alone', () => {
    expect(fieldLabel('str:cm:job_title', null)).toMatchObject({ label: 'Job title (custom text field)' });
  });
});
