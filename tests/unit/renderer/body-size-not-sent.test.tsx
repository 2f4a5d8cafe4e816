// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { requestBodyNote } from '../../../renderer/src/features/detail/request-body';
import { renderDetailPane } from '../../helpers/detail-pane';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { keyedEndpoint } from '../../helpers/protected-app';
import { refusedBeforeContinueCaptureId } from '../../helpers/truncated-capture';

// A request refused before 100 Continue never sent its body: its size reads "not sent" (with the size its
// Content-Length declared), not "at least 0 B" as for a chunked body cut short.
const ui = useEngineForUi();

beforeAll(async () => {
  keyedEndpoint(ui, 'keyed', 'Keyed');
});
afterEach(cleanup);

async function refused(path: string, framing: string) {
  return ui.api.call('captures.get', { id: await refusedBeforeContinueCaptureId(ui, path, framing) });
}

/** The Overview's Body field: the size, then the pill saying why the body is not all there. */
async function overviewBodyField(id: number) {
  renderDetailPane(ui.api, id, 'overview');
  const field = (await screen.findByText('Body', { selector: 'dt' })).nextElementSibling!;
  return { size: field.firstChild!.textContent, pill: field.querySelector('.pill')?.textContent };
}

describe('the body size of a request refused before 100 Continue', () => {
  it('chunked: "not sent"', async () => {
    const capture = await refused('/h/keyed/chunked', 'Transfer-Encoding: chunked');
    expect(await overviewBodyField(capture.id)).toEqual({
      size: 'not sent',
      pill: 'refused before 100 Continue',
    });
    expect(requestBodyNote(capture, 'received', 0)).toBe('body never sent: refused before 100 Continue');
  });

  it('with a Content-Length: the size declared, not sent', async () => {
    const capture = await refused('/h/keyed/length', 'Content-Length: 50');
    expect(await overviewBodyField(capture.id)).toEqual({
      size: '50 B declared, not sent',
      pill: 'refused before 100 Continue',
    });
    expect(requestBodyNote(capture, 'received', 0)).toBe('body never sent: refused before 100 Continue');
  });
});
