// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeCapture, type DecodedNode } from '../../../electron/shared/decode/index';
import { DecodedRow } from '../../../renderer/src/features/decode/DecodedTree';
import { input, node } from './helpers';

// Ontraport sends a birthday as the Unix time of its midnight UTC (DOMAIN-NOTES §3.3): a date, not an instant. Read in
// the viewer's zone it moved a day back west of Greenwich ("· local 1980-03-03 19:00 EST" for 1980-03-04).
const FORM = 'application/x-www-form-urlencoded';
const delivery = (fields: string) =>
  decodeCapture(input(`webhook_id=3&event[type]=sub_tag&data[id]=8&${fields}`, FORM));
const rowText = (n: DecodedNode) =>
  render(<DecodedRow node={n} depth={0} options={{ rawKeys: false, openDepth: 0 }} />).container.textContent;

afterEach(cleanup);

describe('an Ontraport birthday', () => {
  it('reads as the date sent, with no local-time reading', () => {
    const birthday = node(delivery('data[birthday]=320976000'), '$.data.birthday');
    expect(birthday).toMatchObject({ type: 'date', display: '1980-03-04', epochMs: null });
    expect(rowText(birthday)).not.toContain('local');
  });

  it('one that is not at midnight UTC shows its time, still without a local reading', () => {
    const birthday = node(delivery('data[birthday]=320990400'), '$.data.birthday');
    expect(birthday).toMatchObject({ display: '1980-03-04 04:00:00 UTC', epochMs: null });
  });

  it('times of day keep their local reading', () => {
    const added = node(delivery('data[birthday]=320976000&data[date]=320976000'), '$.data.date');
    expect(added.epochMs).toBe(320_976_000_000);
    expect(rowText(added)).toContain('· local');
  });
});
