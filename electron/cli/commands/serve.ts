import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine, type Engine } from '../../engine/engine';
import { tuneHeapForLongRunningEngine } from '../../engine/util/heap-tuning';
import { makeDirs } from '../../engine/util/make-dirs';
import { tunnelCannotReach } from '../../engine/tunnel/receiver-reachability';
import { startHttpTransport, type HttpTransport } from '../../engine/transport/http-transport';
import { resolveDataDir } from '../data-dir-flag';
import { openInBrowser } from '../open-in-browser';
import { listenForStopSignals } from '../stop-signals';
import { intFlag, parseFlags, UsageError, type CliIo } from '../io';
import { tunnelFlagOptions, tunnelFlagUsage, validateTunnelFlags } from './tunnel-flags';
import { printServeFailure, printThrownServeFailure, type ServeFailureCode } from './serve-failure';
import { createTunnelReporter } from './tunnel-report';

export const serveUsage = `Usage: hookscope serve [options]

Starts the engine: the receiver (captures any request) and the browser UI on loopback.

Options:
  --data-dir DIR        where the database lives (default: $HOOKSCOPE_DATA_DIR or ~/.config/Hookscope)
  --receiver-port N     receiver port (default 8787; 0 = any free port)
  --ui-port N           UI/API port, always bound to 127.0.0.1 (default 0 = any free port)
  --host ADDR           address the receiver binds (default 127.0.0.1; 0.0.0.0 to accept from the network)
  --durability D        process-crash (default: acknowledged captures survive a crash or kill -9 of the app) or
                        power-loss (SQLite synchronous=FULL: also an OS crash or power cut; slower)
  --no-ui               do not serve the UI (API still available with the printed token; uiUrl is null
                        in the --json-ready line)
  --open                open the UI in the system browser
  --json-ready          print one JSON line {"event":"ready",...} when ready (for scripts); with --tunnel,
                        each public URL as {"event":"tunnel","url":...,"changed":bool,"subdomainTaken":...}
                        (subdomainTaken: the subdomain asked for when the server assigned another, else null),
                        and when that URL stops working or works again, at most once a minute,
                        {"event":"tunnel","status":"degraded","url":...,"reason":...,"degradedSinceLastReport":N}
                        and {"event":"tunnel","status":"online","url":...};
                        if it cannot start, one line {"event":"error","code":C,"message":...,"exitCode":N}
                        before it exits (C: usage, port_in_use or start_failed; the message is on stderr too)
${tunnelFlagUsage}  -h, --help            show this help

Ctrl+C (SIGINT) or SIGTERM stops it cleanly; a repeat while it closes is ignored ("still closing…").
`;

const here = dirname(fileURLToPath(import.meta.url));

export function findRendererDir(): string | null {
  const candidates = [
    process.env.HOOKSCOPE_RENDERER_DIR,
    join(here, '../renderer'),
    join(here, '../../../dist/renderer'),
  ];
  for (const dir of candidates) if (dir && existsSync(join(dir, 'index.html'))) return dir;
  return null;
}

export interface Served {
  engine: Engine;
  http: HttpTransport;
  close(): Promise<void>;
}

/** A startup failure, with the part that failed: the engine (its receiver binds --host and --receiver-port) or the UI/API. */
export class StartFailure extends Error {
  constructor(
    readonly part: 'engine' | 'ui',
    readonly error: NodeJS.ErrnoException,
  ) {
    super(error.message);
  }
}

export async function serve(options: {
  dataDir: string;
  receiverPort: number;
  uiPort: number;
  host: string;
  ui: boolean;
  durability?: Durability;
  /** false with --tunnel: started once with the flags, not first by the saved auto-start and again at once. */
  tunnelAutoStart?: boolean;
}): Promise<Served> {
  let engine: Engine;
  try {
    engine = await createEngine({
      dataDir: options.dataDir,
      receiverPort: options.receiverPort,
      receiverHost: options.host,
      durability: options.durability,
      tunnelAutoStart: options.tunnelAutoStart,
      mode: 'browser',
    });
  } catch (error) {
    throw new StartFailure('engine', error as NodeJS.ErrnoException);
  }
  let http: HttpTransport;
  try {
    http = await startHttpTransport({
      engine,
      port: options.uiPort,
      staticDir: options.ui ? findRendererDir() : null,
    });
  } catch (error) {
    await engine.close();
    throw new StartFailure('ui', error as NodeJS.ErrnoException);
  }
  return {
    engine,
    http,
    async close() {
      await http.close();
      await engine.close();
    },
  };
}

/** Errors binding the receiver that mean the --host address is wrong: no such name, or not this machine's. */
const hostErrorCodes = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'EAI_NONAME',
  'EADDRNOTAVAIL',
  'EINVAL',
]);

export async function run(argv: string[], io: CliIo): Promise<number> {
  // Looked for before the flags are parsed, so that an unknown flag is reported as a JSON line too.
  const jsonReady = argv.includes('--json-ready');
  // Listened for from the start: a Ctrl+C while the database opens (waiting for its write lock, an upgrade, an index
  // rebuild) would otherwise kill the process the default way, with the data folder's lock file left behind. Startup
  // (the database opens synchronously) runs to its end, and the stop that came meanwhile closes it at once.
  const stopSignals = listenForStopSignals(() => io.stderr('still closing…\n'));
  try {
    return await start(argv, io, jsonReady, stopSignals);
  } catch (error) {
    if (jsonReady) printThrownServeFailure(io, error);
    throw error;
  } finally {
    stopSignals.dispose();
  }
}

async function start(
  argv: string[],
  io: CliIo,
  jsonReady: boolean,
  stopSignals: ReturnType<typeof listenForStopSignals>,
): Promise<number> {
  const failed = (code: ServeFailureCode, message: string) => {
    io.stderr(`hookscope: ${message}\n`);
    if (jsonReady) printServeFailure(io, code, message, 1);
    return 1;
  };
  const { values } = parseFlags(argv, {
    'data-dir': { type: 'string' },
    'receiver-port': { type: 'string' },
    'ui-port': { type: 'string' },
    host: { type: 'string' },
    durability: { type: 'string' },
    'no-ui': { type: 'boolean' },
    open: { type: 'boolean' },
    'json-ready': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    ...tunnelFlagOptions,
  });
  if (values.help) {
    io.stdout(serveUsage);
    return 0;
  }
  const tunnelFlags = validateTunnelFlags(values);
  if (values.open && values['no-ui']) throw new UsageError('--open: there is no UI to open with --no-ui');
  const durability = durabilityFlag(values.durability);
  const host = hostFlag(values.host);
  // Said before the receiver starts and its banner is printed, not by the tunnel refusing once it has.
  const unreachable = tunnelFlags.enabled ? tunnelCannotReach(host) : null;
  if (unreachable) throw new UsageError(`--tunnel: ${unreachable}`);
  // Checked before the data folder is made: a mistyped flag leaves no empty folder behind.
  const receiverPort = intFlag(values['receiver-port'], '--receiver-port', 8787);
  const uiPort = intFlag(values['ui-port'], '--ui-port', 0);
  // Otherwise the receiver takes the port first and the UI's failure reads as another program holding it.
  if (uiPort !== 0 && uiPort === receiverPort)
    throw new UsageError(
      `--ui-port ${uiPort}: the same port as --receiver-port; they are two listeners, give them different ports (or 0)`,
    );
  io.tuneProcessForEngine?.();
  tuneHeapForLongRunningEngine();
  const dataDir = resolveDataDir(values['data-dir']);
  try {
    makeDirs(dataDir);
  } catch (error) {
    throw new UsageError(`--data-dir: cannot create ${dataDir} (${(error as Error).message})`);
  }
  let served: Served;
  try {
    served = await serve({
      dataDir,
      receiverPort,
      uiPort,
      host,
      ui: !values['no-ui'],
      durability,
      tunnelAutoStart: !tunnelFlags.enabled,
    });
  } catch (error) {
    if (!(error instanceof StartFailure)) throw error;
    const { part, error: err } = error;
    if (err.code === 'EADDRINUSE') {
      const flag = part === 'ui' ? `--ui-port ${uiPort}` : `--receiver-port ${receiverPort}`;
      return failed('port_in_use', `${flag} is in use (another Hookscope?). Pick another port or 0.`);
    }
    if (part === 'engine' && hostErrorCodes.has(err.code ?? '')) {
      throw new UsageError(`--host ${host}: cannot listen on that address (${err.message})`);
    }
    return failed('start_failed', `could not start: ${err.message}`);
  }
  const { engine, http } = served;
  const rendererMissing = !values['no-ui'] && !findRendererDir();
  if (values['json-ready']) {
    io.stdout(
      JSON.stringify({
        event: 'ready',
        receiverUrl: engine.receiverUrl,
        // With --no-ui the UI's address would answer 404: scripts get null and use apiUrl with the token.
        uiUrl: values['no-ui'] ? null : http.uiUrl,
        apiUrl: http.url,
        token: http.token,
        dataDir,
      }) + '\n',
    );
  } else {
    io.stdout(`Hookscope ${engine.ctx.config.version} — data in ${dataDir}\n`);
    io.stdout(
      `Receiver: ${engine.receiverUrl}   (send webhooks here; any method, any path; /h/<slug>/… for an endpoint)\n`,
    );
    // With --no-ui only /api/ is served (the token is its bearer token); the UI's address would answer 404.
    if (values['no-ui']) io.stdout(`API:      ${http.url}   (token ${http.token})\n`);
    else io.stdout(`UI:       ${http.uiUrl}\n`);
    if (rendererMissing) io.stdout('(the UI is not built: run `npm run build`)\n');
    io.stdout('Press Ctrl+C to stop.\n');
  }
  // Only the receiver is tunnelled; print each public URL (and say loudly when it changed) — also when the tunnel was
  // started by the profile's saved auto-start or from the UI, not --tunnel: a receiver made public must be mentioned.
  const reportTunnel = createTunnelReporter(io, values['json-ready'] === true);
  engine.bus.on('tunnel.state', reportTunnel);
  if (tunnelFlags.enabled)
    engine.tunnel.startTunnel({ subdomain: tunnelFlags.subdomain, host: tunnelFlags.host });
  else reportTunnel(engine.tunnel.state());
  if (values.open) openInBrowser(http.uiUrl, io.stderr);
  await stopSignals.received;
  await served.close();
  return 0;
}

/**
 * Node listens on every interface when given an empty host, so an unset `--host "$HOST"` would open the receiver to the
 * network while the printed URL still says 127.0.0.1.
 */
function hostFlag(value: string | undefined): string {
  if (value === undefined) return '127.0.0.1';
  if (value.trim() === '')
    throw new UsageError(
      '--host: empty; give an address, such as 127.0.0.1 (the default) or 0.0.0.0 to accept from the network',
    );
  return value;
}

type Durability = 'process-crash' | 'power-loss';

function durabilityFlag(value: string | undefined): Durability {
  if (value === undefined) return 'process-crash';
  if (value === 'process-crash' || value === 'power-loss') return value;
  throw new UsageError(`--durability: expected process-crash or power-loss, got "${value}"`);
}
