import { describe, expect, it } from 'vitest';
import type { MenuItemOptions } from '../../../electron/main/electron-like';
import { buildMenuTemplate, type MenuActions } from '../../../electron/main/menu';

const noActions = {} as MenuActions;

function viewMenu(platform: NodeJS.Platform): MenuItemOptions[] {
  const template = buildMenuTemplate(noActions, {
    dev: false,
    platform,
    nativeTheme: { themeSource: 'system' },
    version: '1.0.0',
  });
  return template.find((item) => item.label === 'View')!.submenu!;
}

// Electron's own Zoom In accelerator (Ctrl+Plus) is Ctrl+Shift+= on Windows and Linux keyboards: Ctrl+= and the
// numpad's + did nothing there, unlike in every browser (electron/electron#40674).
describe('View menu zoom keys', () => {
  it.each(['linux', 'win32'] as const)(
    'on %s, Ctrl+= and numpad + zoom in too, from hidden items',
    (platform) => {
      const zoomIn = viewMenu(platform).filter((item) => item.role === 'zoomIn');
      expect(zoomIn).toContainEqual({ role: 'zoomIn' });
      expect(zoomIn).toContainEqual({ role: 'zoomIn', accelerator: 'CmdOrCtrl+=', visible: false });
      expect(zoomIn).toContainEqual({ role: 'zoomIn', accelerator: 'CmdOrCtrl+numadd', visible: false });
    },
  );

  it('on macOS, where Cmd+= already zooms in, the menu keeps its one Zoom In', () => {
    expect(viewMenu('darwin').filter((item) => item.role === 'zoomIn')).toEqual([{ role: 'zoomIn' }]);
  });
});
