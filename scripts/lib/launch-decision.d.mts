export type ElectronRuntime = { ok: true; path: string } | { ok: false; reason: string };
export function findElectronRuntime(io: {
  electronDir: string | null;
  env: Record<string, string | undefined>;
  exists: (path: string) => boolean;
  read: (path: string) => string | null;
}): ElectronRuntime;
export function hasDisplay(platform: string, env: Record<string, string | undefined>): boolean;
export function decideLaunch(input: {
  argv: string[];
  platform: string;
  env: Record<string, string | undefined>;
  runtime: ElectronRuntime;
}):
  | { mode: 'self-test' }
  | { mode: 'electron'; binary: string }
  | { mode: 'browser'; reason: string; openBrowser: boolean };
export function needsBuild(input: { outputs: Array<number | null>; newestSourceMs: number }): {
  build: boolean;
  why: string | null;
};
export function openCommand(platform: string, url: string): { command: string; args: string[] };
export function electronEngineArgs(args: string[]): string[];
export function desktopLaunchFlags(
  args: string[],
  base: string,
): { ok: true; args: string[]; env: Record<string, string> } | { ok: false; message: string };
