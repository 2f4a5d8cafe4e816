import { afterAll, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { cliIo } from '../../helpers/cli-io';
import { tempDir } from '../../helpers/temp-dir';

const dir = tempDir();
afterAll(() => dir.cleanup());

// The receiver started, its banner was printed, and only then did the tunnel's refusal end the process.
it('serve --tunnel with a receiver the tunnel client cannot reach is refused before anything starts', async () => {
  const printed = cliIo();
  const args = ['serve', '--data-dir', dir.path, '--receiver-port', '0', '--no-ui', '--tunnel'];
  expect(await main([...args, '--host', '10.255.255.1'], printed.io)).toBe(2);
  expect(printed.err()).toContain(
    'hookscope serve: --tunnel: The receiver listens only on 10.255.255.1 (--host)',
  );
  expect(printed.out()).toBe('');
});
