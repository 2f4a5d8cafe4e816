import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCustomDictionary, decodeCapture, searchTextFor } from '../../../electron/shared/decode/index';
import { input, node, samplesDir } from './helpers';

// A journey webhook that carries the activity which entered the person: the list names the journey, so the
// activity's name reaches the search index only from the activity node — under the label the Decoded tab shows.
const journey = JSON.parse(
  readFileSync(join(samplesDir, 'ortto-journey-webhook-with-activity.SPECULATIVE.json'), 'utf8'),
) as { activity: Record<string, unknown> };
const body = JSON.stringify({ ...journey, activity: { ...journey.activity, field_id: 'act::s-all' } });
const custom = compileCustomDictionary([
  { fieldId: 'act::s-all', label: 'Rejoined newsletter', activityId: null, displayType: null },
]);

describe('search words for the activity inside a journey webhook', () => {
  it('include the custom label the Decoded tab shows for it, and the built-in names', () => {
    const decoded = decodeCapture(input(body), custom);
    expect(decoded.eventLabel).toMatch(/^Journey\/playbook webhook/);
    expect(node(decoded, '$.activity.field_id').display).toBe('Rejoined newsletter (act::s-all)');
    const words = searchTextFor(input(body), custom).split('\n');
    expect(words).toContain('Rejoined newsletter');
    expect(words).toContain('Subscribed to email');
    expect(words).toContain('act::s-all');
  });
});
