import { ApiError } from '../../shared/contract/errors';
import type { desktopMethods } from '../../shared/contract/desktop';
import type { EngineModule } from '../context';

const unavailable = (name: string) => () => {
  throw new ApiError(
    'unavailable',
    `${name} needs the desktop app (native dialogs are not available in this mode).`,
  );
};

/**
 * The engine's stand-ins for the desktop-only methods. Browser mode hides them entirely; the Electron shell
 * replaces them with real handlers (electron/main/desktop-handlers.ts) when it builds its IPC dispatcher.
 */
export function createDesktopModule(): EngineModule<typeof desktopMethods> {
  return {
    handlers: {
      'desktop.openDataFolder': unavailable('desktop.openDataFolder'),
      'desktop.saveFile': unavailable('desktop.saveFile'),
      'desktop.openFile': unavailable('desktop.openFile'),
      'desktop.revealInFolder': unavailable('desktop.revealInFolder'),
    },
  };
}
