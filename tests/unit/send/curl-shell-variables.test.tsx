// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCurl, toCurl } from '../../../electron/shared/send/curl';
import { renderComposerWithPastedCurl } from '../../helpers/composer-pasted-curl';
import { useEngineForUi } from '../../helpers/engine-for-ui';

// A shell would put $TOKEN's value in the header; a pasted command is parsed, not run, so the literal text goes out.
const ui = useEngineForUi();
afterEach(cleanup);

describe('a pasted cURL command holding shell expansions', () => {
  it.each([
    [
      'curl -H "Authorization: Bearer $TOKEN" https://x.test/a',
      '-H "Authorization: Bearer $TOKEN"',
      '$TOKEN',
    ],
    [
      'curl -H "Authorization: Bearer ${TOKEN}" https://x.test/a',
      '-H "Authorization: Bearer ${TOKEN}"',
      '${TOKEN}',
    ],
    ['curl https://x.test/a -d token=$TOKEN', '-d "token=$TOKEN"', '$TOKEN'],
    ['curl https://x.test/a -H "X-User: $(whoami)"', '-H "X-User: $(whoami)"', '$(whoami)'],
    ['curl https://x.test/a -H "X-User: `whoami`"', '-H "X-User: `whoami`"', '`whoami`'],
    ['curl "https://x.test/$PATH_PART"', '"https://x.test/$PATH_PART"', '$PATH_PART'],
  ])('warns about %s, naming the argument', (command, argument, expansion) => {
    const { warnings } = parseCurl(command);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.startsWith(`${argument}: a shell would replace ${expansion}`)).toBe(true);
  });

  it('sends ${NAME} as typed, braces kept, in a header, the URL and the body', () => {
    const parsed = parseCurl(
      'curl -H "X-Token: ${TOKEN}" "https://x.test/${PART}" -d "v=${A:-${B}}&w=${C}d"',
    );
    expect(parsed.headers).toContainEqual(['X-Token', '${TOKEN}']);
    expect(parsed.url).toBe('https://x.test/${PART}');
    expect(parsed.body).toBe('v=${A:-${B}}&w=${C}d');
  });

  it('keeps an escaped \\${NAME} as a shell would, without the backslash and with no warning', () => {
    const parsed = parseCurl('curl -H "X-Token: \\${TOKEN}" https://x.test/a');
    expect(parsed.headers).toContainEqual(['X-Token', '${TOKEN}']);
    expect(parsed.warnings).toEqual([]);
  });

  it('quotes a nested ${A:-${B}} whole in the warning', () => {
    const { warnings } = parseCurl('curl -H "X: ${A:-${B}}" https://x.test/a');
    expect(warnings).toEqual([
      '-H "X: ${A:-${B}}": a shell would replace ${A:-${B}} (a shell variable); left unexpanded here — put its value in the command',
    ]);
  });

  it("does not warn where a shell would not expand: single quotes, $'…', a backslash, a bare $", () => {
    for (const command of [
      "curl -H 'Authorization: Bearer $TOKEN' https://x.test/a",
      "curl -H $'X-A: $TOKEN' https://x.test/a",
      'curl -H "Cost: \\$TOKEN" https://x.test/a',
      'curl -H "Cost: 5 $ each" https://x.test/a',
    ])
      expect(parseCurl(command).warnings).toEqual([]);
  });

  it('does not warn about a command Copy as cURL wrote, whatever the values hold', () => {
    const command = toCurl({
      method: 'POST',
      url: 'https://x.test/a?q=$Q',
      headers: [['X-A', 'Bearer $TOKEN `id` $(id)']],
      body: '{"price":"$5","who":"${USER}"}',
    });
    expect(parseCurl(command).warnings).toEqual([]);
  });

  it('shows the warning in the composer’s paste flow', () => {
    renderComposerWithPastedCurl(ui.api, 'curl https://example.com/hook -H "Authorization: Bearer $TOKEN"');
    expect(screen.getByTestId('paste-curl-warnings').textContent).toContain(
      '-H "Authorization: Bearer $TOKEN": a shell would replace $TOKEN (a shell variable)',
    );
  });
});
