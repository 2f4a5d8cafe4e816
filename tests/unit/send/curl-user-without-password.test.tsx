// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCurl } from '../../../electron/shared/send/curl';
import { renderComposerWithPastedCurl } from '../../helpers/composer-pasted-curl';
import { useEngineForUi } from '../../helpers/engine-for-ui';

// curl prompts for the password of `-u user`; a pasted command cannot, so it is sent with an empty one — and says so.
const ui = useEngineForUi();
afterEach(cleanup);

describe('a pasted cURL command with -u and no password', () => {
  it('sends an empty password and warns that curl would have asked for one', () => {
    const parsed = parseCurl('curl https://x.test/a -u mary');
    expect(parsed.headers).toEqual([['Authorization', `Basic ${btoa('mary:')}`]]);
    expect(parsed.warnings).toEqual([expect.stringMatching(/^-u mary: .*password/)]);
  });

  it('gives no warning for a password given, even an empty one (user:)', () => {
    expect(parseCurl('curl https://x.test/a -u mary:secret').warnings).toEqual([]);
    expect(parseCurl('curl https://x.test/a --user mary:').warnings).toEqual([]);
  });

  it('shows the warning in the composer’s paste flow after filling it', () => {
    renderComposerWithPastedCurl(ui.api, 'curl https://example.com/hook -u mary');
    expect((screen.getByTestId('compose-url') as HTMLInputElement).value).toBe('https://example.com/hook');
    expect(screen.getByTestId('paste-curl-warnings').textContent).toMatch(/-u mary: .*password/);
  });
});
