// Child process for `npm run test:crash`: the whole engine plus its control API, so the parent can queue deliveries.
import { createEngine } from '../electron/engine/engine';
import { startHttpTransport } from '../electron/engine/transport/http-transport';
import { silentLogger } from '../electron/engine/util/logger';

const engine = await createEngine({ dataDir: process.argv[2]!, mode: 'test', log: silentLogger });
const http = await startHttpTransport({ engine, port: 0, staticDir: null });
process.stdout.write(
  JSON.stringify({ receiverUrl: engine.receiverUrl, apiUrl: http.url, token: http.token }) + '\n',
);
