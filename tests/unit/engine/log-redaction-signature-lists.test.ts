import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../electron/engine/util/logger';

// Signature headers hold comma-separated lists (`t=…,v1=…`, `v1,…`); an error quoting the headers as `Name: value`
// lines joined with `, ` must not leave the part after the first comma in the log.
describe('log text with comma-separated signature values', () => {
  it.each([
    ['Stripe-Signature', 't=1700000000,v1=LISTSECRET1,v0=LISTSECRET2'],
    ['webhook-signature', 'v1,LISTSECRET3 v1,LISTSECRET4'],
    ['svix-signature', 'v1,LISTSECRET5'],
  ])('%s', (name, value) => {
    const lines: string[] = [];
    createLogger((line) => lines.push(line)).error(
      `annotator broke on Host: example.com, ${name}: ${value}, Content-Type: application/json`,
    );
    const logged = lines.join('\n');
    expect(logged).not.toMatch(/LISTSECRET/);
    expect(logged).toContain('Host: example.com');
    expect(logged).toContain('Content-Type: application/json');
  });
});
