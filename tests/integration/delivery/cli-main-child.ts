// The `hookscope` CLI from source in a child process, for tests that need its real stdin.
import { main } from '../../../electron/cli/main';

process.exitCode = await main(process.argv.slice(2));
