import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { firstRecordInFile } from '../../../electron/cli/first-record';
import { main } from '../../../electron/cli/main';
import { cliIo } from '../../helpers/cli-io';
import { tempDir } from '../../helpers/temp-dir';

const dirs: { cleanup(): void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));

function file(name: string, bytes: Buffer): string {
  const dir = tempDir();
  dirs.push(dir);
  const path = join(dir.path, name);
  writeFileSync(path, bytes);
  return path;
}

// Read as UTF-8 anyway, a Latin-1 "José" became "Jos\uFFFD" in the contact sent.
describe('emulate --contact from a file that is not UTF-8', () => {
  it('refuses a Latin-1 CSV, naming the flag, the file and the line', async () => {
    const path = file('contacts.csv', Buffer.from('First Name,Email\nJos\xe9,j@example.com\n', 'latin1'));
    const out = cliIo();
    const args = ['emulate', 'ontraport-ping', '--to', 'http://127.0.0.1:9/x', '--contact', path];
    expect(await main(args, out.io)).toBe(2);
    expect(out.err()).toContain(`--contact: ${path}: not UTF-8 text: line 2 has the byte 0xE9`);
  });

  it('reads a UTF-16 file with its byte-order mark', () => {
    const text = '\uFEFFFirst Name,Email\nJosé,j@example.com\nAnn,a@example.com\n';
    const path = file('contacts.csv', Buffer.from(text, 'utf16le'));
    expect(firstRecordInFile(path, 'csv')).toEqual({
      record: { 'First Name': 'José', Email: 'j@example.com' },
    });
  });

  it('reads UTF-8 split across reads in the middle of a character (the first read ends inside an é)', () => {
    const text = `[{"name": "${'é'.repeat(40_000)}"}]`;
    const path = file('contact.json', Buffer.from(text, 'utf8'));
    expect(firstRecordInFile(path, 'json')).toEqual({ record: { name: 'é'.repeat(40_000) } });
  });
});
