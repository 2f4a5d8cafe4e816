// @vitest-environment happy-dom
import { cleanup } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useEngineForUi } from '../../helpers/engine-for-ui';
import { importThroughDialog } from './import-through-dialog';

// The dialog against a real engine (in-process transport, SQLite in a temp dir).
const ui = useEngineForUi();
afterEach(cleanup);

const importFile = (name: string, content: string) => importThroughDialog(ui.api, name, content);

describe('HAR import errors', () => {
  it('name an invalid entry by its place in the whole file, not in its chunk', async () => {
    const entries = Array.from({ length: 250 }, (_, i) => ({
      startedDateTime: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, i)).toISOString(),
      request: { method: 'GET', url: i === 230 ? 'not a url' : `https://example.test/errors/${i}` },
    }));
    const text = await importFile('errors.har', JSON.stringify({ log: { version: '1.2', entries } }));
    expect(text).toContain('Imported 249 captures');
    expect(text).toContain('entries[230].request.url');
    expect(text).not.toContain('entries[30]');
  });

  it('a file that is just `null` gets a clear message and imports nothing', async () => {
    const before = (await ui.api.call('captures.count', {})).count;
    expect(await importFile('null.har', 'null')).toBe(
      'Not a HAR file: expected an object with log.entries[]',
    );
    expect((await ui.api.call('captures.count', {})).count).toBe(before);
  });
});
