import { describe, expect, it } from 'vitest';
import {
  engineNodeFlags,
  relaunchPlan,
  type LaunchContext,
} from '../../../electron/engine/util/engine-launch-tuning';
import { electronEngineArgs } from '../../../scripts/lib/launch-decision.mjs';

const execve = (() => {
  throw new Error('not called by the decision');
}) as LaunchContext['execve'];
const linux: LaunchContext = { platform: 'linux', env: {}, execArgv: [], execve, inElectron: false };
const tuned = { env: { MALLOC_ARENA_MAX: '2' }, execArgv: ['--max-semi-space-size=8'] };

describe('relaunching the engine process tuned for a long run', () => {
  it('adds two malloc arenas (Linux) and 8 MB semi-spaces to a process started without them', () => {
    expect(relaunchPlan(linux)).toEqual(tuned);
    expect(relaunchPlan({ ...linux, platform: 'darwin' })).toEqual({ env: {}, execArgv: tuned.execArgv });
  });

  it('adds only what is missing, and what the user set wins', () => {
    expect(relaunchPlan({ ...linux, env: { MALLOC_ARENA_MAX: '8' } })).toEqual({
      env: {},
      execArgv: tuned.execArgv,
    });
    expect(relaunchPlan({ ...linux, env: { MALLOC_ARENA_MAX: '' } })?.env).toEqual({});
    expect(relaunchPlan({ ...linux, execArgv: ['--max-semi-space-size=32'] })).toEqual({
      env: tuned.env,
      execArgv: [],
    });
    expect(
      relaunchPlan({ ...linux, env: { NODE_OPTIONS: '--max_semi_space_size=4 --trace-gc' } })?.execArgv,
    ).toEqual([]);
  });

  it('never relaunches once tuned (no loop), in Electron, or without process.execve (Windows, old Node)', () => {
    expect(relaunchPlan({ ...linux, env: { ...tuned.env }, execArgv: tuned.execArgv })).toBeNull();
    expect(relaunchPlan({ ...linux, platform: 'win32', execve: undefined })).toBeNull();
    expect(relaunchPlan({ ...linux, inElectron: true })).toBeNull();
    expect(relaunchPlan({ ...linux, execve: undefined })).toBeNull();
  });

  it('npm start passes the same V8 flags to Electron (its main process hosts the engine), unless given its own', () => {
    expect(electronEngineArgs(['--foo'])).toEqual([`--js-flags=${engineNodeFlags.join(' ')}`, '--foo']);
    expect(electronEngineArgs(['--js-flags=--expose-gc'])).toEqual(['--js-flags=--expose-gc']);
  });
});
