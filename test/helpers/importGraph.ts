/**
 * The import graph of src/ for the layer check (test/lint/layers.test.ts): every relative import,
 * re-export and dynamic import of every .ts file (read with TypeScript's own pre-processor, so
 * imports inside comments do not count), the upward imports against a layer order, and the file
 * cycles.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

/** One import: from file to file, both relative to the project with forward slashes. */
export interface ImportEdge {
  from: string;
  to: string;
}

/** Every .ts file below `dir` (relative to `root`, forward slashes), in name order. */
export function sourceFiles(root: string, dir: string): string[] {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length > 0) {
    const d = stack.pop() as string;
    for (const e of readdirSync(path.join(root, d), { withFileTypes: true })) {
      const p = `${d}/${e.name}`;
      if (e.isDirectory()) stack.push(p);
      else if (e.name.endsWith(".ts")) out.push(p);
    }
  }
  return out.sort();
}

/** The relative module specifiers of a source text (imports, re-exports, dynamic imports). */
export function relativeImports(text: string): string[] {
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map((f) => f.fileName)
    .filter((s) => s.startsWith("."));
}

/** The file an ESM specifier names: `./a.js` → `dir/a.ts` (the project imports .ts as .js). */
export function resolveSpecifier(fromFile: string, specifier: string): string {
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), specifier));
  return joined.replace(/\.js$/, ".ts");
}

/** Every relative import edge of the files, read from `root`. */
export function importEdges(root: string, files: readonly string[]): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const from of files) {
    for (const s of relativeImports(readFileSync(path.join(root, from), "utf8")))
      edges.push({ from, to: resolveSpecifier(from, s) });
  }
  return edges;
}

/** The layer of a file: its first folder under `src/` (`src/a/b/c.ts` → `a`); null for `src/x.ts`. */
export function layerOf(file: string): string | null {
  const parts = file.split("/");
  return parts[0] === "src" && parts.length > 2 ? parts[1] : null;
}

/**
 * The violations of a layer order (lowest first): an import from a folder to a folder above it,
 * to a folder not in the order, to the root barrel or out of src/. Imports inside one folder and
 * from the root barrel `src/index.ts` (the top) are free.
 */
export function layerViolations(edges: readonly ImportEdge[], order: readonly string[]): string[] {
  const rank = new Map(order.map((l, i) => [l, i]));
  const out = new Set<string>(); // an unplaced folder is reported once, not once per import
  for (const { from, to } of edges) {
    const a = layerOf(from);
    if (a === null) continue;
    const b = layerOf(to);
    const where = `${from} imports ${to}`;
    if (!to.startsWith("src/")) out.add(`${where}: outside src/`);
    else if (b === null) out.add(`${where}: the root barrel, which is above every layer`);
    else if (!rank.has(a)) out.add(`folder src/${a}/ is not in the layer order`);
    else if (!rank.has(b)) out.add(`folder src/${b}/ is not in the layer order`);
    else if (a !== b && (rank.get(b) as number) > (rank.get(a) as number))
      out.add(`${where}: ${a} may not import ${b}, which is above it`);
  }
  return [...out];
}

/**
 * The import cycles between files: each strongly connected component of more than one file (or a
 * file importing itself), its files in name order. Tarjan's algorithm with an explicit stack.
 */
export function importCycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) {
    if (!next.has(from)) next.set(from, []);
    if (!next.has(to)) next.set(to, []);
    (next.get(from) as string[]).push(to);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;
  for (const start of [...next.keys()].sort()) {
    if (index.has(start)) continue;
    const work: { node: string; i: number }[] = [{ node: start, i: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const targets = next.get(frame.node) as string[];
      if (frame.i < targets.length) {
        const t = targets[frame.i++];
        if (!index.has(t)) {
          index.set(t, counter);
          low.set(t, counter++);
          stack.push(t);
          onStack.add(t);
          work.push({ node: t, i: 0 });
        } else if (onStack.has(t)) {
          low.set(frame.node, Math.min(low.get(frame.node) as number, index.get(t) as number));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent) as number, low.get(frame.node) as number));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let m: string;
        do {
          m = stack.pop() as string;
          onStack.delete(m);
          component.push(m);
        } while (m !== frame.node);
        const selfLoop = targets.includes(frame.node);
        if (component.length > 1 || selfLoop) cycles.push(component.sort());
      }
    }
  }
  return cycles;
}
