#!/usr/bin/env node
// The `hookscope` command. Needs Node >= 22.14 (better-sqlite3 13); inside npm scripts the project's pinned Node is used.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 14)) {
  process.stderr.write(
    `hookscope needs Node >= 22.14 (this is ${process.version}). Run it through npm (npm exec hookscope -- …) ` +
      'to use the Node the project pins, or install Node 22.\n',
  );
  process.exit(1);
}
const { existsSync } = await import('node:fs');
const { fileURLToPath } = await import('node:url');
const cli = fileURLToPath(new URL('../dist/engine/cli.mjs', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('hookscope is not built yet: run `npm run build` in the project folder.\n');
  process.exit(1);
}
const { main } = await import(cli);
const code = await main(process.argv.slice(2));
// Writes to a pipe are asynchronous: exiting at once would cut `hookscope export | jq` off after 64 KB. A write's
// callback runs once everything before it has gone out (or the reader has gone: EPIPE ends the wait too).
const flushed = (stream) =>
  new Promise((resolve) => {
    stream.once('error', resolve);
    stream.write('', () => resolve());
  });
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exit(code);
