/**
 * The WebAssembly code of the silhouette's pair kernel (`silhouetteWasm.ts`), generated per column
 * count `d` with the emitter of `util/wasmEmitter.ts`: the JavaScript kernel of
 * `silhouetteKernel.ts` instruction for instruction, with the four rows of a register block held
 * as two f64x2 vectors per coordinate, rows (i, i + 1) and (i + 2, i + 3), so that one
 * `f64x2.sqrt` takes two of the four square roots per row j (the loop is sqrt-throughput bound).
 *
 * Bit-identity with the JavaScript kernel: f64x2.sub/mul/add/sqrt are IEEE binary64 operations,
 * correctly rounded and never fused, so each lane equals the scalar value when the operations come
 * in the same order: the squared distance summed over the columns left to right from the first
 * term (as `a*a + b*b + c*c` parses), `acc_b += d_b` in j order, the row-j sum updated with
 * `sums + (((d0 + d1) + d2) + d3)` (JavaScript's `+=` of a left-to-right sum), the six in-block
 * pairs and the tail rows (one at a time) in the JavaScript kernel's order, with scalar code.
 *
 * Memory arguments are byte offsets into the one imported memory (the arena's, `wasmArena.ts`):
 * `pairs(data, n, codes, starts, m, from, to, sums)` with `m` clusters, as the JavaScript kernel.
 */
import { ARENA_MEMORY } from "../cluster/wasmArena.js";
import { F64, FunctionBuilder, I32, OP, V128, wasmModule } from "../util/wasmEmitter.js";

/** Rows per register block (as in the JavaScript kernel): two f64x2 vectors. */
const BLOCK = 4;

/**
 * The pair kernel for `d` columns (1 ≤ d; the caller keeps d within the JavaScript kernel's blocked
 * range, whose order this code reproduces).
 *
 * @example
 * const bytes = silhouettePairModule(4); // then instantiate with { env: { memory } }
 */
export function silhouettePairModule(d: number): Uint8Array<ArrayBuffer> {
  const f = new FunctionBuilder([I32, I32, I32, I32, I32, I32, I32, I32], []);
  const [data, n, codes, starts, m, from, to, sums] = [0, 1, 2, 3, 4, 5, 6, 7];
  const rowBytes = 8 * d;
  const i = f.local(I32);
  const li = f.local(I32);
  const ownBase = f.local(I32); // byte address of sums[li * n]
  const blockEnd = f.local(I32);
  const xPtr = f.local(I32); // byte address of row i
  const rowS = f.local(I32); // byte address of sums[li * n + i]
  const c = f.local(I32);
  const start = f.local(I32);
  const end = f.local(I32);
  const yPtr = f.local(I32);
  const yEnd = f.local(I32);
  const sPtr = f.local(I32);
  const cRow = f.local(I32);
  const X01 = Array.from({ length: d }, () => f.local(V128));
  const X23 = Array.from({ length: d }, () => f.local(V128));
  const Y = Array.from({ length: d }, () => f.local(V128));
  const u = f.local(V128);
  const s01 = f.local(V128);
  const s23 = f.local(V128);
  const acc01 = f.local(V128);
  const acc23 = f.local(V128);
  const xs = Array.from({ length: d }, () => f.local(F64));
  const us = f.local(F64);
  const dist = f.local(F64);
  const acc = f.local(F64);

  /** `local = base + index * stride` (i32). */
  const address = (local: number, base: number, index: number, stride: number) =>
    f.get(index).i32(stride).op(OP.i32Mul).get(base).op(OP.i32Add).set(local);
  /** The f64 at byte address `ptr + offset` += the value that `push` leaves on the stack. */
  const addTo = (ptr: number, offset: number, push: () => void) => {
    f.get(ptr).get(ptr).f64Load(offset);
    push();
    f.op(OP.f64Add).f64Store(offset);
  };
  /**
   * `start = c === li ? i + skip : starts[c]; end = starts[c + 1]`, then, when start < end, the
   * loop over rows j in [start, end) with `yPtr` at row j and `sPtr` at sums[li * n + j].
   */
  const clusterRows = (skip: number, body: () => void) => {
    f.get(i).i32(skip).op(OP.i32Add);
    f.get(starts).get(c).i32(4).op(OP.i32Mul).op(OP.i32Add).i32Load();
    f.get(c).get(li).op(OP.i32Eq).select().set(start);
    f.get(starts).get(c).i32(4).op(OP.i32Mul).op(OP.i32Add).i32Load(4).set(end);
    f.get(start).get(end).op(OP.i32LtS).op(OP.if, [OP.void]);
    address(yPtr, data, start, rowBytes);
    address(yEnd, data, end, rowBytes);
    address(sPtr, ownBase, start, 8);
    f.op(OP.loop, [OP.void]);
    body();
    f.get(yPtr).i32(rowBytes).op(OP.i32Add).set(yPtr);
    f.get(sPtr).i32(8).op(OP.i32Add).set(sPtr);
    f.get(yPtr).get(yEnd).op(OP.i32LtU).op(OP.brIf, [0]);
    f.op(OP.end).op(OP.end);
  };
  /** `for (c = li; c < m; c++) { body }` (li < m: the body runs at least once). */
  const clusterLoop = (body: () => void) => {
    f.get(li).set(c);
    f.op(OP.loop, [OP.void]);
    body();
    f.get(c).i32(1).op(OP.i32Add).tee(c).get(m).op(OP.i32LtS).op(OP.brIf, [0]);
    f.op(OP.end);
  };
  /** `cRow` = byte address of sums[c * n + i]. */
  const setCRow = () => {
    f.get(c).get(n).op(OP.i32Mul).get(i).op(OP.i32Add).i32(8).op(OP.i32Mul);
    f.get(sums).op(OP.i32Add).set(cRow);
  };

  f.get(from).set(i);
  f.op(OP.block, [OP.void]);
  f.op(OP.loop, [OP.void]);
  f.get(i).get(to).op(OP.i32GeS).op(OP.brIf, [1]);
  f.get(codes).get(i).i32(4).op(OP.i32Mul).op(OP.i32Add).i32Load().set(li);
  f.get(li).get(n).op(OP.i32Mul).i32(8).op(OP.i32Mul).get(sums).op(OP.i32Add).set(ownBase);
  // blockEnd = to < starts[li + 1] ? to : starts[li + 1]
  f.get(starts).get(li).i32(4).op(OP.i32Mul).op(OP.i32Add).i32Load(4).set(blockEnd);
  f.get(to).get(blockEnd).get(to).get(blockEnd).op(OP.i32LtS).select().set(blockEnd);
  address(xPtr, data, i, rowBytes);
  address(rowS, ownBase, i, 8);
  // if (i + 4 <= blockEnd): a register block of four rows
  f.get(i).i32(BLOCK).op(OP.i32Add).get(blockEnd).op(OP.i32GtS).op(OP.i32Eqz);
  f.op(OP.if, [OP.void]);
  {
    for (let t = 0; t < d; t++) {
      f.get(xPtr).load64Splat(t * 8);
      f.get(xPtr)
        .f64Load((d + t) * 8)
        .f64x2ReplaceLane(1)
        .set(X01[t]);
      f.get(xPtr).load64Splat((2 * d + t) * 8);
      f.get(xPtr)
        .f64Load((3 * d + t) * 8)
        .f64x2ReplaceLane(1)
        .set(X23[t]);
    }
    // The in-block pairs (a, b), a < b, in the JavaScript order, scalar.
    for (let a = 0; a < BLOCK; a++) {
      for (let b = a + 1; b < BLOCK; b++) {
        for (let t = 0; t < d; t++) {
          f.get(xPtr)
            .f64Load((a * d + t) * 8)
            .get(xPtr)
            .f64Load((b * d + t) * 8);
          f.op(OP.f64Sub).tee(us).get(us).op(OP.f64Mul);
          if (t > 0) f.op(OP.f64Add);
        }
        f.op(OP.f64Sqrt).set(dist);
        addTo(rowS, a * 8, () => f.get(dist));
        addTo(rowS, b * 8, () => f.get(dist));
      }
    }
    clusterLoop(() => {
      f.v128F64(0, 0).tee(acc01).set(acc23);
      clusterRows(BLOCK, () => {
        for (let t = 0; t < d; t++)
          f.get(yPtr)
            .load64Splat(t * 8)
            .set(Y[t]);
        for (const [X, s, accumulator] of [
          [X01, s01, acc01],
          [X23, s23, acc23],
        ] as const) {
          X.forEach((x, t) => {
            f.get(x).get(Y[t]).f64x2Sub().tee(u).get(u).f64x2Mul();
            if (t > 0) f.f64x2Add();
          });
          f.f64x2Sqrt().tee(s);
          f.get(accumulator).f64x2Add().set(accumulator);
        }
        // sums[own + j] += d0 + d1 + d2 + d3, i.e. old + (((d0 + d1) + d2) + d3)
        addTo(sPtr, 0, () => {
          f.get(s01).f64x2Lane(0).get(s01).f64x2Lane(1).op(OP.f64Add);
          f.get(s23).f64x2Lane(0).op(OP.f64Add);
          f.get(s23).f64x2Lane(1).op(OP.f64Add);
        });
      });
      setCRow();
      addTo(cRow, 0, () => f.get(acc01).f64x2Lane(0));
      addTo(cRow, 8, () => f.get(acc01).f64x2Lane(1));
      addTo(cRow, 16, () => f.get(acc23).f64x2Lane(0));
      addTo(cRow, 24, () => f.get(acc23).f64x2Lane(1));
    });
    f.get(i).i32(BLOCK).op(OP.i32Add).set(i);
  }
  f.op(OP.else);
  {
    // The last rows of a cluster (or of the chunk) that do not fill a block: one at a time.
    for (let t = 0; t < d; t++)
      f.get(xPtr)
        .f64Load(t * 8)
        .set(xs[t]);
    clusterLoop(() => {
      f.f64(0).set(acc);
      clusterRows(1, () => {
        for (let t = 0; t < d; t++) {
          f.get(xs[t])
            .get(yPtr)
            .f64Load(t * 8)
            .op(OP.f64Sub)
            .tee(us)
            .get(us)
            .op(OP.f64Mul);
          if (t > 0) f.op(OP.f64Add);
        }
        f.op(OP.f64Sqrt).set(dist);
        f.get(acc).get(dist).op(OP.f64Add).set(acc);
        addTo(sPtr, 0, () => f.get(dist));
      });
      setCRow();
      addTo(cRow, 0, () => f.get(acc));
    });
    f.get(i).i32(1).op(OP.i32Add).set(i);
  }
  f.op(OP.end);
  f.op(OP.br, [0]);
  f.op(OP.end).op(OP.end);
  return wasmModule({ pairs: f }, ARENA_MEMORY);
}
