import { describe, expect, it } from 'vitest';
import {
  shouldRelaunchForMallocArenas,
  type RelaunchContext,
} from '../../../electron/engine/util/malloc-arenas';

const execve = (() => {
  throw new Error('not called by the decision');
}) as RelaunchContext['execve'];
const linux: RelaunchContext = { platform: 'linux', env: {}, execve, inElectron: false };

describe('relaunching the engine process with two malloc arenas', () => {
  it('relaunches a Linux Node process started without the limit', () => {
    expect(shouldRelaunchForMallocArenas(linux)).toBe(true);
  });

  it('leaves the process alone when the user set the limit, off Linux, in Electron, or without process.execve', () => {
    expect(shouldRelaunchForMallocArenas({ ...linux, env: { MALLOC_ARENA_MAX: '8' } })).toBe(false);
    expect(shouldRelaunchForMallocArenas({ ...linux, env: { MALLOC_ARENA_MAX: '' } })).toBe(false);
    expect(shouldRelaunchForMallocArenas({ ...linux, platform: 'darwin' })).toBe(false);
    expect(shouldRelaunchForMallocArenas({ ...linux, platform: 'win32' })).toBe(false);
    expect(shouldRelaunchForMallocArenas({ ...linux, inElectron: true })).toBe(false);
    expect(shouldRelaunchForMallocArenas({ ...linux, execve: undefined })).toBe(false);
  });
});
