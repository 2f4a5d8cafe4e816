// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { Composer } from '../../../renderer/src/features/compose';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { useHttpTarget } from '../../helpers/http-target';

// A reload made the moment the "sent" answer shows must not ask about a draft that is now in the delivery log.
const target = useHttpTarget((req, res) => req.resume().on('end', () => res.end('ok')));
const ui = useEngineForUi();
afterEach(cleanup);

/** Whether leaving the page now would ask first (what the window's beforeunload handler decides). */
function wouldAskBeforeLeaving(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

describe('composer unsaved mark', () => {
  it('is cleared by the time the sent answer is on screen, not some time after', async () => {
    const { container } = render(
      <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
        <Composer />
      </ApiProvider>,
    );
    fireEvent.change(screen.getByTestId('compose-url'), { target: { value: `${target.url}/sent` } });
    expect(wouldAskBeforeLeaving()).toBe(true);

    // Read the mark as soon as the answer is in the document: before any later task could run.
    const askedWhenShown = await new Promise<boolean>((resolve) => {
      const observer = new MutationObserver(() => {
        if (!container.querySelector('[data-testid="compose-sent"]')) return;
        observer.disconnect();
        resolve(wouldAskBeforeLeaving());
      });
      observer.observe(container, { childList: true, subtree: true, characterData: true });
      fireEvent.click(screen.getByTestId('compose-send'));
    });
    expect(askedWhenShown).toBe(false);
  });
});
