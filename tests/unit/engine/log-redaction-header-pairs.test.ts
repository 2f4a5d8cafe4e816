import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../electron/engine/util/logger';

// A capture's headers are [name, value] pairs; an error message that quotes them as JSON or util.inspect writes them
// must not carry a secret value into the log.
const headers: Array<[string, string]> = [
  ['X-Api-Key', 'PAIRSECRET1'],
  ['Cookie', 'session=PAIRSECRET2'],
  ['Stripe-Signature', 't=1,v1=PAIRSECRET3'],
  ['Content-Type', 'application/json'],
];

describe('log text with quoted header pairs', () => {
  it.each([
    ['JSON', JSON.stringify(headers)],
    ['util.inspect', inspect(headers)],
  ])('%s', (_, quoted) => {
    const lines: string[] = [];
    createLogger((line) => lines.push(line)).error(`annotator broke on ${quoted}`);
    const logged = lines.join('\n');
    expect(logged).not.toMatch(/PAIRSECRET/);
    expect(logged).toContain('application/json');
    expect(logged).toContain('X-Api-Key');
  });
});
