/**
 * The small shared core of the project's commands (`scripts/*.ts`): strict flag parsing with a usage
 * line, and one-line errors that name the command and say what to do, with distinct exit codes:
 * 2 for bad input (flags, data folder, data files, dates, model files, output folders: the user can
 * fix it), 1 for a failure while running, 128 + n when stopped by a signal (see `interrupt.ts`).
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ParseArgsConfig } from "node:util";
import { parseArgs } from "node:util";
import { UsageError } from "./errors.js";
import { installInterruptHandlers } from "./interrupt.js";

export { UsageError };

/** Exit code of an error: 2 for bad input ({@link UsageError}, which invalid Olist data extend), else 1. */
export function exitCodeOf(error: unknown): 1 | 2 {
  return error instanceof UsageError ? 2 : 1;
}

/** The error as one line (line breaks of multi-line messages become spaces). */
export function oneLine(message: string): string {
  return message.replace(/\s*\r?\n\s*/g, " ").trim();
}

type FlagOptions = NonNullable<ParseArgsConfig["options"]>;

/** The parsed values of strict flags `O` (named so that the declaration build can emit it). */
export type ParsedFlags<O extends FlagOptions> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: false }>
>["values"];

/**
 * Throws a {@link UsageError} whose message points at `--help` for the usage (the command prints it
 * as `<command>: <message>` and exits with code 2). `usage` is printed by `--help` only, so that the
 * error stays one line.
 */
export function cliFail(_command: string, _usage: string, message: string): never {
  throw new UsageError(`${oneLine(message)} (--help lists the options)`);
}

/**
 * Parses `argv` strictly (unknown flags and positionals are errors); `--help` / `-h` prints the
 * usage and exits 0.
 *
 * @example
 * const flags = parseFlags("segment", USAGE, { out: { type: "string", default: "reports/segments" } });
 */
export function parseFlags<const O extends FlagOptions>(
  command: string,
  usage: string,
  options: O,
  argv: string[] = process.argv.slice(2),
): ParsedFlags<O> {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(usage);
    process.exit(0);
  }
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (e) {
    return cliFail(command, usage, (e as Error).message);
  }
}

/**
 * An integer flag (`min` ≤ n ≤ `max`), or `undefined` when absent; a bad value fails with the
 * flag's name.
 */
export function integerFlag(
  command: string,
  usage: string,
  name: string,
  value: string | undefined,
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === "" || !Number.isSafeInteger(n) || n < min || n > max) {
    const bounds = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`;
    cliFail(command, usage, `--${name} "${value}" must be an integer ${bounds}.`);
  }
  return n;
}

/**
 * Upper bounds of the numeric flags, so that no flag can make a command run without end: `k` (more
 * segments than any team acts on; k-means time grows with k), `workers` (threads beyond the cores
 * only add memory), `customers` (twin size, about 200× the Kaggle release; above one million the twin is
 * generated shard by shard).
 */
export const FLAG_LIMITS = { k: 50, workers: 64, customers: 20_000_000 } as const;

/** How a command ended: its exit code and, on failure, the one line it prints on stderr. */
export interface CommandOutcome {
  code: 0 | 1 | 2;
  /** `<command>: <message>` (failures only). */
  line?: string;
  error?: unknown;
}

/**
 * Runs a command's main function and says how it ended, without exiting: 0, or the exit code of
 * its error ({@link exitCodeOf}) with the one line `<command>: <message>`. Tests run commands
 * in-process through it; {@link runCommand} prints the line and exits.
 *
 * @example
 * const { code, line } = await commandOutcome("segment", () => segmentCommand(["--out", ""]));
 */
export async function commandOutcome(
  command: string,
  main: () => Promise<void>,
): Promise<CommandOutcome> {
  try {
    await main();
    return { code: 0 };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { code: exitCodeOf(e), line: `${command}: ${oneLine(message)}`, error: e };
  }
}

/** Whether the module at `moduleUrl` is the script Node was started with (not an import). */
export function isMainModule(moduleUrl: string): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  const script = fileURLToPath(moduleUrl);
  const resolved = path.resolve(entry);
  return resolved === script || resolved === script.replace(/\.ts$/, "");
}

/**
 * Runs a command's main function: SIGINT / SIGTERM stop it cleanly (`interrupt.ts`); an error
 * prints `<command>: <message>` on one line and exits with {@link exitCodeOf} (2 for bad input, 1
 * otherwise). With `moduleUrl` (the script's `import.meta.url`), runs only when that script is the
 * entry point, so that tests can import the command's function.
 */
export function runCommand(command: string, main: () => Promise<void>, moduleUrl?: string): void {
  if (moduleUrl !== undefined && !isMainModule(moduleUrl)) return;
  installInterruptHandlers(command);
  void commandOutcome(command, main).then(({ code, line }) => {
    if (code === 0) return;
    console.error(line);
    process.exit(code);
  });
}
