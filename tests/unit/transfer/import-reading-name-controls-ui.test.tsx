// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { TransferDialog } from '../../../renderer/src/features/transfer/TransferDialog';

const ui = useEngineForUi();
afterEach(cleanup);

/** A local file still being read: the dialog shows "Reading <name>" until its text arrives. */
class FileStillReading extends File {
  private finish: (text: string) => void = () => undefined;
  private readonly reading = new Promise<string>((resolve) => (this.finish = resolve));
  override text() {
    return this.reading;
  }
  finishReading() {
    this.finish('{"log":{"version":"1.2","entries":[]}}');
  }
}

// A file name comes from outside the app (a download, a colleague): it may hold a bidi override or a control character.
describe('the import progress bar while a file with a hostile name is read', () => {
  it('names the file by its code points and escapes in the bar’s accessible name, value and text', async () => {
    render(
      <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
        <TransferDialog selectedIds={[]} filter={{}} filteredCount={0} onClose={() => undefined} />
      </ApiProvider>,
    );
    const file = new FileStillReading(['{}'], 'invoice\u202erah.exe\u0007.har', { type: 'application/json' });
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });
    const bar = await screen.findByRole('progressbar');
    try {
      for (const attribute of ['aria-label', 'aria-valuetext']) {
        const value = bar.getAttribute(attribute)!;
        expect(value).toContain('Reading invoiceU+202Erah.exe\\u0007.har');
        for (const hidden of ['\u202e', '\u0007']) expect(value).not.toContain(hidden);
      }
      expect(bar.textContent).toContain('U+202E');
      for (const hidden of ['\u202e', '\u0007']) expect(bar.textContent).not.toContain(hidden);
    } finally {
      file.finishReading();
    }
  });
});
