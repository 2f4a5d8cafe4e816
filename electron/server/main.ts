import { processIo } from '../cli/io';
import { main } from '../cli/main';

// Browser mode's entry (dist/engine/server.mjs): `hookscope serve` with the same flags.
main(['serve', ...process.argv.slice(2)], processIo).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(String(error) + '\n');
    process.exit(1);
  },
);
