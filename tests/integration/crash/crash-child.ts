// Child process for the kill -9 test: an engine whose receiver port is printed as soon as it listens.
import { createEngine } from '../../../electron/engine/engine';
import { silentLogger } from '../../../electron/engine/util/logger';

const engine = await createEngine({ dataDir: process.argv[2]!, mode: 'test', log: silentLogger });
process.stdout.write(JSON.stringify({ receiverUrl: engine.receiverUrl }) + '\n');
