/** Writing CSV: one field, quoted as RFC 4180 says. (The twin's Kaggle-faithful quoting is src/twin/csv.ts.) */

/**
 * A text field as a CSV field: quoted, with its quotes doubled, when it holds a comma, a quote or
 * a line break; as it is otherwise.
 *
 * @example
 * csvField("a,b"); // '"a,b"'
 * csvField('say "hi"'); // '"say ""hi"""'
 * csvField("plain"); // "plain"
 */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
