// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api';
import { ConnectionStatus } from '../../../renderer/src/api/connection';
import { DiffView } from '../../../renderer/src/features/diff/DiffView';
import { capturedChunked } from '../../helpers/chunked-capture';
import { useEngineForUi } from '../../helpers/engine-for-ui';

// Bytes under a coding Hookscope could not undo are bytes in the diff, as in the Body tab: compressed data that happens
// to read as JSON is not the JSON it encodes, so it is neither sorted by key nor checked for repeated keys.
const ui = useEngineForUi();
afterEach(cleanup);

/** JSON with a key written twice: read as JSON and normalised, the diff would warn that only its last value shows. */
const looksLikeJson = Buffer.from('{"b":1,"a":2,"a":3}');

async function bodyHeading(leftId: number, rightId: number) {
  render(
    <ApiProvider value={{ api: ui.api, connection: new ConnectionStatus() }}>
      <DiffView leftId={leftId} rightId={rightId} onClose={() => {}} />
    </ApiProvider>,
  );
  await screen.findByTestId('diff-body');
  return screen.getByText(/^Body/).textContent;
}

describe('a diff of bodies still in a coding', () => {
  it('shows Transfer-Encoding: compress bytes as bytes, not as a JSON diff', async () => {
    const a = await capturedChunked(ui.engine, '/diff-coded/te-a', 'compress, chunked', looksLikeJson);
    const b = await capturedChunked(ui.engine, '/diff-coded/te-b', 'compress, chunked', looksLikeJson);
    expect(await bodyHeading(a.id, b.id)).toBe('Body (raw)');
    expect(screen.queryAllByTestId('diff-duplicate-keys')).toHaveLength(0);
  });

  it('shows bytes under an unsupported Content-Encoding as bytes', async () => {
    const a = await capturedChunked(
      ui.engine,
      '/diff-coded/ce-a',
      'chunked',
      looksLikeJson,
      'Content-Encoding: compress\r\n',
    );
    const b = await capturedChunked(
      ui.engine,
      '/diff-coded/ce-b',
      'chunked',
      looksLikeJson,
      'Content-Encoding: x-unknown\r\n',
    );
    expect(await bodyHeading(a.id, b.id)).toBe('Body (raw)');
    expect(screen.queryAllByTestId('diff-duplicate-keys')).toHaveLength(0);
  });

  it('still reads the same JSON with no coding as a JSON diff', async () => {
    const a = await capturedChunked(ui.engine, '/diff-coded/plain-a', 'chunked', looksLikeJson);
    const b = await capturedChunked(ui.engine, '/diff-coded/plain-b', 'chunked', looksLikeJson);
    expect(await bodyHeading(a.id, b.id)).toBe('Body (keys sorted)');
    expect(screen.getAllByTestId('diff-duplicate-keys')).toHaveLength(2);
  });
});
