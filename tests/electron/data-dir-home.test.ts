import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../electron/engine/util/data-dir';

// HOOKSCOPE_DATA_DIR="~/hooks" from a quoted value or a .desktop launcher reaches the app with no shell to expand it.
describe('defaultDataDir: a leading ~ in HOOKSCOPE_DATA_DIR', () => {
  it('is the home folder, on every platform', () => {
    expect(defaultDataDir({ HOOKSCOPE_DATA_DIR: '~/hooks' }, 'linux', '/home/u')).toBe('/home/u/hooks');
    expect(defaultDataDir({ HOOKSCOPE_DATA_DIR: ' ~ ' }, 'linux', '/home/u')).toBe('/home/u');
    expect(defaultDataDir({ HOOKSCOPE_DATA_DIR: '~/' }, 'darwin', '/Users/u')).toBe('/Users/u');
    expect(defaultDataDir({ HOOKSCOPE_DATA_DIR: '~\\hooks' }, 'win32', 'C:\\Users\\u')).toBe(
      'C:\\Users\\u\\hooks',
    );
    expect(defaultDataDir({ HOOKSCOPE_DATA_DIR: '~/hooks' }, 'win32', 'C:\\Users\\u')).toBe(
      'C:\\Users\\u\\hooks',
    );
  });

  it('is left alone anywhere else, and as ~user or a folder named ~x', () => {
    expect(defaultDataDir({ HOOKSCOPE_DATA_DIR: 'data/~/hooks' }, 'linux', '/home/u')).toBe('data/~/hooks');
    expect(defaultDataDir({ HOOKSCOPE_DATA_DIR: '~alice/hooks' }, 'linux', '/home/u')).toBe('~alice/hooks');
    expect(defaultDataDir({ HOOKSCOPE_DATA_DIR: '~hooks' }, 'linux', '/home/u')).toBe('~hooks');
    // A backslash is an ordinary file-name character on POSIX.
    expect(defaultDataDir({ HOOKSCOPE_DATA_DIR: '~\\hooks' }, 'linux', '/home/u')).toBe('~\\hooks');
  });
});
