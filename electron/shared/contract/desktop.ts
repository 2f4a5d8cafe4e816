import { z } from 'zod';
import { method, type EventTable, type MethodTable } from './define';

const fileFilter = z.object({
  name: z.string().min(1).max(100),
  /** Extensions without the dot, e.g. `har`; `*` for any. */
  extensions: z
    .array(z.string().regex(/^(\*|[A-Za-z0-9]{1,16})$/, 'an extension without the dot, or *'))
    .min(1),
});
export type FileFilter = z.infer<typeof fileFilter>;

/**
 * The most `desktop.openFile` can read: V8's longest string (`buffer.constants.MAX_STRING_LENGTH`, which the renderer
 * cannot import; tests/electron/open-file-max-bytes.test.ts checks they agree). A longer file cannot be read as text.
 */
export const maxOpenFileBytes = 536_870_888;

/** Methods only the Electron shell serves (native dialogs, the OS file manager). Hidden in browser mode. */
export const desktopMethods = {
  'desktop.openDataFolder': method(
    z.object({}),
    /** `reason`: why the system could not open it (when `opened` is false). */
    z.object({ opened: z.boolean(), path: z.string(), reason: z.string().optional() }),
    {
      desktopOnly: true,
    },
  ),
  /** Native save dialog, then write `content` (UTF-8) to the chosen file, replacing it only once written whole. */
  'desktop.saveFile': method(
    z.object({
      suggestedName: z
        .string()
        .min(1)
        .max(255)
        .refine((name) => !/[/\\]/.test(name), 'a file name, not a path'),
      content: z.string(),
      filters: z.array(fileFilter).max(20).optional(),
    }),
    z.object({ saved: z.boolean(), path: z.string().nullable(), bytes: z.number().int() }),
    { desktopOnly: true },
  ),
  /** Native open dialog, then read the chosen file as UTF-8. */
  'desktop.openFile': method(
    z.object({
      filters: z.array(fileFilter).max(20).default([]),
      maxBytes: z.number().int().min(1).max(maxOpenFileBytes).default(maxOpenFileBytes),
    }),
    z.object({
      canceled: z.boolean(),
      path: z.string().nullable(),
      name: z.string().nullable(),
      content: z.string().nullable(),
    }),
    { desktopOnly: true },
  ),
  /** Show a file in the OS file manager (never opens or runs it): only one saved or opened through these dialogs. */
  'desktop.revealInFolder': method(
    z.object({ path: z.string().min(1) }),
    z.object({ revealed: z.boolean() }),
    {
      desktopOnly: true,
    },
  ),
} satisfies MethodTable;

export const desktopEvents = {} satisfies EventTable;

/** Names the HTTP transport hides and the Electron bridge advertises through `capabilities()`. */
export const desktopOnlyMethodNames: ReadonlySet<string> = new Set(
  Object.entries(desktopMethods as MethodTable)
    .filter(([, spec]) => spec.desktopOnly)
    .map(([name]) => name),
);

export { appOrigin, ipcChannels, type IpcEventMessage, type IpcRequest } from './ipc';
import type { IpcRequest } from './ipc';

/** Validates what arrives on the rpc channel. */
export const ipcRequest: z.ZodType<IpcRequest> = z.discriminatedUnion('op', [
  z.object({ op: z.literal('call'), method: z.string().min(1).max(200), input: z.unknown() }),
  z.object({ op: z.literal('capabilities') }),
]);
