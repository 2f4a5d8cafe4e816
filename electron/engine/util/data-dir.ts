import { win32, posix } from 'node:path';

export const appDirName = 'Hookscope';

/**
 * Where Hookscope keeps its database, settings and logs: `HOOKSCOPE_DATA_DIR` when set, else the OS app-data
 * folder. Pure (env, platform and home are passed in) so every platform's rule is testable on any machine.
 */
export function defaultDataDir(
  env: Record<string, string | undefined>,
  platform: NodeJS.Platform,
  homedir: string,
): string {
  const override = env.HOOKSCOPE_DATA_DIR?.trim();
  if (override) return expandHome(override, platform, homedir);
  switch (platform) {
    case 'win32':
      return win32.join(
        absolute(env.APPDATA, win32) ?? win32.join(homedir, 'AppData', 'Roaming'),
        appDirName,
      );
    case 'darwin':
      return posix.join(homedir, 'Library', 'Application Support', appDirName);
    default:
      return posix.join(absolute(env.XDG_CONFIG_HOME, posix) ?? posix.join(homedir, '.config'), appDirName);
  }
}

/**
 * A relative base folder would move the data with the working directory, so it counts as unset (the XDG spec
 * says to ignore it). HOOKSCOPE_DATA_DIR, set on purpose, may still be relative.
 */
function absolute(value: string | undefined, path: typeof posix): string | null {
  const trimmed = value?.trim();
  return trimmed && path.isAbsolute(trimmed) ? trimmed : null;
}

/**
 * A leading `~` or `~/` as the home folder, as a shell would have expanded it: a quoted value, a `.desktop` launcher
 * or a systemd unit passes it through literally, and it would otherwise become a folder named `~` under the working
 * directory. `~user` is left as written (that needs the password database).
 */
export function expandHome(path: string, platform: NodeJS.Platform, homedir: string): string {
  if (path === '~') return homedir;
  const rest = (platform === 'win32' ? /^~[\\/](.*)$/s : /^~\/(.*)$/s).exec(path);
  if (!rest) return path;
  return platform === 'win32' ? win32.join(homedir, rest[1]!) : posix.join(homedir, rest[1]!);
}
