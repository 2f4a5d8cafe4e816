import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

/**
 * An HTTP server on 127.0.0.1:0 in its own process that answers 200 and notes when each request arrived (its
 * monotonic clock, ms). Apart from the engine's process, a busy engine cannot delay the arrival times it notes.
 */
export async function arrivalClockServer(): Promise<{
  url: string;
  arrivedAt: number[];
  close(): Promise<void>;
}> {
  const child = spawn(
    process.execPath,
    [
      '-e',
      `const server = require('node:http').createServer((req, res) => {
         console.log(String(Number(process.hrtime.bigint()) / 1e6));
         req.resume();
         req.on('end', () => res.end('ok'));
       });
       server.listen(0, '127.0.0.1', () => console.log(server.address().port));
       process.stdin.resume();
       process.stdin.on('end', () => process.exit(0));`,
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const exited = once(child, 'exit');
  const lines = createInterface({ input: child.stdout });
  const [port] = (await once(lines, 'line')) as [string];
  const arrivedAt: number[] = [];
  lines.on('line', (line) => arrivedAt.push(Number(line)));
  return {
    url: `http://127.0.0.1:${port}`,
    arrivedAt,
    close: async () => {
      child.stdin.end();
      await exited;
    },
  };
}
