/** A small RFC 4180 CSV reader for the result files the deck reads (quoted fields, doubled quotes). */

/**
 * The fields of one CSV line.
 *
 * @example
 * csvFields('a,"b, c",""""'); // ["a", "b, c", '"']
 */
export function csvFields(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = "";
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) throw new Error(`Unclosed quote in CSV line: ${line.slice(0, 60)}`);
        value += line.slice(i, q);
        if (line[q + 1] === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      out.push(value);
    } else {
      const c = line.indexOf(",", i);
      out.push(line.slice(i, c < 0 ? line.length : c));
      i = c < 0 ? line.length : c;
    }
    if (line[i] !== ",") return out;
    i++;
  }
}

/**
 * Header and rows of a CSV text (lines of quoted fields never hold line breaks in our files).
 *
 * @example
 * csvTable("a,b\n1,2\n"); // { header: ["a", "b"], rows: [["1", "2"]] }
 */
export function csvTable(text: string): { header: string[]; rows: string[][] } {
  const lines = text.split(/\r?\n/).filter((l) => l !== "");
  if (lines.length === 0) return { header: [], rows: [] };
  return { header: csvFields(lines[0]), rows: lines.slice(1).map(csvFields) };
}
