import { describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { input, node, sample } from './helpers';

// A notify delivery leaves every field but the record id empty (seed 001): each empty one says so, ID fields too.
describe('empty ID fields of an Ontraport notify delivery', () => {
  it('read "(empty)" like the other empty fields, not a blank value', () => {
    const r = decodeCapture(
      input(sample('ontraport-sub-tag-notify.form.txt'), 'application/x-www-form-urlencoded'),
    );
    for (const path of ['$.data.owner', '$.data.import_id', '$.data.firstname'])
      expect(node(r, path).display, path).toBe('(empty)');
    expect(node(r, '$.data.owner').type).toBe('id');
    expect(node(r, '$.data.id').display).toBe('8');
  });
});
