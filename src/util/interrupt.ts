/**
 * Stopping a command cleanly on SIGINT / SIGTERM: steps that leave something behind while they run
 * (a temporary folder, a child process) register a clean-up; the handler runs them, says so in one
 * line and exits with 128 + the signal number. Files are written synchronously to a temporary name
 * and renamed (`atomicWrite.ts`), and a signal handler only runs between two JavaScript tasks, so
 * an interrupted command never leaves a half-written output: each file is the old or the new one.
 */

const cleanups = new Set<() => void>();

/**
 * Registers a clean-up to run if the command is interrupted; returns the function that unregisters
 * it (call it once the step is done).
 *
 * @example
 * const done = onInterrupt(() => rmSync(tmpDir, { recursive: true, force: true }));
 * try { await work(tmpDir); } finally { done(); }
 */
export function onInterrupt(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  return () => {
    cleanups.delete(cleanup);
  };
}

/** Runs every registered clean-up (latest first), ignoring their errors. */
export function runInterruptCleanups(): void {
  const list = Array.from(cleanups).reverse();
  cleanups.clear();
  for (const cleanup of list) {
    try {
      cleanup();
    } catch {
      // Stopping matters more than a clean-up that could not finish.
    }
  }
}

const SIGNAL_NUMBERS = { SIGINT: 2, SIGTERM: 15 } as const;
let installed = false;

/**
 * Makes SIGINT and SIGTERM stop the command: clean-ups run, one line `<command>: interrupted by
 * SIGINT; …` goes to stderr, exit code 130 / 143. A second signal exits at once.
 */
export function installInterruptHandlers(command: string): void {
  if (installed) return;
  installed = true;
  let stopping = false;
  for (const signal of Object.keys(SIGNAL_NUMBERS) as (keyof typeof SIGNAL_NUMBERS)[]) {
    process.on(signal, () => {
      const code = 128 + SIGNAL_NUMBERS[signal];
      if (stopping) process.exit(code);
      stopping = true;
      runInterruptCleanups();
      process.stderr.write(
        `${command}: interrupted by ${signal}; stopped before writing further outputs (every file is either the previous or the new one, no temporary file left).\n`,
      );
      process.exit(code);
    });
  }
}
