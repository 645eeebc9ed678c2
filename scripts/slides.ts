/**
 * Builds the defence deck from the result files of `npm start`: DIR/slides.html (speaker notes
 * included) and DIR/slides.pdf (one 16:9 page per slide).
 *
 *   npm run slides -- [--out DIR]
 *
 * --out: the folder holding the result files (metrics.json, brief-input.json, cleaning.csv, …),
 *   where the deck is written too (default reports/). Missing result files: run npm start first.
 */
import path from "node:path";
import { closeRenderer } from "../src/charts/render.js";
import { writeSlides } from "../src/slides/write.js";
import { parseFlags, runCommand } from "../src/util/cli.js";
import { checkOutputFolder } from "../src/util/outputPath.js";

const USAGE = "Usage: npm run slides -- [--out DIR]";

/**
 * `npm run slides` with its arguments; throws on bad input (see `runCommand`).
 *
 * @example
 * await slidesCommand(["--out", "reports"]);
 */
export async function slidesCommand(
  argv: string[],
  log: (line: string) => void = (line) => console.log(line),
): Promise<void> {
  const args = parseFlags("slides", USAGE, { out: { type: "string", default: "reports" } }, argv);
  const out = checkOutputFolder("--out", args.out);
  const start = performance.now();
  try {
    const result = await writeSlides(out);
    const seconds = ((performance.now() - start) / 1000).toFixed(1);
    log(
      `Wrote ${path.relative(process.cwd(), result.html)} and ${path.relative(process.cwd(), result.pdf)}: ` +
        `${result.deck.slides.length} slides in ${seconds} s`,
    );
  } finally {
    await closeRenderer();
  }
}

runCommand("slides", () => slidesCommand(process.argv.slice(2)), import.meta.url);
