/**
 * The error raised for bad input data. Its message always names the file and, where it applies, the
 * line, the column and the value, and says what to do. It is a {@link UsageError}: commands exit
 * with code 2 on it.
 */
import { UsageError } from "../util/errors.js";

export class OlistDataError extends UsageError {
  constructor(
    message: string,
    /** File the problem is in, when there is one. */
    readonly file?: string,
  ) {
    super(message);
    this.name = "OlistDataError";
  }
}
