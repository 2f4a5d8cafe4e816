// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCaptureAsRecord } from '../../helpers/capture-as-record';
import { useEngineForUi } from '../../helpers/engine-for-ui';

const ui = useEngineForUi();
afterEach(cleanup);

/** `{"First Name":"René"}` with the é as one Latin-1 byte (0xE9), not UTF-8. */
const latin1Json = Buffer.from('{"First Name":"Ren\u00e9"}', 'latin1');

const loadCapture = (contentType: string, body: Buffer) =>
  loadCaptureAsRecord(ui, '/h/latin1-record', contentType, body);

describe('a captured payload that is text but not UTF-8, as the merge record', () => {
  it('is read in the charset its Content-Type declares', async () => {
    await loadCapture('application/json; charset=iso-8859-1', latin1Json);
    await waitFor(() => expect(screen.getByTestId('record-fields').textContent).toContain('Ren\u00e9'));
  });

  it('with no charset declared, says it is not UTF-8 rather than binary', async () => {
    await loadCapture('application/json', latin1Json);
    const error = await screen.findByText(/^Capture: /);
    expect(error.textContent).toMatch(/is not UTF-8 and its Content-Type declares no charset/);
    expect(error.textContent).not.toMatch(/binary/);
  });

  it('still calls bytes that are no text a binary body', async () => {
    await loadCapture(
      'application/octet-stream',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]),
    );
    expect((await screen.findByText(/^Capture: /)).textContent).toMatch(/has a binary body/);
  });
});
