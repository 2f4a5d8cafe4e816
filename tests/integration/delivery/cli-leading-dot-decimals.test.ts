import { expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { cliIo } from '../../helpers/cli-io';
import { useOkTarget } from '../../helpers/ok-target';

const target = useOkTarget();

// `.5` was a usage error while `0.5` was taken.
it('hookscope send takes --time-scale .5 and --rate .5/s as 0.5 and 30/min, and delivers', async () => {
  const t = cliIo();
  const code = await main(
    ['send', `${target.base}/leading-dot`, '-d', 'x', '--time-scale', '.5', '--rate', '.5/s'],
    t.io,
  );
  expect(t.err()).toBe('');
  expect(code).toBe(0);
  expect(t.out()).toMatch(/ 200 .* delivered$/m);
});
