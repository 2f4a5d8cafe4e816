import { lstatSync, readdirSync, readlinkSync, writeSync } from 'node:fs';

/**
 * Whether the reader of stdout is known to have gone (`| head -3` has exited), found without writing any output: a
 * command with nothing to write (a tail waiting for captures) otherwise learns it only from the EPIPE of a later write.
 *
 * A write of no bytes fails with EPIPE on a socket (Node's own `spawn` pipes) and on a macOS or BSD pipe; it is not tried
 * on Windows, where a command keeps learning it from the next write. On a Linux pipe (a shell's `|`) it succeeds whatever the reader did, so there the pipe's readers are looked up
 * in /proc instead: a process holding the pipe open for reading. Gone is said only once a reader was seen and none is
 * left, so a reader hidden from this process (another user's, or /proc mounted with hidepid) never reads as gone: the
 * first call should come before anything is written, while the reader is surely there.
 */
export function stdoutReaderProbe(fd = 1): () => boolean {
  const pipe = linuxPipeOf(fd);
  let holder: string | null = null;
  let seen = false;
  return () => {
    if (process.platform !== 'win32') {
      try {
        writeSync(fd, Buffer.alloc(0));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EPIPE') return true;
      }
    }
    if (pipe === null) return false;
    // The process that held it last time is asked first: a whole scan only when it has let go.
    if (holder !== null && holdsForReading(holder, pipe)) return false;
    holder = readerOf(pipe);
    if (holder !== null) seen = true;
    return seen && holder === null;
  };
}

/** `pipe:[inode]` for a pipe on Linux; null otherwise. */
function linuxPipeOf(fd: number): string | null {
  if (process.platform !== 'linux') return null;
  try {
    const target = readlinkSync(`/proc/self/fd/${fd}`);
    return target.startsWith('pipe:') ? target : null;
  } catch {
    return null;
  }
}

function readerOf(pipe: string): string | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  return pids.find((pid) => holdsForReading(pid, pipe)) ?? null;
}

function holdsForReading(pid: string, pipe: string): boolean {
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return false;
  }
  return fds.some((fd) => {
    const link = `/proc/${pid}/fd/${fd}`;
    try {
      // The link's owner read bit is set when the descriptor was opened for reading.
      return readlinkSync(link) === pipe && (lstatSync(link).mode & 0o400) !== 0;
    } catch {
      return false;
    }
  });
}
