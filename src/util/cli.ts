/**
 * The small shared core of the project's commands (`scripts/*.ts`): strict flag parsing with a usage
 * line, and one-line errors that name the command and say what to do, with distinct exit codes:
 * 2 for bad input (flags, data folder, dates, model files: the user can fix it), 1 for a failure
 * while running.
 */
import type { ParseArgsConfig } from "node:util";
import { parseArgs } from "node:util";
import { OlistDataError } from "../data/errors.js";
import { UsageError } from "./errors.js";

export { UsageError };

/** Exit code of an error: 2 for bad input ({@link UsageError}, invalid Olist data), else 1. */
export function exitCodeOf(error: unknown): 1 | 2 {
  return error instanceof UsageError || error instanceof OlistDataError ? 2 : 1;
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
 * Prints `<command>: <message>` on one line of stderr, pointing at `--help` for the usage, then exits
 * with code 2 (bad usage). `usage` is printed by `--help` only, so that the error stays one line.
 */
export function cliFail(command: string, _usage: string, message: string): never {
  console.error(`${command}: ${oneLine(message)} (--help lists the options)`);
  process.exit(2);
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

/** An integer flag (≥ `min`), or `undefined` when absent; a bad value fails with the flag's name. */
export function integerFlag(
  command: string,
  usage: string,
  name: string,
  value: string | undefined,
  min = 0,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min)
    cliFail(command, usage, `--${name} "${value}" must be an integer ≥ ${min}.`);
  return n;
}

/**
 * Runs a command's main function; an error prints `<command>: <message>` on one line and exits
 * with {@link exitCodeOf} (2 for bad input, 1 otherwise).
 */
export function runCommand(command: string, main: () => Promise<void>): void {
  main().catch((e: unknown) => {
    const message = e instanceof Error ? e.message : String(e);
    console.error(`${command}: ${oneLine(message)}`);
    process.exit(exitCodeOf(e));
  });
}
