// @vitest-environment happy-dom
import { cleanup, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderDetailPane } from '../../helpers/detail-pane';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { receivedCaptureId } from '../../helpers/filed-capture';

// A recorded response under a Content-Encoding Hookscope could not undo is bytes, as a request body is in the Body tab:
// data that happens to read as JSON is not the JSON it encodes.
const ui = useEngineForUi();
afterEach(cleanup);

async function answeredWith(slug: string, contentEncoding: string, body: string) {
  await ui.api.call('endpoints.create', {
    slug,
    name: slug,
    rule: {
      status: 200,
      headers: [
        ['Content-Type', 'application/json'],
        ['Content-Encoding', contentEncoding],
      ],
      body,
      delayMs: 0,
      behaviour: { kind: 'fixed' },
    },
  });
  return receivedCaptureId(ui, `/h/${slug}`, { method: 'POST', body: '{}' });
}

async function responseBodyView(id: number) {
  const { container } = renderDetailPane(ui.api, id, 'response');
  return waitFor(() => {
    const view = container.querySelector<HTMLElement>('.response-body .body-view');
    if (!view) throw new Error('no response body yet');
    return view;
  });
}

describe('the Response tab of a response whose Content-Encoding could not be undone', () => {
  it.each([
    ['an unsupported coding', 'still-compress', 'compress'],
    ['plain JSON labelled gzip', 'still-bad-gzip', 'gzip'],
  ])('shows %s as bytes (Hex), not as JSON', async (_, slug, coding) => {
    const view = await responseBodyView(await answeredWith(slug, coding, '{"looks":"like json"}'));
    expect(view.dataset.kind).toBe('binary');
    expect(view.querySelector('[data-mode="hex"]')!.getAttribute('aria-selected')).toBe('true');
    expect(view.querySelector('[data-testid="json-tree"]')).toBeNull();
  });

  it('still shows a response with no coding as JSON', async () => {
    const view = await responseBodyView(
      await answeredWith('still-identity', 'identity', '{"looks":"like json"}'),
    );
    expect(view.dataset.kind).toBe('json');
  });
});
