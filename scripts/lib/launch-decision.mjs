// What `npm start` should run. Pure: every input is passed in, so the fallbacks are unit-tested
// (tests/electron/launch-decision.test.ts). Never `require('electron')` to probe: that starts a download.
import { join, resolve } from 'node:path';

/**
 * Where the Electron binary would be, without touching the network.
 * @param {{ electronDir: string | null, env: Record<string, string | undefined>, exists: (p: string) => boolean, read: (p: string) => string | null }} io
 * @returns {{ ok: true, path: string } | { ok: false, reason: string }}
 */
export function findElectronRuntime({ electronDir, env, exists, read }) {
  if (!electronDir) return { ok: false, reason: 'the electron package is not installed' };
  const relative = read(join(electronDir, 'path.txt'))?.trim() || null;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const path = join(env.ELECTRON_OVERRIDE_DIST_PATH, relative ?? 'electron');
    return exists(path)
      ? { ok: true, path }
      : { ok: false, reason: `ELECTRON_OVERRIDE_DIST_PATH has no binary at ${path}` };
  }
  if (!relative) return { ok: false, reason: 'binary not downloaded' };
  const path = join(electronDir, 'dist', relative);
  return exists(path)
    ? { ok: true, path }
    : { ok: false, reason: `binary not downloaded (${path} is missing)` };
}

/**
 * A graphical session exists: always on macOS and Windows; on Linux/BSD only with X11 or Wayland.
 * @param {string} platform @param {Record<string, string | undefined>} env
 */
export function hasDisplay(platform, env) {
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/**
 * @param {{ argv: string[], platform: string, env: Record<string, string | undefined>, runtime: { ok: true, path: string } | { ok: false, reason: string } }} input
 * @returns {{ mode: 'self-test' } | { mode: 'electron', binary: string } | { mode: 'browser', reason: string, openBrowser: boolean }}
 */
export function decideLaunch({ argv, platform, env, runtime }) {
  if (argv.includes('--self-test')) return { mode: 'self-test' };
  const display = hasDisplay(platform, env);
  const openBrowser = display && !argv.includes('--no-open');
  if (argv.includes('--browser'))
    return { mode: 'browser', reason: 'Browser mode requested (--browser)', openBrowser };
  if (!runtime.ok) {
    return {
      mode: 'browser',
      reason: `Electron runtime not available (${runtime.reason}) — starting browser mode`,
      openBrowser,
    };
  }
  if (!display) {
    return {
      mode: 'browser',
      reason: 'No display (neither DISPLAY nor WAYLAND_DISPLAY is set) — starting browser mode',
      openBrowser: false,
    };
  }
  return { mode: 'electron', binary: runtime.path };
}

/**
 * dist/ must be rebuilt when an output is missing or older than the newest source file.
 * @param {{ outputs: Array<number | null>, newestSourceMs: number }} input  outputs: mtimes (null = missing)
 * @returns {{ build: boolean, why: string | null }}
 */
export function needsBuild({ outputs, newestSourceMs }) {
  if (outputs.some((mtime) => mtime === null)) return { build: true, why: 'dist/ is missing files' };
  const oldest = Math.min(...outputs.map(Number));
  return newestSourceMs > oldest
    ? { build: true, why: 'sources changed since the last build' }
    : { build: false, why: null };
}

/**
 * The command that opens a URL in the system browser.
 * @param {string} platform @param {string} url
 * @returns {{ command: string, args: string[] }}
 */
export function openCommand(platform, url) {
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // `start` takes its first quoted argument as a window title; cmd treats `&` as a command separator.
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '', url.replace(/&/g, '^&')] };
  return { command: 'xdg-open', args: [url] };
}

/**
 * Electron's arguments for the desktop app: its main process hosts the engine, and V8 sizes its young generation only
 * at start, so the engine's V8 flags (electron/engine/util/engine-launch-tuning.ts, `engineNodeFlags`) go on its command
 * line — `app.commandLine.appendSwitch('js-flags')` would reach only renderers. Flags the user passes win.
 * @param {string[]} args @returns {string[]}
 */
export function electronEngineArgs(args) {
  if (args.some((arg) => arg.startsWith('--js-flags'))) return args;
  return ['--js-flags=--max-semi-space-size=8', ...args];
}

/** `hookscope serve` flags that have no desktop-app equivalent: refused, not quietly ignored, when Electron is launched. */
const browserModeOnlyFlags = [
  '--ui-port',
  '--host',
  '--durability',
  '--no-ui',
  '--open',
  '--json-ready',
  '--tunnel',
  '--subdomain',
  '--tunnel-host',
];

/**
 * `npm start -- --data-dir D --receiver-port N` when it launches the desktop app. Its main process reads no flags, only
 * HOOKSCOPE_DATA_DIR and HOOKSCOPE_RECEIVER_PORT, so these two are handed over as those (a relative folder resolved
 * against `base`, as browser mode's server, started there, resolves it); the other server flags are refused.
 * @param {string[]} args @param {string} base
 * @returns {{ ok: true, args: string[], env: Record<string, string> } | { ok: false, message: string }}
 */
export function desktopLaunchFlags(args, base) {
  const rest = [];
  const env = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s) : [arg, undefined];
    if (name === '--data-dir' || name === '--receiver-port') {
      const value = inline ?? args[++i];
      if (value === undefined || value.trim() === '') return { ok: false, message: `${name}: give a value` };
      if (name === '--data-dir') env.HOOKSCOPE_DATA_DIR = resolve(base, value);
      else if (!/^\d+$/.test(value) || Number(value) > 65_535)
        return {
          ok: false,
          message: `--receiver-port: expected a whole number from 0 to 65535, got "${value}"`,
        };
      else env.HOOKSCOPE_RECEIVER_PORT = value;
      continue;
    }
    if (browserModeOnlyFlags.includes(name))
      return {
        ok: false,
        message: `${name}: the desktop app does not take it; run browser mode for it (npm run start:browser -- ${arg} …)`,
      };
    rest.push(arg);
  }
  return { ok: true, args: rest, env };
}
