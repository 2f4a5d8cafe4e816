/**
 * Settings a long-running engine process needs from the moment it starts, because they are read only then:
 *
 * - glibc's malloc gives threads that contend for it arenas of their own (up to 8 per core) and keeps freed memory in
 *   each. The engine's threads (the receiver, the WAL checkpointer, V8's and libuv's helpers) all allocate; under a
 *   steady 5k captures/s RSS crept up ~10 MB more with the default than with two arenas.
 * - V8 grows the young generation to its maximum (16 MB semi-spaces, 32 MB in all) under any steady allocation and
 *   keeps it. 8 MB semi-spaces kept saturated peak RSS 13 MB lower at the same throughput (7 alternated rounds each).
 *
 * Figures and runs: docs/benchmarks.md ("Ingest", "Ingest soak"). A process started without them relaunches itself
 * once, in place, with them (`hookscope serve`, browser mode); `npm start` passes them to Electron.
 */
export const engineLaunchEnv = { MALLOC_ARENA_MAX: '2' } as const;
export const engineNodeFlags = ['--max-semi-space-size=8'] as const;

export interface LaunchContext {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  execArgv: readonly string[];
  /** `process.execve` (Node ≥ 22.15, POSIX); absent in older Node and on Windows, meaningless in Electron. */
  execve: ((file: string, args: string[], env: NodeJS.ProcessEnv) => never) | undefined;
  inElectron: boolean;
}

export interface RelaunchPlan {
  env: Record<string, string>;
  execArgv: string[];
}

const setsSemiSpace = (arg: string) => /^--max[-_]semi[-_]space[-_]size(=|$)/.test(arg);

/**
 * What a relaunch would add, or null when nothing is missing or there is no way to relaunch. What the user set
 * always wins: `MALLOC_ARENA_MAX` in the environment, a semi-space size in the arguments or `NODE_OPTIONS`.
 */
export function relaunchPlan(ctx: LaunchContext): RelaunchPlan | null {
  if (ctx.inElectron || !ctx.execve) return null;
  const env: Record<string, string> =
    ctx.platform === 'linux' && ctx.env.MALLOC_ARENA_MAX === undefined ? { ...engineLaunchEnv } : {};
  const userFlags = [...ctx.execArgv, ...(ctx.env.NODE_OPTIONS ?? '').split(/\s+/)];
  const execArgv = userFlags.some(setsSemiSpace) ? [] : [...engineNodeFlags];
  return Object.keys(env).length === 0 && execArgv.length === 0 ? null : { env, execArgv };
}

/** Replaces this process with the same command and what `relaunchPlan` adds (same pid, stdio and arguments). */
export function relaunchTunedForEngine(): void {
  const execve = (process as { execve?: LaunchContext['execve'] }).execve?.bind(process);
  const plan = relaunchPlan({
    platform: process.platform,
    env: process.env,
    execArgv: process.execArgv,
    execve,
    inElectron: process.versions.electron !== undefined,
  });
  if (!plan) return;
  try {
    execve!(
      process.execPath,
      [process.execPath, ...process.execArgv, ...plan.execArgv, ...process.argv.slice(1)],
      { ...process.env, ...plan.env },
    );
  } catch {
    // Could not replace the process: run on untuned.
  }
}
