// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { DiffView } from '../../../renderer/src/features/diff/DiffView';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { harOf } from '../../helpers/har';
import { importedCaptureId } from '../../helpers/imported-capture';

// A real engine (in-process transport, SQLite in a temp dir). The diff reads each side's body as the Body tab does:
// an imported capture typed only by its HAR's postData.mimeType is decoded in that type's charset.
const ui = useEngineForUi();
afterEach(cleanup);

async function bodyHeading(leftId: number, rightId: number) {
  render(
    <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
      <DiffView leftId={leftId} rightId={rightId} onClose={() => {}} />
    </ApiProvider>,
  );
  await screen.findByTestId('diff-body');
  return screen.getByText(/^Body/).textContent;
}

const imported = async (path: string, mimeType: string, text: string) =>
  importedCaptureId(ui.api, harOf({ path, postData: { mimeType, text } }), path);

describe('the diff of imported captures typed only by postData.mimeType', () => {
  it('reads UTF-16 JSON in the charset of that type, as JSON', async () => {
    const a = await imported('/diff-har/utf16-a', 'application/json; charset=utf-16le', '{"b":1,"a":2}');
    const b = await imported('/diff-har/utf16-b', 'application/json; charset=utf-16le', '{"a":2,"b":1}');
    expect(await bodyHeading(a, b)).toBe('Body (keys sorted)');
  });

  it('says which side was sorted when only one is JSON', async () => {
    const json = await imported('/diff-har/one-json', 'application/json', '{"b":1,"a":2}');
    const text = await imported('/diff-har/one-text', 'text/plain', 'not json');
    expect(await bodyHeading(json, text)).toBe(`Body (#${json} keys sorted, #${text} raw)`);
    cleanup();
    expect(await bodyHeading(text, json)).toBe(`Body (#${text} raw, #${json} keys sorted)`);
  });
});
