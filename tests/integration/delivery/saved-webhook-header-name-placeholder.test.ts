import { describe, expect, it } from 'vitest';
import { useApiHarness } from './helpers';

const api = useApiHarness();
const call = api.call;

const webhook = (headers: [string, string][]) => ({
  name: 'Vendor key',
  method: 'POST',
  url: 'https://x.example/hook',
  headers,
});

/** A saved webhook's send fills header names as the composer does, so saving and importing take them as typed. */
describe('a saved webhook with placeholders in a header name', () => {
  it('webhooks.save keeps {{variables}} and [Merge Fields] in header names', async () => {
    const headers: [string, string][] = [
      ['X-{{vendor}}-Key', '{{key}}'],
      ['[Tenant]-Id', '1'],
    ];
    const saved = await call('webhooks.save', webhook(headers));
    expect(saved.error).toBeUndefined();
    const list = (await call('webhooks.list', {})).value as {
      items: Array<{ name: string; headers: unknown }>;
    };
    expect(list.items.find((w) => w.name === 'Vendor key')?.headers).toEqual(headers);
  });

  it('webhooks.import takes them too', async () => {
    const content = JSON.stringify({
      format: 'hookscope-webhooks',
      version: 1,
      webhooks: [{ ...webhook([['X-{{vendor}}-Key', 'v']]), name: 'Imported vendor key' }],
    });
    const imported = (await call('webhooks.import', { content })).value as {
      imported: number;
      errors: string[];
    };
    expect(imported).toMatchObject({ imported: 1, errors: [] });
  });

  it.each(['X Key', 'X-{{vendor}}-Key:', 'X-{{vendor', ' X-{{vendor}}'])(
    'still refuses %j, whose text around the placeholders is no header name',
    async (name) => {
      const result = await call('webhooks.save', webhook([[name, 'v']]));
      expect(result.error?.code).toBe('invalid_input');
      expect(result.error?.message).toBe(`headers.0.0: malformed header name "${name}"`);
    },
  );
});
