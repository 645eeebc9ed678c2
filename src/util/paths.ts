/** Locates the project's root folder, from the toolbox sources (`src/`) as well as the build (`dist/`). */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

let cachedRoot: string | undefined;

/** Absolute path of the folder holding this project's package.json. */
export function projectRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, "package.json");
    if (existsSync(pkg)) {
      const { name } = JSON.parse(readFileSync(pkg, "utf8")) as { name?: string };
      if (name === "olist-segmentation") return (cachedRoot = dir);
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("Cannot find the olist-segmentation project root");
    dir = parent;
  }
}

/** A path inside the project. */
export function projectPath(...parts: string[]): string {
  return parts.reduce((joined, part) => path.join(joined, part), projectRoot());
}
