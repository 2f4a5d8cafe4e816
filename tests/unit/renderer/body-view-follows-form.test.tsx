// @vitest-environment happy-dom
import { gzipSync } from 'node:zlib';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderDetailPane } from '../../helpers/detail-pane';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { receivedCaptureId } from '../../helpers/filed-capture';

// Switching Decoded / Received keeps the Body view: its Pretty/Raw/Hex view was set once, so the received gzip bytes of
// a JSON body stayed in "Pretty". The view follows the kind of what is shown until the user picks one.
const ui = useEngineForUi();
afterEach(cleanup);

async function gzipJsonBody(path: string) {
  const id = await receivedCaptureId(ui, path, {
    method: 'POST',
    headers: [
      ['Content-Type', 'application/json'],
      ['Content-Encoding', 'gzip'],
    ],
    body: gzipSync('{"order":{"id":42}}'),
  });
  renderDetailPane(ui.api, id, 'body');
  await screen.findByRole('tablist', { name: 'Body view' });
}

const selectedView = () =>
  within(screen.getByRole('tablist', { name: 'Body view' })).getByRole('tab', { selected: true }).textContent;
const chooseForm = (form: 'decoded' | 'received') =>
  fireEvent.click(document.querySelector(`[data-testid="body-form"] [data-form="${form}"]`)!);
const chooseView = (name: string) =>
  fireEvent.click(within(screen.getByRole('tablist', { name: 'Body view' })).getByRole('tab', { name }));

describe('the Body view when Decoded / Received is switched', () => {
  it('opens the received gzip bytes on Hex, and the decoded JSON on Pretty again', async () => {
    await gzipJsonBody('/follows-form/default');
    expect(selectedView()).toBe('Pretty');
    chooseForm('received');
    await waitFor(() =>
      expect(document.querySelector('.body-view')!.getAttribute('data-kind')).toBe('binary'),
    );
    expect(selectedView()).toBe('Hex');
    chooseForm('decoded');
    await waitFor(() => expect(document.querySelector('.body-view')!.getAttribute('data-kind')).toBe('json'));
    expect(selectedView()).toBe('Pretty');
  });

  it('keeps the view the user picked, whichever form is shown', async () => {
    await gzipJsonBody('/follows-form/picked');
    chooseView('Raw');
    chooseForm('received');
    await waitFor(() =>
      expect(document.querySelector('.body-view')!.getAttribute('data-kind')).toBe('binary'),
    );
    expect(selectedView()).toBe('Raw');
    chooseView('Hex');
    chooseForm('decoded');
    await waitFor(() => expect(document.querySelector('.body-view')!.getAttribute('data-kind')).toBe('json'));
    expect(selectedView()).toBe('Hex');
  });
});
