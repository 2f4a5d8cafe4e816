import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../electron/engine/util/data-dir';

describe('defaultDataDir', () => {
  it('prefers HOOKSCOPE_DATA_DIR on every platform', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(defaultDataDir({ HOOKSCOPE_DATA_DIR: '/tmp/hs', APPDATA: 'C:\\x' }, platform, '/home/u')).toBe(
        '/tmp/hs',
      );
    }
  });

  it('ignores a blank override', () => {
    expect(defaultDataDir({ HOOKSCOPE_DATA_DIR: '  ' }, 'linux', '/home/u')).toBe(
      '/home/u/.config/Hookscope',
    );
  });

  it('uses ~/.config on Linux, honouring XDG_CONFIG_HOME', () => {
    expect(defaultDataDir({}, 'linux', '/home/u')).toBe('/home/u/.config/Hookscope');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/u')).toBe('/xdg/Hookscope');
  });

  it('ignores a relative XDG_CONFIG_HOME or APPDATA, which would move the data with the working directory', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: 'cfg' }, 'linux', '/home/u')).toBe('/home/u/.config/Hookscope');
    expect(defaultDataDir({ APPDATA: 'Roaming' }, 'win32', 'C:\\Users\\u')).toBe(
      'C:\\Users\\u\\AppData\\Roaming\\Hookscope',
    );
  });

  it('uses Application Support on macOS', () => {
    expect(defaultDataDir({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Application Support/Hookscope');
  });

  it('uses %APPDATA% on Windows, falling back to the roaming profile', () => {
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u')).toBe(
      'C:\\Users\\u\\AppData\\Roaming\\Hookscope',
    );
    expect(defaultDataDir({}, 'win32', 'C:\\Users\\u')).toBe('C:\\Users\\u\\AppData\\Roaming\\Hookscope');
  });
});
