import { describe, expect, it } from 'vitest';
import { useApiHarness } from './helpers';

const api = useApiHarness();
const call = api.call;

/**
 * `allowLoop` switches off the loop guard and `name` stands in for the webhook's own name: both belong to one send, so a
 * saved webhook (whose options an API client may spread into `deliveries.send`) never keeps them.
 */
describe('saved webhook options leave out the send-only allowLoop and name', () => {
  it.each(['allowLoop', 'name'])('webhooks.save refuses options.%s, naming it', async (key) => {
    const result = await call('webhooks.save', {
      name: 'Loop',
      method: 'POST',
      url: 'https://x.example/hook',
      options: { [key]: key === 'allowLoop' ? true : 'Other name' },
    });
    expect(result.error?.code).toBe('invalid_input');
    expect(result.error?.message).toMatch(new RegExp(`^options\\.${key}: not an input of webhooks\\.save`));
  });

  it('webhooks.import leaves them out and names them under ignored', async () => {
    const content = JSON.stringify({
      format: 'hookscope-webhooks',
      version: 1,
      webhooks: [
        {
          name: 'Imported loop',
          method: 'POST',
          url: 'https://x.example/hook',
          options: { timeoutMs: 5000, allowLoop: true, name: 'Other name' },
        },
      ],
    });
    const imported = (await call('webhooks.import', { content })).value as {
      imported: number;
      errors: string[];
      ignored: string[];
    };
    expect(imported.errors).toEqual([]);
    expect(imported.imported).toBe(1);
    expect(imported.ignored).toEqual(['webhooks[0] "Imported loop": options.allowLoop, options.name']);
    const list = (await call('webhooks.list', {})).value as {
      items: Array<{ name: string; options: Record<string, unknown> }>;
    };
    expect(list.items.find((w) => w.name === 'Imported loop')?.options).toEqual({ timeoutMs: 5000 });
  });

  it('a webhook saved with them by an earlier version reads without them, so its edit can be saved again', async () => {
    api.engine.ctx.db
      .prepare(
        'INSERT INTO saved_webhooks (collection_id, name, method, url, headers_json, body, policy, options_json, created_at_ms, updated_at_ms) VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, 1, 1)',
      )
      .run(
        'Older',
        'POST',
        'https://x.example/hook',
        '[]',
        '',
        'none',
        '{"allowLoop":true,"name":"x","timeoutMs":5000}',
      );
    const list = (await call('webhooks.list', {})).value as {
      items: Array<{
        id: number;
        name: string;
        method: string;
        url: string;
        options: Record<string, unknown>;
      }>;
    };
    const older = list.items.find((w) => w.name === 'Older')!;
    expect(older.options).toEqual({ timeoutMs: 5000 });
    const { id, name, method, url, options } = older;
    expect((await call('webhooks.save', { id, name, method, url, options })).error).toBeUndefined();
  });
});
