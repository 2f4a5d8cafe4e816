import { describe, expect, it } from 'vitest';
import { openInBrowser, systemOpener } from '../../../electron/cli/open-in-browser';

const url = 'http://127.0.0.1:9/?token=t';

async function reportsOf(opener: { command: string; args: string[] }): Promise<string[]> {
  const reports: string[] = [];
  const child = openInBrowser(url, (m) => reports.push(m), opener);
  await new Promise((resolve) => {
    child.once('exit', resolve);
    child.once('error', resolve);
  });
  await new Promise((r) => setImmediate(r));
  return reports;
}

describe('serve --open', () => {
  it('says so, with the URL to open by hand, when the opener is not installed', async () => {
    const reports = await reportsOf({ command: 'hookscope-no-such-opener', args: [url] });
    expect(reports).toEqual([
      `--open: could not open the browser (hookscope-no-such-opener is not installed); open ${url} yourself\n`,
    ]);
  });

  it('says so when the opener finds no browser (xdg-open exits non-zero)', async () => {
    const reports = await reportsOf({ command: process.execPath, args: ['-e', 'process.exit(3)'] });
    expect(reports).toHaveLength(1);
    expect(reports[0]).toContain('exited with code 3');
    expect(reports[0]).toContain(url);
  });

  it('stays quiet when the opener succeeds', async () => {
    expect(await reportsOf({ command: process.execPath, args: ['-e', ''] })).toEqual([]);
  });

  it('uses each platform’s opener', () => {
    expect(systemOpener(url, 'linux')).toEqual({ command: 'xdg-open', args: [url] });
    expect(systemOpener(url, 'darwin')).toEqual({ command: 'open', args: [url] });
    expect(systemOpener(url, 'win32')).toEqual({ command: 'cmd', args: ['/c', 'start', '', url] });
  });
});
