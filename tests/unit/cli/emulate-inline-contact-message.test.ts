import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { cliIo } from '../../helpers/cli-io';

describe('emulate --contact given inline', () => {
  it('says the inline JSON is not valid, without calling it a file', async () => {
    const out = cliIo();
    const args = [
      'emulate',
      'ontraport-ping',
      '--to',
      'http://127.0.0.1:9/x',
      '--contact',
      '{"First Name":"Ann"',
    ];
    expect(await main(args, out.io)).toBe(2);
    expect(out.err()).toContain('--contact: not valid JSON (');
    expect(out.err()).not.toContain('file');
  });
});
