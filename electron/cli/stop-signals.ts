const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Resolves `received` on the first SIGINT or SIGTERM. Any later one calls `onRepeat` instead of Node's default (which
 * kills the process): one Ctrl+C under `npm exec` arrives twice (from the terminal and from npm), and a repeat that
 * killed the process mid-close left the data folder's lock and an uncleanly closed database behind.
 */
export function listenForStopSignals(onRepeat: () => void): { received: Promise<void>; dispose(): void } {
  let stopping = false;
  let resolve!: () => void;
  const received = new Promise<void>((done) => (resolve = done));
  const onSignal = () => {
    if (stopping) return onRepeat();
    stopping = true;
    resolve();
  };
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  return {
    received,
    dispose: () => {
      for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
    },
  };
}
