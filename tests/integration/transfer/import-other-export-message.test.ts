import { describe, expect, it } from 'vitest';
import { useEngineApi } from '../../helpers/engine-api';
import { postedJsonCaptureId } from '../../helpers/posted-capture';
import { splitHar } from '../../../renderer/src/features/transfer/merge-export';

// A JSON or JSONL export handed to the HAR import (the CLI's default format is JSONL) is named for what it is, with
// what to do, in the dialog and in the engine's answer (the desktop menu's import), not as a JSON parser's position.
const test = useEngineApi();
const limits = { maxEntries: 200, maxBytes: 1_000_000, maxEntryBytes: 1_000_000 };

const exported = async (format: 'jsonl' | 'json', count: number) => {
  const ids: number[] = [];
  for (let i = 0; i < count; i++) ids.push(await postedJsonCaptureId(test.engine, `{"n":${i}}`));
  return (await test.api.call('captures.export', { format, ids })).content;
};
const dialogMessage = (text: string) => {
  try {
    splitHar(text, limits);
  } catch (e) {
    return (e as Error).message;
  }
  return 'accepted';
};
const engineMessage = (har: string) =>
  test.api.call('captures.importHar', { har }).then(
    () => 'accepted',
    (e: Error) => e.message,
  );

describe('importing a JSONL or JSON export as HAR', () => {
  it.each([
    [
      'a JSONL export of captures',
      'jsonl',
      2,
      /^JSON Lines \(a JSON object per line\), as a JSONL export writes/,
    ],
    ['a JSONL export of one capture', 'jsonl', 1, /^one capture as a JSONL export writes it/],
    ['a JSON export', 'json', 2, /^a JSON array of captures, as a JSON export writes/],
  ] as const)('%s is named, with the format to export instead', async (_, format, count, reason) => {
    const text = await exported(format, count);
    const dialog = dialogMessage(text);
    expect(dialog.replace(/^Not a HAR file: /, '')).toMatch(reason);
    expect(dialog).toContain('export the captures with the format HAR 1.2');
    const engine = await engineMessage(text);
    expect(engine.replace(/^har: /, '')).toMatch(reason);
    expect(engine).toContain('export the captures with the format HAR 1.2');
  });

  it("other text that is not JSON still gets the parser's reason", async () => {
    expect(dialogMessage('{"log": ')).toMatch(/^Not a HAR file: .*JSON/);
    expect(await engineMessage('{"log": ')).toMatch(/^har: not valid JSON \(/);
  });
});
