import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { cliIo } from '../../helpers/cli-io';

describe('hookscope emulate <kind> mistyped', () => {
  it('suggests the kind it is close to, as a mistyped command or flag gets, and exits 2 sending nothing', async () => {
    const out = cliIo();
    expect(await main(['emulate', 'ortto-activty', '--to', 'http://127.0.0.1:9/'], out.io)).toBe(2);
    expect(out.err()).toContain('did you mean "ortto-activity"?');
    expect(out.out()).toBe('');
  });

  it('suggests nothing for a word close to no kind', async () => {
    const out = cliIo();
    expect(await main(['emulate', 'mailchimp', '--to', 'http://127.0.0.1:9/'], out.io)).toBe(2);
    expect(out.err()).toContain('"mailchimp" is not one of ortto-activity');
    expect(out.err()).not.toContain('did you mean');
  });
});
