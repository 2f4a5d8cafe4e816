import { constants } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/engine/api/dispatcher';
import { createDesktopHandlers } from '../../electron/main/desktop-handlers';
import { maxOpenFileBytes } from '../../electron/shared/contract/desktop';
import type { Handlers } from '../../electron/shared/contract/index';
import { createFakeElectron } from './fake-electron';

function openFileCaller() {
  const fake = createFakeElectron();
  const handlers = createDesktopHandlers({
    dialog: fake.electron.dialog,
    shell: fake.electron.shell,
    dataDir: '/nonexistent',
    downloadsDir: '/nonexistent',
    getWindow: () => null,
  });
  const dispatcher = createDispatcher(handlers as unknown as Handlers, { checkOutputs: true });
  const open = (maxBytes: number) =>
    dispatcher.dispatch('desktop.openFile', { maxBytes }, { transport: 'ipc' });
  return { open, dialogsShown: () => fake.electron.dialog.shownOn.length };
}

describe('desktop.openFile maxBytes', () => {
  it('is capped at the longest string V8 can hold, which the renderer-safe contract writes as a literal', () => {
    expect(maxOpenFileBytes).toBe(constants.MAX_STRING_LENGTH);
  });

  it.each([constants.MAX_STRING_LENGTH + 1, 1024 * 1024 * 1024])(
    '%i is refused up front naming maxBytes, before any dialog opens',
    async (maxBytes) => {
      const { open, dialogsShown } = openFileCaller();
      expect(await open(maxBytes)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', message: expect.stringContaining('maxBytes') },
      });
      expect(dialogsShown()).toBe(0);
    },
  );

  it('accepts the limit itself', async () => {
    const { open, dialogsShown } = openFileCaller();
    expect(await open(constants.MAX_STRING_LENGTH)).toEqual({
      ok: true,
      value: { canceled: true, path: null, name: null, content: null },
    });
    expect(dialogsShown()).toBe(1);
  });
});
