import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeCapture, searchTextFor } from '../../../electron/shared/decode/index';
import { input, node, samplesDir } from './helpers';

// WP Fusion takes Ortto webhooks too (DOMAIN-NOTES §4): the URL says WP Fusion, the JSON body is Ortto's, and Ortto
// fills its values itself — brackets in them are text, not Ontraport merge fields left unfilled.
const journey = JSON.parse(readFileSync(join(samplesDir, 'ortto-journey-webhook.json'), 'utf8')) as object;
const body = JSON.stringify({ ...journey, campaign_name: '[Draft] Spring sale' });
const query = 'wpf_action=update&access_key=abc12345';

describe('an Ortto webhook sent to a WP Fusion URL', () => {
  it('is not scanned for merge fields: [Draft] in a campaign name is not an unfilled merge field', () => {
    const r = decodeCapture(input(body, 'application/json', query));
    expect(r.candidates.map((c) => c.vendor)).toContain('WP Fusion');
    expect(node(r, '$.campaign_name').display).toBe('[Draft] Spring sale');
    expect(r.warnings.filter((w) => w.code === 'unresolved-merge-field')).toEqual([]);
    expect(searchTextFor(input(body, 'application/json', query))).not.toContain('unresolved merge field');
  });

  it('an Ontraport URL to WP Fusion still has its unfilled [Contact ID] flagged', () => {
    const r = decodeCapture(input('', null, `${query}&contact_id=%5BContact%20ID%5D`));
    expect(node(r, 'query.contact_id').warnings.map((w) => w.code)).toEqual(['unresolved-merge-field']);
  });
});
