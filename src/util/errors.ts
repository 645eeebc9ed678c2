/**
 * Bad input from the user — a flag, a date outside the data, a data or model file that cannot be
 * used, an output folder that cannot be written: something they can fix. Commands exit with code 2
 * on it (see `runCommand` in `cli.ts`); its message says what to do.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** Why a file system call failed, in words (`permission denied`, `not found`, …), from its errno code. */
export function fsReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ENOENT":
      return "not found";
    case "EISDIR":
      return "it is a folder, not a file";
    case "ENOTDIR":
      return "a parent is a file, not a folder";
    case "EROFS":
      return "read-only file system";
    case "ENOSPC":
      return "no space left on the device";
    case "EMFILE":
    case "ENFILE":
      return "too many open files";
    default:
      return code ?? ((error as Error | undefined)?.message ?? String(error)).split("\n")[0];
  }
}

/**
 * The one-line message of a file that could not be read: "cannot read <what> (permission denied);
 * <fix>".
 *
 * @example
 * cannotRead("model.json", err, "make it readable (chmod a+r)"); // "cannot read model.json (permission denied); make it readable (chmod a+r)"
 */
export function cannotRead(what: string, error: unknown, fix: string): string {
  const reason = fsReason(error);
  const advice =
    reason === "permission denied" ? "make it readable (chmod a+r) or copy it elsewhere" : fix;
  return `cannot read ${what} (${reason}); ${advice}`;
}
