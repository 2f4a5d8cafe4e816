// Child process: an app receiving a steady loop of requests (its own, to 127.0.0.1) until it is stopped, as a
// running Hookscope would beside a CLI command. Prints its receiver URL once the loop runs.
import { createEngine } from '../../../electron/engine/engine';
import { silentLogger } from '../../../electron/engine/util/logger';
import { send } from '../../helpers/raw-http';

const engine = await createEngine({ dataDir: process.argv[2]!, mode: 'test', log: silentLogger });
let sent = 0;
for (let loop = 0; loop < 4; loop++) {
  void (async () => {
    for (;;) {
      await send(`${engine.receiverUrl}/hook/loop`, {
        method: 'POST',
        headers: [['Content-Type', 'application/json']],
        body: JSON.stringify({ word: 'needle', n: sent++ }),
      });
    }
  })();
}
process.stdout.write(JSON.stringify({ receiverUrl: engine.receiverUrl }) + '\n');
