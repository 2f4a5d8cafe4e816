// `npm start -- --self-test`: can this machine run Hookscope? Opens a database in a temp folder, starts the
// receiver on port 0, sends it one request, checks the bytes were stored and survive a restart. Exit 0/1.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDispatcher } from '../electron/engine/api/dispatcher';
import { createEngine, type Engine } from '../electron/engine/engine';
import { silentLogger } from '../electron/engine/util/logger';

const dataDir = mkdtempSync(join(tmpdir(), 'hookscope-self-test-'));
let failures = 0;
const check = (ok: boolean, what: string, detail = '') => {
  if (!ok) failures += 1;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${detail ? ` — ${detail}` : ''}`);
  return ok;
};

async function call<T>(engine: Engine, method: string, input: unknown): Promise<T> {
  const result = await createDispatcher(engine.handlers).dispatch(method, input, { transport: 'in-process' });
  if (!result.ok) throw new Error(`${method}: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

async function main() {
  console.log(
    `Hookscope self-test (Node ${process.versions.node}, ${process.platform}-${process.arch}, data in ${dataDir})`,
  );
  let engine = await createEngine({ dataDir, receiverPort: 0, mode: 'test', log: silentLogger });
  check(true, 'opened the SQLite database and applied migrations (better-sqlite3 loaded)');
  check(
    /^http:\/\/127\.0\.0\.1:\d+$/.test(engine.receiverUrl),
    'receiver listening on an ephemeral port',
    engine.receiverUrl,
  );

  const marker = `self-test ${Date.now()} ✓ \u0000 bytes`;
  const stored = new Promise<void>((resolve) => engine.bus.on('capture.created', () => resolve()));
  const response = await fetch(`${engine.receiverUrl}/self-test?probe=1`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain', 'x-hookscope-self-test': 'yes' },
    body: marker,
    signal: AbortSignal.timeout(10_000),
  });
  check(response.status < 500, 'receiver answered the request', `HTTP ${response.status}`);
  await Promise.race([
    stored,
    new Promise((_, reject) =>
      setTimeout(() => reject(new Error('no capture.created event within 10 s')), 10_000).unref(),
    ),
  ]);

  const list = await call<{ items: Array<{ id: number; path: string }> }>(engine, 'captures.list', {
    limit: 10,
  });
  const summary = list.items.find((item) => item.path === '/self-test');
  if (check(Boolean(summary), 'the request was stored', summary ? `capture #${summary.id}` : 'not found')) {
    const detail = await call<{ bodyBase64: string; headers: Array<[string, string]> }>(
      engine,
      'captures.get',
      { id: summary!.id },
    );
    check(Buffer.from(detail.bodyBase64, 'base64').toString('utf8') === marker, 'body stored byte-exact');
    check(
      detail.headers.some(([name, value]) => name === 'x-hookscope-self-test' && value === 'yes'),
      'headers stored',
    );
    await engine.close();
    engine = await createEngine({ dataDir, receiverPort: 0, mode: 'test', log: silentLogger });
    const again = await call<{ bodyBase64: string }>(engine, 'captures.get', { id: summary!.id });
    check(
      Buffer.from(again.bodyBase64, 'base64').toString('utf8') === marker,
      'capture survives closing and reopening the database',
    );
  }
  await engine.close();
}

main()
  .catch((error: unknown) =>
    check(false, 'self-test ran to the end', error instanceof Error ? error.message : String(error)),
  )
  .finally(() => {
    rmSync(dataDir, { recursive: true, force: true });
    console.log(
      failures === 0
        ? 'Self-test passed.'
        : `Self-test FAILED (${failures} check${failures === 1 ? '' : 's'}).`,
    );
    process.exit(failures === 0 ? 0 : 1);
  });
