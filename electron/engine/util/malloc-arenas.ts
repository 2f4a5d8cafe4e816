/**
 * glibc's malloc gives threads that contend for it arenas of their own (up to 8 per core) and keeps freed memory in
 * each. The engine's threads (the receiver, the WAL checkpointer, V8's and libuv's helpers) all allocate, and under a
 * steady 5k captures/s the receiver's RSS crept up by ~10 MB more with the default than with two arenas
 * (docs/benchmarks.md, "Ingest soak"). The limit is read only when a process starts, so a long-running engine process
 * that was started without it relaunches itself once, in place, with it set.
 */
export const mallocArenaLimit = { MALLOC_ARENA_MAX: '2' } as const;

export interface RelaunchContext {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** `process.execve` (Node ≥ 22.15); absent in older Node and meaningless in Electron. */
  execve: ((file: string, args: string[], env: NodeJS.ProcessEnv) => never) | undefined;
  inElectron: boolean;
}

/** Whether to relaunch: Linux (glibc's variable), not set already (the user's choice wins), and a way to do it. */
export function shouldRelaunchForMallocArenas(ctx: RelaunchContext): boolean {
  return (
    ctx.platform === 'linux' &&
    ctx.env.MALLOC_ARENA_MAX === undefined &&
    ctx.execve !== undefined &&
    !ctx.inElectron
  );
}

/** Replaces this process with the same command and the arena limit set (same pid, stdio and arguments). */
export function relaunchWithMallocArenaLimit(): void {
  const execve = (process as { execve?: RelaunchContext['execve'] }).execve?.bind(process);
  const ctx: RelaunchContext = {
    platform: process.platform,
    env: process.env,
    execve,
    inElectron: process.versions.electron !== undefined,
  };
  if (!shouldRelaunchForMallocArenas(ctx)) return;
  try {
    execve!(process.execPath, [process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
      ...process.env,
      ...mallocArenaLimit,
    });
  } catch {
    // Could not replace the process: run on with the default arenas.
  }
}
