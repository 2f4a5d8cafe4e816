import { spawn, type ChildProcess } from 'node:child_process';

export interface Opener {
  command: string;
  args: string[];
}

/** The system's "open this URL" command: open (macOS), start (Windows), xdg-open (elsewhere). */
export function systemOpener(url: string, platform = process.platform): Opener {
  if (platform === 'darwin') return { command: 'open', args: [url] };
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '', url] };
  return { command: 'xdg-open', args: [url] };
}

/**
 * Opens `url` with the system's opener, and says so through `report` when that could not be done (no opener
 * installed, or it found no browser), so `--open` never fails silently.
 */
export function openInBrowser(
  url: string,
  report: (message: string) => void,
  opener = systemOpener(url),
): ChildProcess {
  const failed = (why: string) =>
    report(`--open: could not open the browser (${why}); open ${url} yourself\n`);
  const child = spawn(opener.command, opener.args, { stdio: 'ignore', detached: true });
  child.on('error', (error: NodeJS.ErrnoException) =>
    failed(
      error.code === 'ENOENT' ? `${opener.command} is not installed` : `${opener.command}: ${error.message}`,
    ),
  );
  child.on('exit', (code, signal) => {
    if (code !== null && code !== 0) failed(`${opener.command} exited with code ${code}`);
    else if (signal) failed(`${opener.command} was stopped by ${signal}`);
  });
  child.unref();
  return child;
}
