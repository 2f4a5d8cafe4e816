// electron-builder configuration (`npm run dist`). Validated offline against app-builder-lib's JSON schema and
// exercised with a stand-in Electron by scripts/verify-packaging.mjs.
const pkg = require('../package.json');

const commonFiles = [
  'package.json',
  'dist/**',
  '!dist/**/*.map',
  // React, Monaco, Recharts and their dependency trees are bundled into dist/renderer by Vite.
  '!node_modules/{react,react-dom,scheduler,monaco-editor,@monaco-editor,recharts,@tanstack,@types}/**',
  '!node_modules/{d3-*,victory-vendor,internmap,decimal.js-light,redux,redux-thunk,@reduxjs,react-redux,reselect,immer,use-sync-external-store,es-toolkit,eventemitter3,clsx,tiny-invariant,@standard-schema}/**',
  '!node_modules/{dompurify,marked,state-local}/**',
  '!node_modules/better-sqlite3/{deps,src,build,binding.gyp}{,/**}',
  '!node_modules/**/{test,tests,__tests__,docs,example,examples}/**',
  '!node_modules/**/*.{md,markdown,ts,map}',
];

// better-sqlite3 ships prebuilt binaries for every OS; each package keeps only its own OS's (all its architectures).
// A platform's `files` is the whole list again plus that exclusion: a list of exclusions alone makes electron-builder
// start it from "**/*", which put back everything the common list leaves out (source maps, bundled libraries).
const sqlitePrebuildsExcept = (...oses) => {
  const others = ['linux', 'linuxmusl', 'darwin', 'win32'].filter((os) => !oses.includes(os));
  return [...commonFiles, `!node_modules/better-sqlite3/prebuilds/{${others.join(',')}}-*.node`];
};

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'dev.hookscope.app',
  productName: 'Hookscope',
  copyright: 'Copyright © Hookscope contributors',
  directories: { output: 'release', buildResources: 'build' },
  // The deb target refuses to build without a homepage, and Linux desktops match windows to the .desktop entry
  // by desktopName. package.json's own values win when it has them.
  extraMetadata: {
    desktopName: 'hookscope.desktop',
    ...(pkg.homepage ? {} : { homepage: 'https://github.com/hookscope/hookscope' }),
    ...(pkg.author ? {} : { author: { name: 'Hookscope', email: 'hookscope@users.noreply.github.com' } }),
  },
  // Everything the app runs is prebuilt by scripts/build.mjs into dist/. node_modules keeps only what the
  // main bundle requires at runtime; the renderer's libraries are already bundled by Vite.
  files: commonFiles,
  asar: true,
  // Native addons cannot be loaded from inside an archive; Electron redirects require() to app.asar.unpacked.
  asarUnpack: ['**/*.node'],
  // better-sqlite3 13 ships N-API prebuilds that load in Electron ≥ 36 as they are: never rebuild.
  npmRebuild: false,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  },
  linux: {
    target: ['AppImage', 'deb', 'tar.gz'],
    category: 'Development',
    executableName: 'hookscope',
    files: sqlitePrebuildsExcept('linux', 'linuxmusl'),
    // The desktop entry starts the app with the engine's V8 flags (electron/engine/util/engine-launch-tuning.ts); Electron
    // reads --js-flags for its main process only from the command line.
    executableArgs: ['--js-flags=--max-semi-space-size=8'],
    syncDesktopName: true,
    icon: 'build/icons/icon.png',
    synopsis: 'Catch, inspect and send webhooks',
    maintainer: 'Hookscope <hookscope@users.noreply.github.com>',
  },
  // Setting depends replaces electron-builder's default list, so it is repeated here in full: xdg-utils opens the
  // data folder, libnotify4 shows capture notifications, libsecret backs cookie encryption. libgbm1 and libasound2
  // are libraries the Electron binary itself loads.
  deb: {
    depends: [
      'libgtk-3-0',
      'libnotify4',
      'libnss3',
      'libxss1',
      'libxtst6',
      'xdg-utils',
      'libatspi2.0-0',
      'libuuid1',
      'libsecret-1-0',
      'libgbm1',
      'libasound2 | libasound2t64',
    ],
  },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.developer-tools',
    files: sqlitePrebuildsExcept('darwin'),
    icon: 'build/icons/icon.png',
    hardenedRuntime: true,
  },
  dmg: { sign: false },
  win: { target: ['nsis'], icon: 'build/icons/icon.png', files: sqlitePrebuildsExcept('win32') },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  publish: null,
};
