import { describe, expect, it } from 'vitest';
import { buildOutgoing } from '../../../electron/shared/send/outgoing';

const build = (pairs: [string, string][], headers: [string, string][] = []) =>
  buildOutgoing(
    {
      method: 'POST',
      url: 'http://127.0.0.1:8080/hook',
      headers,
      auth: { kind: 'apikey', in: 'header', pairs },
      bodyMode: 'text',
      body: '',
    },
    {},
  );

// A row with no name is skipped, but the rows after it keep their place in the editor: a problem must name the row
// the user sees, not its place among the named ones.
describe('API key problems after a row with no name', () => {
  it('name the pair by its row in the editor', () => {
    expect(
      build([
        ['', 'z'],
        ['k', ''],
      ]).warnings,
    ).toEqual([{ field: 'auth.pairs[1]', message: 'API key "k" has no value' }]);
    expect(
      build(
        [
          ['', ''],
          ['', ''],
          ['X-Key', 'v'],
        ],
        [['X-Key', 'old']],
      ).warnings,
    ).toEqual([
      { field: 'auth.pairs[2]', message: 'API key "X-Key" is also set in the headers; both are sent' },
    ]);
    expect(
      build([
        ['', 'z'],
        ['bad name', 'v'],
      ]).errors,
    ).toEqual([{ field: 'auth.pairs[1]', message: 'API key header name "bad name" is not valid' }]);
  });
});
