import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { requestTarget } from '../../../electron/shared/send/request-target';
import { useEngineApi } from '../../helpers/engine-api';
import { useRecordingTarget } from '../../helpers/recording-target';

const execFileAsync = promisify(execFile);
const s = useEngineApi();
const target = useRecordingTarget();

// The composer's client sends a typed space or non-ASCII percent-encoded; curl refuses a URL with a space (exit 3)
// and sends a query's UTF-8 raw, so the command has to carry the URL as the composer sends it.
describe('send.toCurl', () => {
  it.each(['/a b/c', '/caf\u00e9?q=\u00e9t\u00e9 1&r=2', '/ok?x=1'])(
    'writes a URL with %j so curl asks for the target the composer sends',
    async (path) => {
      if (spawnSync('curl', ['--version']).status !== 0)
        return void console.warn('curl not available: skipped');
      const url = `${target.url}${path}`;
      const { command } = await s.api.call('send.toCurl', {
        method: 'POST',
        url,
        headers: [],
        bodyBase64: '',
      });
      const run = await execFileAsync('bash', ['--norc', '-c', `${command} -sS -o /dev/null`]).catch(
        (error: Error) => error,
      );
      expect(run, command).not.toBeInstanceOf(Error);
      expect(target.targets.at(-1)).toBe(requestTarget(url));
    },
  );
});
