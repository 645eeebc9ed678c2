import { test } from "node:test";
import assert from "node:assert/strict";
import { F64, FunctionBuilder, I32, OP, V128, wasmModule } from "../../src/util/wasmEmitter.js";

const run = (functions: Record<string, FunctionBuilder>, shared = false) => {
  const memory = shared
    ? new WebAssembly.Memory({ initial: 1, maximum: 2, shared: true })
    : new WebAssembly.Memory({ initial: 1 });
  const bytes = wasmModule(functions, shared ? { shared: true, maximumPages: 2 } : {});
  assert.ok(WebAssembly.validate(bytes));
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } });
  return { exports: instance.exports as Record<string, (...a: number[]) => number>, memory };
};

test("scalar functions: locals, constants (LEB128 of large and negative values), loops", () => {
  const add = new FunctionBuilder([I32, I32], [I32]);
  add.get(0).get(1).op(OP.i32Add).i32(-1_000_000).op(OP.i32Add);
  // sum of 0..n-1 in an f64 local, by a loop
  const sum = new FunctionBuilder([I32], [F64]);
  const i = sum.local(I32);
  const acc = sum.local(F64);
  sum.get(0).op(OP.if, [OP.void]).op(OP.loop, [OP.void]);
  sum.get(acc).get(i).op(0xb7).op(OP.f64Add).set(acc); // f64.convert_i32_s
  sum.get(i).i32(1).op(OP.i32Add).tee(i).get(0).op(OP.i32LtS).op(OP.brIf, [0]);
  sum.op(OP.end).op(OP.end).get(acc);
  const { exports } = run({ add, sum });
  assert.equal(exports.add(3, 1_000_004), 7);
  assert.equal(exports.sum(1000), 499_500);
  assert.equal(exports.sum(0), 0);
});

test("SIMD on memory: f64x2 arithmetic lane by lane equals the scalar IEEE operations", () => {
  // out[0..1] = (a − b)² + c at offsets 0, 16, 32 → 48, lane-wise; then a lane stored alone.
  const f = new FunctionBuilder([], []);
  const u = f.local(V128);
  f.i32(48).i32(0).v128Load().i32(16).v128Load().f64x2Sub().tee(u).get(u).f64x2Mul();
  f.i32(32).v128Load().f64x2Add().v128Store();
  f.i32(64).i32(48).v128Load().store64Lane(1);
  const { exports, memory } = run({ f }, true);
  const view = new Float64Array(memory.buffer, 0, 9);
  const [a0, a1, b0, b1, c0, c1] = [0.1, 1e300, 0.3, -1e300, 1 / 3, 2];
  view.set([a0, a1, b0, b1, c0, c1]);
  exports.f();
  assert.deepStrictEqual(Array.from(view.subarray(6, 9)), [
    (a0 - b0) * (a0 - b0) + c0,
    Infinity,
    Infinity,
  ]);
});
