#!/usr/bin/env node
// Builds everything `npm start`, the CLI, the tests and electron-builder need into dist/.
//   --engine   only the Node bundles (server, CLI, Electron main/preload) and migrations, not the renderer
import { build as esbuild } from 'esbuild';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const engineOnly = process.argv.includes('--engine');
const started = Date.now();

const node = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
};
await Promise.all([
  esbuild({
    ...node,
    format: 'esm',
    entryPoints: {
      'engine/server': join(root, 'electron/server/main.ts'),
      'engine/cli': join(root, 'electron/cli/main.ts'),
    },
    outdir: join(root, 'dist'),
    outExtension: { '.js': '.mjs' },
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  }),
  esbuild({
    ...node,
    format: 'cjs',
    entryPoints: { 'electron/main': join(root, 'electron/main/main.ts') },
    outdir: join(root, 'dist'),
    outExtension: { '.js': '.cjs' },
    external: ['electron'],
    // Engine modules locate files (migrations) from import.meta.url, which CommonJS lacks: give it the bundle's URL.
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  }),
  // The preload runs sandboxed: one self-contained CommonJS file, nothing external but electron.
  esbuild({
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    sourcemap: true,
    logLevel: 'warning',
    entryPoints: { 'electron/preload': join(root, 'electron/preload/preload.ts') },
    outdir: join(root, 'dist'),
    outExtension: { '.js': '.cjs' },
    external: ['electron'],
  }),
]);
rmSync(join(root, 'dist/migrations'), { recursive: true, force: true });
mkdirSync(join(root, 'dist'), { recursive: true });
cpSync(join(root, 'electron/engine/store/migrations'), join(root, 'dist/migrations'), { recursive: true });

if (!engineOnly) {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
}
console.log(
  `built ${engineOnly ? 'engine' : 'engine and renderer'} into dist/ in ${Date.now() - started} ms`,
);
