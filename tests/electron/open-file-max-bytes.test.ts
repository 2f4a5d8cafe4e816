import { constants } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { maxOpenFileBytes } from '../../electron/shared/contract/desktop';
import { desktopOpenFile } from './desktop-open-file';

function openFileCaller() {
  const { fake, openFile } = desktopOpenFile();
  return {
    open: (maxBytes: number) => openFile({ maxBytes }),
    dialogsShown: () => fake.electron.dialog.shownOn.length,
  };
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
