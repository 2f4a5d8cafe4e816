import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../electron/engine/engine';
import { silentLogger } from '../../electron/engine/util/logger';
import { send } from '../helpers/raw-http';
import { tempDir } from '../helpers/temp-dir';

const root = join(import.meta.dirname, '../..');
const dir = tempDir();
const CAPTURES = 60;

beforeAll(async () => {
  const engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
  for (let i = 0; i < CAPTURES; i++)
    await send(`${engine.receiverUrl}/pipe/${i}`, {
      method: 'POST',
      headers: [['Content-Type', 'application/json']],
      body: JSON.stringify({ i, pad: 'x'.repeat(2000) }),
    });
  await engine.close();
});
afterAll(() => dir.cleanup());

/** Runs the built `hookscope` command with its stdout on a pipe, as `hookscope export | jq` has it. */
function runPiped(args: string[]): Promise<{ code: number | null; stdout: Buffer }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'bin/hookscope.mjs'), ...args], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout: Buffer.concat(chunks) }));
  });
}

describe('the built hookscope command (bin/hookscope.mjs)', () => {
  it('writes all of a large export to a pipe before it exits', async () => {
    const { code, stdout } = await runPiped(['export', '--data-dir', dir.path, '--format', 'jsonl']);
    expect(code).toBe(0);
    expect(stdout.length).toBeGreaterThan(128 * 1024);
    const lines = stdout.toString('utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(CAPTURES);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });
});
