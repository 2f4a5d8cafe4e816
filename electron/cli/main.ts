import { appVersion } from '../engine/version';
import { closestCommand } from './closest-command';
import { processIo, UsageError, type CliIo } from './io';

const usage = `Usage: hookscope <command> [options]

Commands:
  serve      start the receiver and the browser UI (what \`npm start\` runs without Electron)
  tail       stream new captures to the terminal (pretty or --json lines)
  export     write captures as JSONL, HAR, JSON or a cURL script to stdout
  send       send a webhook with a platform's retry policy (Ortto, Ontraport, Standard Webhooks)
  emulate    send a realistic Ortto or Ontraport webhook to a URL

Exit codes: 0 done; 1 it failed (a delivery finally failed, the data folder or a port could not be used, the output
could not be written); 2 a usage problem (an unknown command or flag, a bad value: the message names it); 130
stopped with Ctrl+C (serve stops cleanly then, with 0).

Run \`hookscope <command> --help\` for a command's options. Version ${appVersion}.
`;

type Command = (argv: string[], io: CliIo) => Promise<number>;

const commands: Record<string, () => Promise<Command>> = {
  serve: async () => (await import('./commands/serve')).run,
  tail: async () => (await import('./commands/tail')).run,
  export: async () => (await import('./commands/export')).run,
  send: async () => (await import('./commands/send')).run,
  emulate: async () => (await import('./commands/emulate')).run,
};

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const code = await runCommand(argv, io);
  await io.flush?.();
  const failure = io.stdoutFailure?.();
  if (failure) {
    const name = argv[0] && Object.hasOwn(commands, argv[0]) ? ` ${argv[0]}` : '';
    io.stderr(`hookscope${name}: could not write the output: ${failure.message}\n`);
    return 1;
  }
  return code;
}

async function runCommand(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  // Usage asked for is the output (stdout, exit 0); without a command it is an error message (stderr, exit 2).
  if (!name) {
    io.stderr(usage);
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    // `hookscope help export` asks for that command's help, as `git help commit` does.
    const [topic] = rest;
    if (name === 'help' && topic !== undefined) {
      if (Object.hasOwn(commands, topic)) return runCommand([topic, '--help'], io);
      // The general usage with exit 0 would read as the help asked for; a mistyped topic is said, as for a command.
      return unknownCommand(topic, io);
    }
    io.stdout(usage);
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${appVersion}\n`);
    return 0;
  }
  const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) return unknownCommand(name, io);
  try {
    return await (
      await load()
    )(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`hookscope ${name}: ${error.message}\nRun \`hookscope ${name} --help\` for usage.\n`);
      return 2;
    }
    io.stderr(`hookscope ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

function unknownCommand(name: string, io: CliIo): number {
  const meant = closestCommand(name, Object.keys(commands));
  const hint = meant ? `; did you mean "${meant}"?` : '';
  io.stderr(`hookscope: unknown command "${name}"${hint}\n\n${usage}`);
  return 2;
}
