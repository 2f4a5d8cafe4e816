// @vitest-environment happy-dom
import { cleanup } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { importThroughDialog } from './import-through-dialog';

// The dialog against a real engine (in-process transport, SQLite in a temp dir).
const ui = useEngineForUi();
afterEach(cleanup);

const importFile = (content: string) => importThroughDialog(ui.api, 'warned.har', content);

describe('HAR import with warnings', () => {
  it('counts the captures that have warnings, not the warnings', async () => {
    // One entry with two warnings (a date that is not ISO 8601, a form body given only as params), one with none.
    const entries = [
      {
        startedDateTime: '23/11/2026 10:00',
        request: {
          method: 'POST',
          url: 'https://example.test/warned',
          postData: { mimeType: 'multipart/form-data', params: [{ name: 'f', fileName: 'a.bin' }] },
        },
      },
      {
        startedDateTime: '2026-11-23T10:00:01Z',
        request: { method: 'GET', url: 'https://example.test/clean' },
      },
    ];
    const text = await importFile(JSON.stringify({ log: { version: '1.2', entries } }));
    expect(text).toMatch(/^Imported 2 captures, 1 with warnings — entries\[0\]\..*; entries\[0\]\./);
    expect(text).toContain('entries[0].startedDateTime');
    expect(text).toContain('entries[0].request.postData');
  });
});
