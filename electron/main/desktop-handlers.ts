import { constants } from 'node:buffer';
import { constants as fsConstants, existsSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { basename, isAbsolute, join } from 'node:path';
import { ApiError } from '../shared/contract/errors';
import type { desktopMethods } from '../shared/contract/desktop';
import type { HandlersFor } from '../engine/context';
import type { BrowserWindowLike, DialogLike, ShellLike } from './electron-like';
import { notAFileKind } from './not-a-file';
import { readAtMost } from './read-at-most';
import { replaceFile } from './replace-file';
import { showOpenDialogOn, showSaveDialogOn } from './window-dialogs';

const { MAX_STRING_LENGTH } = constants;

export interface DesktopHandlerDeps {
  dialog: Pick<DialogLike, 'showSaveDialog' | 'showOpenDialog'>;
  shell: Pick<ShellLike, 'openPath' | 'showItemInFolder'>;
  dataDir: string;
  /** Where save dialogs start. */
  downloadsDir: string;
  /** Dialogs are modal to the main window while it is open. */
  getWindow(): BrowserWindowLike | null;
}

/** The real desktop-only methods, over the injected dialog and shell. */
export function createDesktopHandlers(deps: DesktopHandlerDeps): HandlersFor<typeof desktopMethods> {
  // The renderer is not trusted with paths: it may only reveal files the user picked in our dialogs. Touching any
  // other path would let a compromised page probe the disk, or on Windows reach out to a UNC share (\\host\x)
  // and hand it the user's NTLM credentials.
  const chosenPaths = new Set<string>();
  return {
    async 'desktop.openDataFolder'() {
      const failure = await deps.shell.openPath(deps.dataDir);
      return failure
        ? { opened: false, path: deps.dataDir, reason: failure }
        : { opened: true, path: deps.dataDir };
    },

    async 'desktop.saveFile'({ suggestedName, content, filters }) {
      const result = await showSaveDialogOn(deps.dialog, deps.getWindow(), {
        title: 'Save',
        defaultPath: join(deps.downloadsDir, suggestedName),
        ...(filters ? { filters } : {}),
      });
      if (result.canceled || !result.filePath) return { saved: false, path: null, bytes: 0 };
      const bytes = Buffer.from(content, 'utf8');
      await replaceFile(result.filePath, (write) => write(bytes));
      chosenPaths.add(result.filePath);
      return { saved: true, path: result.filePath, bytes: bytes.length };
    },

    async 'desktop.openFile'({ filters, maxBytes }) {
      const result = await showOpenDialogOn(deps.dialog, deps.getWindow(), {
        title: 'Open',
        properties: ['openFile'],
        ...(filters.length ? { filters } : {}),
      });
      const path = result.filePaths[0];
      if (result.canceled || !path) return { canceled: true, path: null, name: null, content: null };
      chosenPaths.add(path);
      // Without O_NONBLOCK, opening a FIFO waits for a writer; a FIFO or a device then reads forever.
      const file = await open(path, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
      try {
        return await readChosenFile(path, file, maxBytes);
      } finally {
        await file.close();
      }
    },

    async 'desktop.revealInFolder'({ path }) {
      if (!isAbsolute(path)) throw new ApiError('invalid_input', 'path: must be an absolute path.');
      if (!chosenPaths.has(path))
        throw new ApiError(
          'forbidden',
          'path: only a file saved or opened through a Hookscope dialog can be revealed.',
        );
      if (!existsSync(path)) throw new ApiError('not_found', `path: ${path} does not exist.`);
      deps.shell.showItemInFolder(path);
      return { revealed: true };
    },
  };
}

async function readChosenFile(
  path: string,
  file: FileHandle,
  maxBytes: number,
): Promise<{ canceled: false; path: string; name: string; content: string }> {
  const stats = await file.stat();
  const kind = notAFileKind(stats);
  if (kind)
    throw new ApiError('invalid_input', `${basename(path)} is ${kind}, not a file: pick a file to open.`);
  const size = stats.size;
  if (size > maxBytes) {
    throw new ApiError(
      'payload_too_large',
      `maxBytes: ${basename(path)} is ${size} bytes, above the limit of ${maxBytes}.`,
      {
        sizeBytes: size,
        maxBytes,
      },
    );
  }
  // Its text comes back as one string, and V8 holds none longer than this (UTF-8 never decodes to more
  // characters than bytes): past it, reading fails with only "Invalid string length".
  if (size > MAX_STRING_LENGTH) {
    throw new ApiError(
      'payload_too_large',
      `${basename(path)} is ${size} bytes, above the ${MAX_STRING_LENGTH} bytes a file can be opened at (the longest text JavaScript can hold).`,
      { sizeBytes: size, maxBytes: MAX_STRING_LENGTH },
    );
  }
  // The size above is the one it had when opened: a file still being written to can be longer by now.
  const bytes = await readAtMost(file, maxBytes + 1);
  if (bytes.length > maxBytes) {
    throw new ApiError(
      'payload_too_large',
      `maxBytes: ${basename(path)} grew past the limit of ${maxBytes} bytes while it was read (it was ${size} bytes when opened).`,
      { sizeBytes: bytes.length, maxBytes },
    );
  }
  return { canceled: false, path, name: basename(path), content: bytes.toString('utf8') };
}
