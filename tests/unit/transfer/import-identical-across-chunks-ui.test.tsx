// @vitest-environment happy-dom
import { cleanup } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { IMPORT_CHUNK } from '../../../renderer/src/features/transfer/TransferDialog';
import { importThroughDialog } from './import-through-dialog';

// The dialog against a real engine (in-process transport, SQLite in a temp dir).
const ui = useEngineForUi();
afterEach(cleanup);

const importFile = (content: string) => importThroughDialog(ui.api, 'load-test.har', content);

/** The same POST, sent twice in the same millisecond (a load test, a sender's duplicate delivery). */
const identical = {
  startedDateTime: '2026-11-20T10:00:00.123Z',
  request: {
    method: 'POST',
    url: 'https://hooks.example.com/same',
    headers: [{ name: 'Content-Type', value: 'application/json' }],
    postData: { mimeType: 'application/json', text: '{"n":1}' },
  },
};

describe('HAR import of a file read in several calls', () => {
  it('imports identical entries that land in different calls, as it does within one call', async () => {
    const others = Array.from({ length: IMPORT_CHUNK - 1 }, (_, i) => ({
      startedDateTime: new Date(Date.UTC(2026, 10, 20, 9, 0, 0, i)).toISOString(),
      request: { method: 'GET', url: `https://hooks.example.com/other/${i}` },
    }));
    // The last entry of the first call and the first of the second.
    const entries = [...others, identical, identical];
    const text = await importFile(JSON.stringify({ log: { version: '1.2', entries } }));
    expect(text).toBe(`Imported ${entries.length} captures`);
    expect((await ui.api.call('captures.count', {})).count).toBe(entries.length);
  });

  it('still leaves out what an earlier import of the file brought in', async () => {
    const before = (await ui.api.call('captures.count', {})).count;
    const entries = [
      ...Array.from({ length: IMPORT_CHUNK }, (_, i) => ({
        startedDateTime: new Date(Date.UTC(2026, 10, 21, 9, 0, 0, i)).toISOString(),
        request: { method: 'GET', url: `https://hooks.example.com/again/${i}` },
      })),
      { ...identical, startedDateTime: '2026-11-21T10:00:00.000Z' },
    ];
    await importFile(JSON.stringify({ log: { version: '1.2', entries } }));
    cleanup();
    const again = await importFile(JSON.stringify({ log: { version: '1.2', entries } }));
    expect(again).toBe(`Imported 0 captures, left out ${entries.length} imported before`);
    expect((await ui.api.call('captures.count', {})).count).toBe(before + entries.length);
  });
});
