/**
 * Bad input from the user — a flag, a date outside the data, a model file that does not fit the
 * data: something they can fix. Commands exit with code 2 on it (see `runCommand` in `cli.ts`);
 * its message says what to do.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
