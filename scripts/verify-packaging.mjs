#!/usr/bin/env node
// Proves offline what can be proved about `npm run dist` on a machine where Electron cannot be downloaded:
//   1. the builder config passes electron-builder's own schema validation;
//   2. electron-builder `--dir` for this platform, with a stand-in `electronDist` (a fake `electron`
//      executable carrying a real fuse wire, so nothing is downloaded), produces an app folder whose app.asar
//      holds main, preload, renderer, migrations and the dictionary, with better-sqlite3's .node unpacked;
//   3. the fuses were flipped in the packaged executable as configured;
//   4. the packaged main bundle boots under plain Node with a stand-in `electron` module: the engine opens its
//      database from the packaged migrations, serves the renderer over app:// with the CSP, answers IPC from
//      the app frame, refuses a foreign frame, stores a request, and shuts down cleanly.
// What it cannot prove: that Chromium renders the window (no Electron binary here). Usage:
//   node scripts/verify-packaging.mjs [--skip-build] [--keep]
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const args = process.argv.slice(2);
const work = mkdtempSync(join(tmpdir(), 'hookscope-packaging-'));
let failures = 0;
const check = (ok, what, detail = '') => {
  if (!ok) failures += 1;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${detail ? ` — ${detail}` : ''}`);
  return ok;
};

const platformDir = { linux: 'linux', darwin: 'mac', win32: 'win' }[process.platform];
if (process.platform !== 'linux') {
  console.log(
    `note: this script lays out the stand-in Electron for Linux; on ${process.platform} run \`npm run dist\` with the real Electron instead.`,
  );
  process.exit(0);
}

try {
  if (!args.includes('--skip-build')) {
    const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], {
      stdio: 'inherit',
      cwd: root,
    });
    if (!check(build.status === 0, 'node scripts/build.mjs')) throw new Error('build failed');
  }
  for (const file of [
    'dist/electron/main.cjs',
    'dist/electron/preload.cjs',
    'dist/renderer/index.html',
    'dist/migrations/001_core.sql',
  ]) {
    check(existsSync(join(root, file)), `${file} built`);
  }

  // 1. schema
  const config = require(join(root, 'build/electron-builder.config.cjs'));
  const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js');
  await validateConfiguration(structuredClone(config), { isEnabled: false, add() {} });
  check(true, "config passes electron-builder's schema validation (app-builder-lib/scheme.json)");

  // 2. the stand-in Electron: an executable with the fuse sentinel and a V1 wire in Electron's default states.
  const { FuseV1Options, getCurrentFuseWire } = require('@electron/fuses');
  const FuseState = { DISABLE: 48, ENABLE: 49 }; // '0' / '1' in the wire (@electron/fuses constants)
  const sentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
  const defaults = [
    FuseState.ENABLE,
    FuseState.DISABLE,
    FuseState.ENABLE,
    FuseState.ENABLE,
    FuseState.DISABLE,
    FuseState.DISABLE,
    FuseState.DISABLE,
    FuseState.ENABLE,
  ];
  const electronDist = join(work, 'electron-dist');
  mkdirSync(join(electronDist, 'resources'), { recursive: true });
  writeFileSync(
    join(electronDist, 'electron'),
    Buffer.concat([
      Buffer.from(
        '#!/bin/sh\necho "stand-in Electron: the real binary could not be downloaded here" >&2\nexit 1\n# ',
      ),
      Buffer.from(sentinel),
      Buffer.from([1, defaults.length, ...defaults]),
      Buffer.from('\n'),
    ]),
  );
  chmodSync(join(electronDist, 'electron'), 0o755);
  writeFileSync(join(electronDist, 'LICENSE'), 'stand-in');
  writeFileSync(join(electronDist, 'version'), require('electron/package.json').version);

  const builder = require('electron-builder');
  const output = join(work, 'release');
  const started = Date.now();
  await builder.build({
    projectDir: root,
    targets: builder.Platform.LINUX.createTarget('dir', builder.Arch.x64),
    config: { ...structuredClone(config), electronDist, directories: { ...config.directories, output } },
    publish: 'never',
  });
  check(true, `electron-builder --dir with the stand-in electronDist (${Date.now() - started} ms)`);

  const appDir = join(output, `${platformDir}-unpacked`);
  const resources = join(appDir, 'resources');
  const asarFile = join(resources, 'app.asar');
  check(existsSync(asarFile), 'resources/app.asar exists');
  const asar = require('@electron/asar');
  const entries = new Set(asar.listPackage(asarFile).map((entry) => entry.replaceAll('\\', '/')));
  for (const file of [
    '/package.json',
    '/dist/electron/main.cjs',
    '/dist/electron/preload.cjs',
    '/dist/renderer/index.html',
    '/dist/migrations/001_core.sql',
    '/node_modules/better-sqlite3/lib/index.js',
    '/node_modules/zod/package.json',
  ]) {
    check(entries.has(file), `app.asar contains ${file}`);
  }
  check(
    ![...entries].some(
      (e) => e.startsWith('/node_modules/react/') || e.startsWith('/node_modules/monaco-editor/'),
    ),
    'renderer-only libraries (react, monaco-editor) are not shipped twice',
  );
  check(![...entries].some((e) => e.endsWith('.map')), 'no source maps in the package');
  const nativeFile = join(
    resources,
    'app.asar.unpacked/node_modules/better-sqlite3/prebuilds/linux-x64.node',
  );
  check(
    existsSync(nativeFile),
    'better-sqlite3 native binary unpacked',
    'resources/app.asar.unpacked/node_modules/better-sqlite3/prebuilds/linux-x64.node',
  );
  const main = asar.extractFile(asarFile, 'dist/electron/main.cjs').toString('utf8');
  const ortto = JSON.parse(readFileSync(join(root, 'electron/shared/decode/dictionary/ortto.json'), 'utf8'));
  const sample = Object.keys(ortto.fields ?? {}).find((key) => key.includes('::')) ?? '';
  check(
    sample.length > 0 && main.includes(sample),
    'the Ortto dictionary is bundled into main.cjs',
    `sample key ${JSON.stringify(sample)}`,
  );

  // 3. fuses
  const executable = join(appDir, 'hookscope');
  const wire = await getCurrentFuseWire(existsSync(executable) ? executable : join(appDir, 'Hookscope'));
  const expected = {
    [FuseV1Options.RunAsNode]: FuseState.DISABLE,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: FuseState.DISABLE,
    [FuseV1Options.EnableNodeCliInspectArguments]: FuseState.DISABLE,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: FuseState.ENABLE,
    [FuseV1Options.OnlyLoadAppFromAsar]: FuseState.ENABLE,
  };
  for (const [index, state] of Object.entries(expected)) {
    check(
      wire[index] === state,
      `fuse ${FuseV1Options[index]} is ${state === FuseState.ENABLE ? 'on' : 'off'} in the packaged executable`,
    );
  }

  // 3b. the tar.gz target, when a local 7-Zip spares electron-builder its toolset download from GitHub
  const sevenZip =
    process.env.ELECTRON_BUILDER_7ZIP_PATH ??
    ['/usr/bin/7za', '/usr/bin/7z'].find((path) => existsSync(path));
  if (sevenZip) {
    process.env.ELECTRON_BUILDER_7ZIP_PATH = sevenZip;
    const tarOutput = join(work, 'release-tar');
    await builder.build({
      projectDir: root,
      targets: builder.Platform.LINUX.createTarget('tar.gz', builder.Arch.x64),
      config: {
        ...structuredClone(config),
        electronDist,
        directories: { ...config.directories, output: tarOutput },
      },
      publish: 'never',
    });
    const tarball = join(tarOutput, `hookscope-${require(join(root, 'package.json')).version}.tar.gz`);
    const listing = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).stdout.split('\n');
    check(
      listing.some((entry) => entry.endsWith('/resources/app.asar')) &&
        listing.some((entry) =>
          entry.endsWith('app.asar.unpacked/node_modules/better-sqlite3/prebuilds/linux-x64.node'),
        ),
      'tar.gz target built with the local 7-Zip; the tarball holds app.asar and the unpacked native binary',
      sevenZip,
    );
  } else {
    console.log(
      'skip tar.gz target: no local 7za (apt install p7zip-full, or set ELECTRON_BUILDER_7ZIP_PATH)',
    );
  }
  console.log(
    'skip AppImage and deb targets: electron-builder downloads appimage tools and fpm from GitHub (electron-userland/electron-builder-binaries); set APPIMAGE_TOOLS_PATH / USE_SYSTEM_FPM=true where those exist',
  );

  // 4. boot the packaged main under Node with a stand-in electron module
  const extracted = join(work, 'extracted');
  asar.extractAll(asarFile, extracted);
  check(
    existsSync(join(extracted, 'node_modules/better-sqlite3/prebuilds/linux-x64.node')),
    'extracted app includes the unpacked native binary',
  );
  const dataDir = join(work, 'data');
  const boot = spawnSync(
    process.execPath,
    ['--require', join(root, 'scripts/lib/stub-electron.cjs'), join(extracted, 'dist/electron/main.cjs')],
    {
      cwd: extracted,
      env: {
        ...process.env,
        HOOKSCOPE_DATA_DIR: dataDir,
        HOOKSCOPE_RECEIVER_PORT: '0',
        HOOKSCOPE_APP_ROOT: extracted,
        NODE_PATH: '',
      },
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  const line = boot.stdout
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .at(-1);
  const report = line ? JSON.parse(line) : null;
  if (
    !check(
      boot.status === 0 && report !== null,
      'packaged main.cjs booted and quit cleanly under Node',
      `exit ${boot.status}`,
    )
  ) {
    console.log(boot.stdout.slice(-2000), boot.stderr.slice(-2000));
  }
  if (report) {
    if (report.error || report.errorBox) console.log(report.error ?? report.errorBox);
    check(
      report.webPreferences?.sandbox === true &&
        report.webPreferences?.contextIsolation === true &&
        report.webPreferences?.nodeIntegration === false,
      'window created with the secure webPreferences',
    );
    check(
      report.index?.status === 200 && /default-src 'self'/.test(report.index?.csp ?? ''),
      'app://hookscope/index.html served from the asar with the CSP',
    );
    check(
      report.appInfo?.ok === true && report.appInfo.value.mode === 'desktop',
      'IPC app.info answered (engine opened its database from the packaged migrations)',
    );
    check(
      report.foreign?.ok === false && report.foreign.error.code === 'forbidden',
      'IPC from a foreign frame refused',
    );
    check(
      Array.isArray(report.capabilities?.value) && report.capabilities.value.includes('desktop.saveFile'),
      'capabilities advertise the desktop methods',
    );
    check(
      Array.isArray(report.captured) && report.captured.includes('/packaged-probe'),
      'a request to the receiver was stored',
      `HTTP ${report.receiverStatus}`,
    );
    check(
      report.events.includes('ipc handler removed') && report.events.includes('quit'),
      'clean shutdown ran before quitting',
    );
    check(existsSync(join(dataDir, 'logs', 'main.log')), 'main process log written to <data>/logs/main.log');
  }
} catch (error) {
  check(false, 'verification ran to the end', error instanceof Error ? error.message : String(error));
} finally {
  if (args.includes('--keep')) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
console.log(
  failures === 0
    ? 'Packaging verified (with a stand-in Electron; see docs/desktop.md for what this cannot prove).'
    : `Packaging verification FAILED (${failures}).`,
);
process.exit(failures === 0 ? 0 : 1);
