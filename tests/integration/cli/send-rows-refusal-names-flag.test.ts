import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { cliIo } from '../../helpers/cli-io';
import { tempDir } from '../../helpers/temp-dir';

let dir: ReturnType<typeof tempDir>;
afterEach(() => dir.cleanup());

/** `hookscope send` with --rows over a CSV file of this content; nothing is sent (the start is refused). */
async function sendRows(csv: string, ...args: string[]) {
  dir = tempDir();
  const rows = join(dir.path, 'rows.csv');
  writeFileSync(rows, csv);
  const out = cliIo();
  const code = await main(['send', 'http://127.0.0.1:9/{{email}}', '--rows', rows, ...args], out.io);
  return { code, err: out.err() };
}

describe('send --rows refused before sending', () => {
  it('names --data for a merge field that is no column, as a usage problem (exit 2)', async () => {
    const { code, err } = await sendRows('email\na@x.com\n', '-d', '{"n":"{{nope}}"}');
    expect(err).toContain(
      'hookscope send: --data: {{nope}} is not a column of the file (its columns: email)',
    );
    expect(err).toContain('Run `hookscope send --help` for usage.');
    expect(code).toBe(2);
  });

  it('names --data-file when the template body came from it', async () => {
    const bodyDir = tempDir();
    const body = join(bodyDir.path, 'body.json');
    writeFileSync(body, '{"n":"{{nope}}"}');
    const { code, err } = await sendRows('email\na@x.com\n', '--data-file', body);
    bodyDir.cleanup();
    expect(err).toContain('hookscope send: --data-file: {{nope}} is not a column of the file');
    expect(code).toBe(2);
  });

  it('names the header flag for a merge field in a header', async () => {
    const { code, err } = await sendRows('email\na@x.com\n', '-H', 'X-Name: [First Name]', '-d', 'x');
    expect(err).toContain('hookscope send: --header: [First Name] is not a column of the file');
    expect(code).toBe(2);
  });

  it('names --rows and the file for a file with a header line and no rows', async () => {
    const { code, err } = await sendRows('email\n', '-d', 'x');
    expect(err).toContain(`hookscope send: --rows: ${join(dir.path, 'rows.csv')}: no data rows\n`);
    expect(code).toBe(2);
  });
});
