#!/usr/bin/env node
// `npm start`: the desktop app when Electron can run here, else browser mode — with one line saying why.
//   --browser    force browser mode (`npm run start:browser`)
//   --no-open    do not open the system browser in browser mode
//   --self-test  open a database, receive one request on port 0, check it was stored; exit 0/1
// Other arguments are passed to the browser-mode server (e.g. --receiver-port 8787 --data-dir ./data); the desktop app
// gets --data-dir and --receiver-port as HOOKSCOPE_DATA_DIR and HOOKSCOPE_RECEIVER_PORT and refuses the server's others.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  decideLaunch,
  desktopLaunchFlags,
  electronEngineArgs,
  findElectronRuntime,
  needsBuild,
  openCommand,
} from './lib/launch-decision.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ownFlags = new Set(['--browser', '--no-open', '--self-test']);
const argv = process.argv.slice(2);
const passThrough = argv.filter((arg) => !ownFlags.has(arg));
// A script reading stdout as JSON lines asked for --json-ready: the server's lines pass through and every human line
// (why this mode, the build, the banner) goes to stderr.
const jsonReady = passThrough.includes('--json-ready');
const say = jsonReady ? console.error : console.log;
/** POSIX: the child gets signals from us only, once each (see forwardSignals). */
const ownProcessGroup = process.platform !== 'win32';

// Asked here, not passed on: the server's usage lacks this script's own flags, and Electron would take --help as its own.
if (argv.includes('--help') || argv.includes('-h')) {
  console.log(`Usage: npm start [-- options]     (npm run start:browser [-- options] for browser mode always)

Runs the desktop app when Electron can start here (its binary is downloaded and there is a display), else browser
mode: the engine and the UI in the system browser, as \`hookscope serve\` runs them.

Options:
  --browser      browser mode, whatever Electron's state
  --no-open      browser mode: print the UI's address but do not open the system browser
  --self-test    open a database in a temp folder, receive one request on port 0, check it was stored; exit 0 or 1
  --data-dir DIR, --receiver-port N
                 the data folder and receiver port (the desktop app takes only these two)
  other flags    go to browser mode's server: see \`npm exec hookscope -- serve --help\`
  -h, --help     show this help`);
  process.exit(0);
}

// better-sqlite3 13 needs 22.14: an older Node 22 would pass a major-only check and fail later, loading it.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 14)) {
  console.error(
    `Hookscope needs Node >= 22.14 (this is ${process.versions.node}); run it through npm so node_modules/.bin/node is used.`,
  );
  process.exit(1);
}

function electronDir() {
  try {
    // Resolve package.json only: requiring `electron` itself would try to download the binary.
    return dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

const decision = decideLaunch({
  argv,
  platform: process.platform,
  env: process.env,
  runtime: findElectronRuntime({
    electronDir: electronDir(),
    env: process.env,
    exists: existsSync,
    read: (path) => (existsSync(path) ? readFileSync(path, 'utf8') : null),
  }),
});

if (decision.mode === 'self-test') {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/self-test.ts')], {
    stdio: 'inherit',
    cwd: root,
  });
  process.exit(result.status ?? 1);
}

const flags = decision.mode === 'electron' ? desktopLaunchFlags(passThrough, root) : null;
if (flags && !flags.ok) {
  console.error(flags.message);
  process.exit(2);
}

buildIfStale();

if (decision.mode === 'electron') {
  const env = { ...process.env, ...flags.env };
  delete env.ELECTRON_RUN_AS_NODE;
  // Electron's main process hosts the engine but cannot relaunch itself tuned the way `hookscope serve` does
  // (electron/engine/util/engine-launch-tuning.ts), so its malloc arenas and V8 flags are set here.
  if (process.platform === 'linux') env.MALLOC_ARENA_MAX ??= '2';
  run(decision.binary, electronEngineArgs([root, ...flags.args]), env);
} else {
  say(decision.reason);
  runBrowserMode(decision.openBrowser);
}

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function buildIfStale() {
  const outputs = [
    'dist/electron/main.cjs',
    'dist/electron/preload.cjs',
    'dist/engine/server.mjs',
    'dist/renderer/index.html',
  ].map((file) => (existsSync(join(root, file)) ? statSync(join(root, file)).mtimeMs : null));
  const sources = ['electron', 'renderer', 'package.json', 'vite.config.ts', 'scripts/build.mjs'];
  const { build, why } = needsBuild({
    outputs,
    newestSourceMs: Math.max(...sources.map((s) => newestMtime(join(root, s)))),
  });
  if (!build) return;
  say(`Building (${why})…`);
  const result = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], {
    stdio: jsonReady ? ['inherit', process.stderr, 'inherit'] : 'inherit',
    cwd: root,
  });
  if (result.status !== 0) {
    console.error('Build failed; see the errors above.');
    process.exit(result.status ?? 1);
  }
}

function run(command, args, env = process.env) {
  const child = spawn(command, args, { stdio: 'inherit', cwd: root, env, detached: ownProcessGroup });
  forwardSignals(child);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  return child;
}

/**
 * Ctrl+C at a terminal signals its whole foreground process group, and npm passes it on to its script too: a child in
 * our group got SIGINT two or three times. The first starts its clean shutdown (the store closed, in-flight deliveries
 * given their grace); a repeat killed it halfway (Node's default once `serve`'s listener is spent, Chromium's one-shot
 * handler in Electron). So on POSIX the child has a process group of its own, and each signal is passed on once.
 * (A Windows console sends Ctrl+C to every process attached to it; there nothing changes.)
 */
function forwardSignals(child) {
  const forwarded = new Set();
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'])
    process.on(signal, () => {
      if (forwarded.has(signal)) return;
      forwarded.add(signal);
      child.kill(signal);
    });
}

function runBrowserMode(openBrowser) {
  const child = spawn(
    process.execPath,
    [join(root, 'dist/engine/server.mjs'), '--json-ready', ...passThrough],
    {
      stdio: ['inherit', 'pipe', 'inherit'],
      cwd: root,
      detached: ownProcessGroup,
    },
  );
  forwardSignals(child);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  let buffered = '';
  child.stdout.on('data', (chunk) => {
    buffered += chunk;
    let newline;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      const ready = parseReady(line);
      if (!ready || jsonReady) process.stdout.write(line + '\n');
      if (!ready) continue;
      // --no-ui serves only the API: there is no UI address to print or open.
      const ui = ready.uiUrl ? `UI: ${ready.uiUrl}` : `API: ${ready.apiUrl} (token ${ready.token})`;
      say(
        `Receiver: ${ready.receiverUrl}\n${ui}\nData: ${ready.dataDir ?? '(default)'}\nPress Ctrl+C to stop.`,
      );
      // With --open the server opens it itself: opening it here too gave two tabs.
      if (openBrowser && ready.uiUrl && !passThrough.includes('--open')) openInBrowser(ready.uiUrl);
    }
  });
}

function parseReady(line) {
  if (!line.startsWith('{')) return null;
  try {
    const message = JSON.parse(line);
    return message?.event === 'ready' && typeof message.receiverUrl === 'string' ? message : null;
  } catch {
    return null;
  }
}

/** Best effort: a missing xdg-open (or any failure) only prints a hint; the server keeps running. */
function openInBrowser(url) {
  const { command, args } = openCommand(process.platform, url);
  try {
    const opener = spawn(command, args, { stdio: 'ignore', detached: true });
    opener.on('error', () => say(`Could not run ${command}; open the UI URL above yourself.`));
    opener.unref();
  } catch {
    say(`Could not run ${command}; open the UI URL above yourself.`);
  }
}
