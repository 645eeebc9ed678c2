/**
 * The WebAssembly code of the SIMD k-means kernels (`wasmKernels.ts`), generated per column count
 * `d` and centre count `k` (or number of k-means++ trials) with the emitter of
 * `util/wasmEmitter.ts`.
 *
 * Bit-identity with the JavaScript kernels (`kmeansKernels.ts`, `candidateBatch.ts`): the SIMD
 * runs across centres, not coordinates. Each f64x2 lane holds one centre (centres 2p and 2p + 1 in
 * pair p) and sums `u0*u0 + u1*u1 + …` left to right exactly as the JavaScript does; wasm's
 * f64x2.sub/mul/add are IEEE binary64 operations without fusion, so each lane equals the scalar
 * result. The nearest centre is kept per lane with a strict `<` (lowest index of that lane's
 * minimum), and the two lanes are merged to the lowest index of the overall minimum, which is what
 * the scalar scan in centre order with `s < best` gives; the second-nearest distance is the second
 * smallest value of the multiset, merged likewise. A missing centre of an odd k is a lane at
 * +∞ coordinates (squared distance +∞ to every finite row), which never wins a strict `<`. The
 * centre sums and counts are added row by row in row order, as in JavaScript.
 *
 * Memory arguments are byte offsets into the one imported memory. The centres come in the pair
 * layout `pairs[(p·d + t)·2 + lane]` (16-byte aligned); Hamerly's step also reads them row-major.
 */
import { ARENA_MEMORY } from "./wasmArena.js";
import { F64, FunctionBuilder, I32, OP, V128, wasmModule } from "../util/wasmEmitter.js";

/** The memory the modules import: the arena's (shared, so that it grows without detaching). */
const MEMORY = ARENA_MEMORY;

/** Loads the centre pairs into v128 locals: `C[p][t]` = (c_{2p,t}, c_{2p+1,t}). */
function loadPairs(f: FunctionBuilder, pairs: number, d: number, count: number): number[][] {
  const C: number[][] = [];
  for (let p = 0; p < count; p++) {
    const row: number[] = [];
    for (let t = 0; t < d; t++) {
      const local = f.local(V128);
      f.get(pairs)
        .v128Load((p * d + t) * 16)
        .set(local);
      row.push(local);
    }
    C.push(row);
  }
  return C;
}

/** Pushes the lane-wise squared distances of the row (splatted coordinates `X`) to pair `Cp`. */
function pairDistance(f: FunctionBuilder, X: number[], Cp: number[], u: number): void {
  Cp.forEach((c, t) => {
    f.get(X[t]).get(c).f64x2Sub().tee(u).get(u).f64x2Mul();
    if (t > 0) f.f64x2Add();
  });
}

/** Locals of the nearest-centre scan. */
interface Scan {
  bestC: number;
  best: number;
  second: number;
}

/**
 * Emits the scan of one row (splatted coordinates in `X`) over all centre pairs: sets `bestC` to
 * the nearest centre (lowest index on ties) and, `withSecond`, `best` and `second` to the smallest
 * and second smallest squared distances.
 */
function emitScan(f: FunctionBuilder, X: number[], C: number[][], withSecond: boolean): Scan {
  const u = f.local(V128);
  const s = f.local(V128);
  const vBest = f.local(V128);
  const vSecond = withSecond ? f.local(V128) : -1;
  const idx = f.local(V128);
  const mask = f.local(V128);
  const b0 = f.local(F64);
  const b1 = f.local(F64);
  const i0 = f.local(I32);
  const i1 = f.local(I32);
  const bestC = f.local(I32);
  const best = withSecond ? f.local(F64) : -1;
  const second = withSecond ? f.local(F64) : -1;
  C.forEach((Cp, p) => {
    pairDistance(f, X, Cp, u);
    if (p === 0) {
      f.set(vBest).v128I32(0, 0, 1, 0).set(idx);
      if (withSecond) f.v128F64(Infinity, Infinity).set(vSecond);
      return;
    }
    f.tee(s).get(vBest).f64x2Lt().set(mask);
    if (withSecond) {
      // second = s < best ? best : (s < second ? s : second)
      f.get(vBest);
      f.get(s).get(vSecond).get(s).get(vSecond).f64x2Lt().bitselect();
      f.get(mask).bitselect().set(vSecond);
    }
    f.get(s).get(vBest).get(mask).bitselect().set(vBest);
    f.v128I32(2 * p, 0, 2 * p + 1, 0)
      .get(idx)
      .get(mask)
      .bitselect()
      .set(idx);
  });
  f.get(vBest).f64x2Lane(0).set(b0).get(vBest).f64x2Lane(1).set(b1);
  f.get(idx).i32x4Lane(0).set(i0).get(idx).i32x4Lane(2).set(i1);
  // bestC = b1 < b0 ? i1 : b0 < b1 ? i0 : min(i0, i1)
  f.get(i1);
  f.get(i0).get(i0).get(i1).get(i0).get(i1).op(OP.i32LtS).select();
  f.get(b0).get(b1).op(OP.f64Lt).select();
  f.get(b1).get(b0).op(OP.f64Lt).select().set(bestC);
  if (withSecond) {
    // best = min(b0, b1); second = min(max(b0, b1), min(second0, second1)), all exact.
    f.get(b1).get(b0).get(b1).get(b0).op(OP.f64Lt).select().set(best);
    const hi = f.local(F64);
    const lo = f.local(F64);
    f.get(b1).get(b0).get(b0).get(b1).op(OP.f64Lt).select().set(hi);
    f.get(vSecond).f64x2Lane(0).set(lo);
    f.get(vSecond).f64x2Lane(1).get(lo).get(vSecond).f64x2Lane(1).get(lo).op(OP.f64Lt).select();
    f.set(lo);
    f.get(lo).get(hi).get(lo).get(hi).op(OP.f64Lt).select().set(second);
  }
  return { bestC, best, second };
}

/** `changes += labels[i] !== bestC; labels[i] = bestC` (label address in `at`). */
function emitRelabel(f: FunctionBuilder, at: number, bestC: number, changes: number): void {
  f.get(changes).get(at).i32Load().get(bestC).op(OP.i32Ne).op(OP.i32Add).set(changes);
  f.get(at).get(bestC).i32Store();
}

/** `counts[bestC] += 1; sums[bestC] += row` (row at byte offset `row`). */
function emitAccumulate(
  f: FunctionBuilder,
  d: number,
  row: number,
  bestC: number,
  sums: number,
  counts: number,
): void {
  const at = f.local(I32);
  f.get(counts).get(bestC).i32(8).op(OP.i32Mul).op(OP.i32Add).tee(at);
  f.get(at).f64Load().f64(1).op(OP.f64Add).f64Store();
  f.get(sums)
    .get(bestC)
    .i32(8 * d)
    .op(OP.i32Mul)
    .op(OP.i32Add)
    .set(at);
  for (let t = 0; t + 1 < d; t += 2) {
    f.get(at)
      .get(at)
      .v128Load(t * 8)
      .get(row)
      .v128Load(t * 8)
      .f64x2Add()
      .v128Store(t * 8);
  }
  if (d % 2) {
    const o = (d - 1) * 8;
    f.get(at).get(at).f64Load(o).get(row).f64Load(o).op(OP.f64Add).f64Store(o);
  }
}

/** The splatted coordinates of the row at byte offset `row`, in fresh v128 locals. */
function loadRow(f: FunctionBuilder, d: number, row: number, X?: number[]): number[] {
  const locals = X ?? Array.from({ length: d }, () => f.local(V128));
  locals.forEach((x, t) =>
    f
      .get(row)
      .load64Splat(t * 8)
      .set(x),
  );
  return locals;
}

/**
 * `for (i = 0; i < n; i++) { body; row += 8d; label += 4 }` (nothing when n = 0); the pointers
 * named in `steps` advance by their stride each row.
 */
function emitRowLoop(
  f: FunctionBuilder,
  n: number,
  steps: [local: number, stride: number][],
  body: () => void,
): void {
  const i = f.local(I32);
  f.get(n).op(OP.if, [OP.void]);
  f.i32(0).set(i);
  f.op(OP.loop, [OP.void]);
  body();
  for (const [local, stride] of steps) f.get(local).i32(stride).op(OP.i32Add).set(local);
  f.get(i).i32(1).op(OP.i32Add).tee(i).get(n).op(OP.i32LtU).op(OP.brIf, [0]);
  f.op(OP.end).op(OP.end);
}

/** Number of f64x2 lane pairs for `count` centres or candidates. */
export const pairCount = (count: number): number => Math.ceil(count / 2);

/**
 * The assignment kernels for `d` columns and `k` centres: `assignPlainSums(data, n, pairs, labels,
 * sums, counts)`, `assignFull(data, n, pairs, labels, upper, lower, sums, counts)` and
 * `assignHamerly(data, n, pairs, centers, labels, upper, lower, halfGap, moved, maxMove, sums,
 * counts)`, each returning the number of changed labels (see `KMeansKernels`).
 *
 * @example
 * const bytes = assignModule(6, 6); // then instantiate with { env: { memory } }
 */
export function assignModule(d: number, k: number): Uint8Array<ArrayBuffer> {
  const P = pairCount(k);

  const plain = new FunctionBuilder([I32, I32, I32, I32, I32, I32], [I32]);
  {
    const [data, n, pairs, labels, sums, counts] = [0, 1, 2, 3, 4, 5];
    const f = plain;
    const C = loadPairs(f, pairs, d, P);
    const changes = f.local(I32);
    const X = Array.from({ length: d }, () => f.local(V128));
    emitRowLoop(
      f,
      n,
      [
        [data, 8 * d],
        [labels, 4],
      ],
      () => {
        loadRow(f, d, data, X);
        const { bestC } = emitScan(f, X, C, false);
        emitRelabel(f, labels, bestC, changes);
        emitAccumulate(f, d, data, bestC, sums, counts);
      },
    );
    f.get(changes);
  }

  const full = new FunctionBuilder([I32, I32, I32, I32, I32, I32, I32, I32], [I32]);
  {
    const [data, n, pairs, labels, upper, lower, sums, counts] = [0, 1, 2, 3, 4, 5, 6, 7];
    const f = full;
    const C = loadPairs(f, pairs, d, P);
    const changes = f.local(I32);
    const X = Array.from({ length: d }, () => f.local(V128));
    emitRowLoop(
      f,
      n,
      [
        [data, 8 * d],
        [labels, 4],
        [upper, 8],
        [lower, 8],
      ],
      () => {
        loadRow(f, d, data, X);
        const { bestC, best, second } = emitScan(f, X, C, true);
        emitRelabel(f, labels, bestC, changes);
        f.get(upper).get(best).op(OP.f64Sqrt).f64Store();
        f.get(lower).get(second).op(OP.f64Sqrt).f64Store();
        emitAccumulate(f, d, data, bestC, sums, counts);
      },
    );
    f.get(changes);
  }

  const hamerly = new FunctionBuilder(
    [I32, I32, I32, I32, I32, I32, I32, I32, I32, F64, I32, I32],
    [I32],
  );
  {
    const [data, n, pairs, centers, labels, upper, lower, halfGap, moved, maxMove, sums, counts] = [
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
    ];
    const f = hamerly;
    const C = loadPairs(f, pairs, d, P);
    const changes = f.local(I32);
    const X = Array.from({ length: d }, () => f.local(V128));
    const a = f.local(I32);
    const up = f.local(F64);
    const lo = f.local(F64);
    const gap = f.local(F64);
    const bound = f.local(F64);
    const bestC = f.local(I32);
    const oa = f.local(I32);
    const u = f.local(F64);
    emitRowLoop(
      f,
      n,
      [
        [data, 8 * d],
        [labels, 4],
        [upper, 8],
        [lower, 8],
      ],
      () => {
        f.get(labels).i32Load().set(a);
        // up = upper[i] + moved[a]; lo = lower[i] - maxMove; lower[i] = lo
        f.get(upper).f64Load().get(moved).get(a).i32(8).op(OP.i32Mul).op(OP.i32Add).f64Load();
        f.op(OP.f64Add).set(up);
        f.get(lower).get(lower).f64Load().get(maxMove).op(OP.f64Sub).tee(lo).f64Store();
        // bound = gap > lo ? gap : lo
        f.get(halfGap).get(a).i32(8).op(OP.i32Mul).op(OP.i32Add).f64Load().set(gap);
        f.get(gap).get(lo).get(gap).get(lo).op(OP.f64Gt).select().set(bound);
        f.get(a).set(bestC);
        f.get(up).get(bound).op(OP.f64Gt).op(OP.if, [OP.void]);
        {
          // up = sqrt(‖x − c_a‖²), summed left to right as the JavaScript
          f.get(centers)
            .get(a)
            .i32(8 * d)
            .op(OP.i32Mul)
            .op(OP.i32Add)
            .set(oa);
          for (let t = 0; t < d; t++) {
            f.get(data)
              .f64Load(t * 8)
              .get(oa)
              .f64Load(t * 8)
              .op(OP.f64Sub)
              .tee(u)
              .get(u)
              .op(OP.f64Mul);
            if (t > 0) f.op(OP.f64Add);
          }
          f.op(OP.f64Sqrt).set(up);
          f.get(up).get(bound).op(OP.f64Gt).op(OP.if, [OP.void]);
          {
            loadRow(f, d, data, X);
            const scan = emitScan(f, X, C, true);
            f.get(scan.bestC).set(bestC);
            emitRelabel(f, labels, bestC, changes);
            f.get(scan.best).op(OP.f64Sqrt).set(up);
            f.get(lower).get(scan.second).op(OP.f64Sqrt).f64Store();
          }
          f.op(OP.end);
        }
        f.op(OP.end);
        f.get(upper).get(up).f64Store();
        emitAccumulate(f, d, data, bestC, sums, counts);
      },
    );
    f.get(changes);
  }

  return wasmModule({ assignPlainSums: plain, assignFull: full, assignHamerly: hamerly }, MEMORY);
}

/**
 * The batched k-means++ candidate pass for `d` columns and `trials` candidates:
 * `candidateBatch(data, n, pairs, closest, outTable, pots)` with the candidates' rows in the pair
 * layout and the byte offsets of the `trials` output arrays as i32s at `outTable` (see
 * `CandidateBatch` in candidateBatch.ts).
 *
 * @example
 * const bytes = candidateModule(6, 3);
 */
export function candidateModule(d: number, trials: number): Uint8Array<ArrayBuffer> {
  const P = pairCount(trials);
  const f = new FunctionBuilder([I32, I32, I32, I32, I32, I32], []);
  const [data, n, pairs, closest, outTable, pots] = [0, 1, 2, 3, 4, 5];
  const outs = Array.from({ length: trials }, (_, t) => {
    const out = f.local(I32);
    f.get(outTable)
      .i32Load(4 * t)
      .set(out);
    return out;
  });
  const Y = loadPairs(f, pairs, d, P);
  const X = Array.from({ length: d }, () => f.local(V128));
  const pot = Array.from({ length: P }, () => f.local(V128));
  const c = f.local(V128);
  const s = f.local(V128);
  const u = f.local(V128);
  const o8 = f.local(I32);
  for (const p of pot) f.v128F64(0, 0).set(p);
  f.i32(0).set(o8);
  emitRowLoop(
    f,
    n,
    [
      [data, 8 * d],
      [closest, 8],
      [o8, 8],
    ],
    () => {
      loadRow(f, d, data, X);
      f.get(closest).load64Splat().set(c);
      Y.forEach((Yp, p) => {
        pairDistance(f, X, Yp, u);
        // m = s < c ? s : c
        f.tee(s).get(c).get(s).get(c).f64x2Lt().bitselect().tee(s);
        f.get(pot[p]).f64x2Add().set(pot[p]); // pot + m, as pot += m
        for (let lane = 0; lane < 2 && 2 * p + lane < trials; lane++) {
          f.get(outs[2 * p + lane])
            .get(o8)
            .op(OP.i32Add)
            .get(s)
            .store64Lane(lane);
        }
      });
    },
  );
  for (let t = 0; t < trials; t++) {
    f.get(pots)
      .get(pot[t >> 1])
      .f64x2Lane(t & 1)
      .f64Store(t * 8);
  }
  return wasmModule({ candidateBatch: f }, MEMORY);
}
