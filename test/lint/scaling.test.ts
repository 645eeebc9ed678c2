import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ESLint } from "eslint";

// The project's own eslint.config.js, on snippets linted as if they were src/ files.
const eslint = new ESLint();
const rulesHit = async (code: string): Promise<string[]> => {
  const [result] = await eslint.lintText(code, { filePath: "src/snippet.ts" });
  return result.messages.map((m) => m.ruleId ?? m.message);
};

describe("scaling lint rules (issue 14)", () => {
  test("every way of spreading a collection into a call is an error", async () => {
    const spreads = [
      "export const f = (x: number[]) => Math.max(...x);",
      "export const f = (a: number[], x: number[]) => a.push(...x);",
      "export const f = (x: Uint8Array) => String.fromCharCode(...x);",
      "export const f = (x: number[]) => new Set(...[x]);",
      "export const f = (x: number[]) => Math.min.apply(null, x);",
      "export const f = (x: number[]) => Reflect.apply(Math.max, null, x);",
    ];
    for (const code of spreads)
      assert.deepEqual(await rulesHit(code), ["no-restricted-syntax"], code);
  });

  test("spreads into array and object literals, and plain calls, are allowed", async () => {
    const fine = [
      "export const f = (x: number[]) => [...x, 1];",
      "export const f = (o: object) => ({ ...o, a: 1 });",
      "export const f = (a: number, b: number) => Math.max(a, b);",
      "export const f = (g: (n: number) => number) => g.call(null, 1);",
    ];
    for (const code of fine) assert.deepEqual(await rulesHit(code), [], code);
  });

  test("a function calling itself, directly or from a nested closure, is an error", async () => {
    const recursive = [
      "export function f(n: number): number { return n <= 0 ? 0 : f(n - 1); }",
      "export const g = (n: number): number => (n <= 0 ? 0 : g(n - 1));",
      "export class C { m(n: number): number { return n <= 0 ? 0 : this.m(n - 1); } }",
      "export function h(xs: number[][]): number { return xs.reduce((s, x) => s + h([x]), 0); }",
    ];
    for (const code of recursive)
      assert.deepEqual(await rulesHit(code), ["local/no-recursion"], code);
    assert.deepEqual(
      await rulesHit(
        "export function f(): number { return g(); }\nfunction g(): number { return 1; }",
      ),
      [],
    );
  });
});
