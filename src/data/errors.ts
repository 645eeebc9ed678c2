/**
 * The error raised for bad input data. Its message always names the file and, where it applies, the
 * line, the column and the value, and says what to do.
 */
export class OlistDataError extends Error {
  constructor(
    message: string,
    /** File the problem is in, when there is one. */
    readonly file?: string,
  ) {
    super(message);
    this.name = "OlistDataError";
  }
}
