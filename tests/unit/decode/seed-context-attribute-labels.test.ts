import { describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { input, node } from './helpers';

/**
 * Seed 004 (lines 87, 107, 114) words three default campaign attributes "X or Y (depending on activity context)".
 * The activities known only from that page took the hedge as their label: a Skipped email read its str::sr as
 * "Skipped reason or SMS response". Each reads the one meaning of its activity: str::rt is "Campaign type" only in
 * act::a and "Reaction type" elsewhere (DOMAIN-NOTES §1.5), email activities name their asset "Email name" (as
 * act::c, act::o … do in reference/ortto-fields.json), and act::sk skips with a reason.
 */
const attrs = (activity: string) =>
  decodeCapture(
    input(
      JSON.stringify({
        activity: {
          id: '00651b946bfef7e80478efee',
          field_id: activity,
          created: '2023-10-03T04:11:23Z',
          attr: { 'str::asn': 'Spring sale', 'str::rt': 'like', 'str::sr': 'frequency cap' },
        },
        contact: { contact_id: '00651b946baa9be6b2edad00' },
        id: '00651b946cef87c7af64f4f3',
        time: '2023-10-03T04:11:24Z',
        webhook_id: '651b8aec8002153e16319fd3',
      }),
    ),
  );
const label = (activity: string, id: string) =>
  node(attrs(activity), `$.activity.attr[${JSON.stringify(id)}]`).label;

describe('attributes the webhook page words "X or Y (depending on activity context)"', () => {
  it('read as a Skipped email means them (act::sk)', () => {
    expect(['str::asn', 'str::rt', 'str::sr'].map((id) => label('act::sk', id))).toEqual([
      'Email name',
      'Reaction type',
      'Skipped reason',
    ]);
  });

  it('name the asset and the reaction in WhatsApp and push activities, person and account alike', () => {
    for (const activity of ['act::was', 'act:o:was', 'act::sph']) {
      expect([label(activity, 'str::asn'), label(activity, 'str::rt')], activity).toEqual([
        'Asset name',
        'Reaction type',
      ]);
    }
  });
});
