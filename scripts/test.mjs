#!/usr/bin/env node
// `npm test`: type-check every boundary, lint, build, then run every Vitest project (unit, integration, contract,
// Electron wiring, and the Chromium end-to-end tests). Ends with one plain "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const bin = (name) => join(root, 'node_modules/.bin', name);
const report = join(root, '.tmp/vitest-report.json');

function step(title, command, args) {
  const started = Date.now();
  process.stdout.write(`\n▶ ${title}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    process.stdout.write(`✖ ${title} failed after ${seconds} s\n`);
    return false;
  }
  process.stdout.write(`✔ ${title} (${seconds} s)\n`);
  return true;
}

const checks = [
  ['type-check engine (no DOM)', bin('tsc'), ['-p', 'tsconfig.engine.json']],
  ['type-check renderer (no Node)', bin('tsc'), ['-p', 'tsconfig.renderer.json']],
  ['type-check Electron shell', bin('tsc'), ['-p', 'tsconfig.electron.json']],
  ['type-check tests and scripts', bin('tsc'), ['-p', 'tsconfig.tests.json']],
  ['lint (incl. import boundaries)', bin('eslint'), ['.', '--max-warnings=0']],
  ['format (prettier --check)', bin('prettier'), ['--check', '.', '--log-level=warn']],
  ['build', process.execPath, [join(root, 'scripts/build.mjs')]],
  // electron-builder --dir with a stand-in Electron: config, asar contents, fuses, packaged main booted under Node.
  ['verify packaging (stand-in Electron)', process.execPath, [join(root, 'scripts/verify-packaging.mjs')]],
];
let ok = true;
for (const [title, command, args] of checks) ok = step(title, command, args) && ok;

rmSync(report, { force: true });
const testsOk = step('tests (vitest: unit, integration, contract, electron, e2e)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
]);
ok = testsOk && ok;

if (existsSync(report)) {
  const results = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = results.numPendingTests + results.numTodoTests;
  console.log(
    `\ntests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped`,
  );
} else {
  console.log('\ntests: 0 passed, 1 failed');
}
if (!ok) console.log('npm test: FAILED (see the ✖ steps above)');
process.exit(ok ? 0 : 1);
