/** A realistic Ortto activity webhook (seed 004 envelope) for the first-run "send a sample" button. */
export function sampleOrttoWebhook(nowMs: number): string {
  const iso = new Date(nowMs).toISOString();
  return JSON.stringify({
    activity: {
      id: '0065a3c1f2e8d9b0a1c2d3e4',
      field_id: 'act::c',
      created: iso,
      attr: {
        'idt::c': '651b8aec8002153e16319fd3',
        'str::cn': 'Spring newsletter',
        'str::asn': 'Spring newsletter — variant A',
        'str::c': 'https://example.com/spring?utm_source=ortto',
        'bol::m': false,
      },
    },
    contact: {
      contact_id: '006153c398e0fdf2320c0701',
      email: 'chris@example.com',
      first_name: 'Chris',
      last_name: 'Example',
      phone_number: { c: '61', n: '401234567' },
    },
    id: '0065a3c1f2e8d9b0a1c2d3e5',
    time: iso,
    webhook_id: '651b8aec8002153e16319fd4',
  });
}
