import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyCapture, decodeCapture } from '../../../electron/shared/decode/index';
import { input, node, samplesDir } from './helpers';

/**
 * Seed 001: "Data payloads are sent in groups of 100", and the support article shows a delivery as PHP bracket pairs
 * (reference/samples README: each delivery is given both as JSON and form-encoded). A group sent as a JSON array was
 * recognised; the same group form-encoded (`0[event][type]=sub_tag&1[event][type]=unsub_tag`) was decoded generically.
 */
const form = 'application/x-www-form-urlencoded';
const sample = (name: string) => readFileSync(join(samplesDir, name), 'utf8').trim();
/** A form-encoded delivery's pairs, each name put under the index `i` (`event%5Btype%5D` → `1%5Bevent%5D%5Btype%5D`). */
const indexed = (pairs: string, i: number) =>
  pairs
    .split('&')
    .map((pair) => pair.replace(/^([^=%]+)(%5B|=)/, `${i}%5B$1%5D$2`))
    .join('&');
const body = [
  indexed(sample('ontraport-sub-tag-lightweight.form.txt'), 0),
  indexed(sample('ontraport-unsub-tag-lightweight.form.txt'), 1),
].join('&');

describe('Ontraport subscription deliveries sent together as form pairs', () => {
  it('are recognised as Ontraport, in the list as in the Decoded tab', () => {
    const r = decodeCapture(input(body, form));
    expect([r.vendor, r.eventLabel, r.recognition?.kind]).toEqual([
      'Ontraport',
      'Tag added (4), Tag removed (4) (2 deliveries)',
      'ontraport-subscription',
    ]);
    expect(classifyCapture(input(body, form))).toEqual({ vendor: r.vendor, eventLabel: r.eventLabel });
  });

  it('label every delivery as a single one is labelled', () => {
    const r = decodeCapture(input(body, form));
    expect(node(r, '$["1"]').label).toBe('Delivery 2');
    expect(node(r, '$["1"].event.type').display).toBe('Tag removed (unsub_tag)');
    expect(node(r, '$["1"].data.firstname').label).toBe('First name');
    expect(node(r, '$["1"].timestamp').display).toBe('2018-01-03 00:42:20 UTC');
  });

  it('a form keyed by numbers that are not deliveries stays generic', () => {
    expect(decodeCapture(input('0=a&1=b', form)).vendor).toBeNull();
  });
});
