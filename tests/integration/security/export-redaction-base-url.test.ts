import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { send } from '../../helpers/raw-http';
import { cliIo } from '../../helpers/cli-io';
import { useTestEngine } from '../../helpers/test-engine';

// `hookscope export --base-url http://user:password@host`: the base is written before every capture's path in the HAR
// `url` and the cURL commands, so its password is a credential like one in a captured URL.
const t = useTestEngine();
const formats = ['har', 'curl', 'json', 'jsonl'] as const;

const exported = async (format: (typeof formats)[number], ...flags: string[]) => {
  const { engine, dataDir } = t;
  await send(`${engine.receiverUrl}/based`, { method: 'POST', body: '{}' });
  engine.ctx.captures.indexer.drain();
  const out = cliIo();
  const args = ['export', '--data-dir', dataDir, '--format', format, '--limit', '1'];
  const code = await main([...args, '--base-url', 'http://bob:BASEPASSWORD1@hooks.test', ...flags], out.io);
  expect(code, out.err()).toBe(0);
  return out.out();
};

describe('a --base-url with user info in a CLI export', () => {
  it.each(formats)('%s: its password is redacted by default, the user name and host kept', async (format) => {
    const content = await exported(format);
    expect(content).not.toContain('BASEPASSWORD1');
    if (format === 'har' || format === 'curl')
      expect(content).toContain('http://bob:%5Bredacted%5D@hooks.test/based');
  });

  it.each(['har', 'curl'] as const)('%s: it is kept whole with --no-redact', async (format) => {
    expect(await exported(format, '--no-redact')).toContain('http://bob:BASEPASSWORD1@hooks.test/based');
  });
});
