import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyCapture, decodeCapture } from '../../../electron/shared/decode/index';
import { input, node, samplesDir } from './helpers';

// Seed 001: "Data payloads are sent in groups of 100": several subscription deliveries in one JSON array.
const delivery = (name: string) => JSON.parse(readFileSync(join(samplesDir, name), 'utf8')) as object;
const added = delivery('ontraport-sub-tag-lightweight.json');
const removed = delivery('ontraport-unsub-tag-lightweight.json');

describe('Ontraport subscription deliveries sent together as a JSON array', () => {
  it('are recognised as Ontraport, in the list as in the Decoded tab', () => {
    const body = JSON.stringify([added, removed]);
    const r = decodeCapture(input(body));
    expect([r.vendor, r.eventLabel]).toEqual(['Ontraport', 'Tag added (4), Tag removed (4) (2 deliveries)']);
    expect(classifyCapture(input(body))).toEqual({ vendor: r.vendor, eventLabel: r.eventLabel });
  });

  it('label every delivery as a single one is labelled', () => {
    const r = decodeCapture(input(JSON.stringify([added, { ...added, object_type_id: '10003' }])));
    expect(node(r, '$[0]').label).toBe('Delivery 1');
    expect(node(r, '$[0].event.type').display).toBe('Tag added (sub_tag)');
    expect(node(r, '$[0].data.firstname').label).toBe('First name');
    expect(node(r, '$[0].timestamp').display).toBe('2018-01-03 00:42:20 UTC');
    // Each item is read as its own object type: a custom object's record has no contact fields.
    expect(node(r, '$[1].object_type_id').display).toBe('Custom object (10003)');
    expect(node(r, '$[1].data.id').label).toBe('Record ID');
  });

  it('an array with anything but deliveries in it stays generic', () => {
    expect(decodeCapture(input(JSON.stringify([added, { event: 'x' }]))).vendor).toBeNull();
    expect(decodeCapture(input('[]')).vendor).toBeNull();
  });
});
