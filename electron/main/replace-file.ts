import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { chmod, readlink, realpath, rename, rm, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/** Hands `fill` its writer; a write waits for the disk when the stream's buffer is full. */
export type FileWrite = (piece: string | Uint8Array) => Promise<void>;

/**
 * Writes `path` through a temporary file beside it (same directory, so the rename cannot cross disks), renamed over it
 * once complete: a write that fails or is cut off halfway leaves no truncated file, and the file it was to replace as
 * it was. A symlink is written through (the rename goes over the file it points to, not the link, even one not there
 * yet), and an existing file keeps its permission bits.
 */
export async function replaceFile<T>(path: string, fill: (write: FileWrite) => Promise<T>): Promise<T> {
  const target = await existingTarget(path);
  const partial = `${target.path}.${process.pid}.part`;
  // Created with the target's bits (the umask can only take some away), not readable to others while its content is
  // written when the target is not.
  const file = createWriteStream(partial, target.mode === null ? {} : { mode: target.mode });
  try {
    const result = await fill(async (piece) => {
      if (!file.write(piece)) await once(file, 'drain');
    });
    file.end();
    await once(file, 'finish');
    if (target.mode !== null) await chmod(partial, target.mode);
    await rename(partial, target.path);
    return result;
  } catch (error) {
    file.destroy();
    // The file may still be opening: removed before then, it would be created again after.
    if (!file.closed) await once(file, 'close');
    await rm(partial, { force: true });
    throw namingTarget(error, partial, target.path);
  }
}

/** The temporary file is ours, not the user's: an error about it (a missing folder, no permission) names the target. */
function namingTarget(error: unknown, partial: string, targetPath: string): unknown {
  const failure = error as NodeJS.ErrnoException;
  if (!(error instanceof Error) || failure.path !== partial) return error;
  failure.message = failure.message.replace(partial, targetPath);
  failure.path = targetPath;
  return failure;
}

/** The file `path` names, through any symlinks, and its permission bits (null for a file not there yet). */
async function existingTarget(path: string): Promise<{ path: string; mode: number | null }> {
  try {
    const real = await realpath(path);
    return { path: real, mode: (await stat(real)).mode & 0o7777 };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { path: await linkedPath(path), mode: null };
    throw error;
  }
}

/**
 * Where a file not there yet is created: a symlink to it (`ln -s missing.har link.har`) is followed, each link read
 * against the folder it really is in, so the link stays a link; any other path as given.
 */
async function linkedPath(path: string): Promise<string> {
  let at = path;
  for (let hops = 0; hops < maxHops; hops++) {
    let link: string;
    try {
      link = await readlink(at);
    } catch (error) {
      // ENOENT: nothing there, so this is the file to create. EINVAL: not a link.
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EINVAL') return at;
      throw error;
    }
    at = resolve(await realpath(dirname(at)), link);
  }
  throw Object.assign(new Error(`${path}: too many levels of symbolic links`), { code: 'ELOOP' });
}

/** As Linux's limit on links followed in one path. */
const maxHops = 40;
