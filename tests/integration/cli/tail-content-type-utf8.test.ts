import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as tail } from '../../../electron/cli/commands/tail';
import { createEngine, type Engine } from '../../../electron/engine/engine';
import { silentLogger } from '../../../electron/engine/util/logger';
import { cliIo as io } from '../../helpers/cli-io';
import { rawExchange } from '../../helpers/raw-http';
import { tempDir } from '../../helpers/temp-dir';

// Sent as UTF-8 bytes on the wire: a right-to-left override (U+202E) and an é.
const sentType = 'text/pl\u202eain; title=café';

let app: Engine;
let dir: ReturnType<typeof tempDir>;
beforeAll(async () => {
  dir = tempDir();
  app = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
  const head = `POST /typed HTTP/1.1\r\nHost: x\r\nContent-Type: ${sentType}\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi`;
  await rawExchange(Number(new URL(app.receiverUrl).port), Buffer.from(head, 'utf8'));
});
afterAll(async () => {
  await app.close();
  dir.cleanup();
});

const tailLast = async (extra: string[]) => {
  const out = io();
  expect(await tail(['--data-dir', dir.path, '--last', '1', '--exit-after', '1', ...extra], out.io)).toBe(0);
  return out.out();
};

describe('tail and a Content-Type sent as UTF-8 beyond ASCII', () => {
  it('--json gives the contentType field (the media type) as the Content-Type header reads: its UTF-8 text', async () => {
    const capture = JSON.parse(await tailLast(['--json'])) as {
      contentType: string;
      headers: Array<[string, string]>;
    };
    expect(capture.headers.find(([n]) => n === 'Content-Type')?.[1]).toBe(sentType);
    expect(capture.contentType).toBe('text/pl\u202eain');
  });

  it('the pretty line shows the same text, with the override made harmless', async () => {
    expect(await tailLast([])).toContain('  text/pl�ain  #');
  });
});
