/**
 * A tiny WebAssembly binary emitter: enough of the format (one imported memory, functions of i32,
 * f64 and v128 values, the scalar and SIMD instructions the k-means and silhouette kernels use)
 * to generate small modules at run time from TypeScript, without a toolchain or a committed
 * `.wasm` file.
 * Reference: the WebAssembly core specification 2.0, binary format (sections 5.2–5.5) and the
 * fixed-width SIMD proposal's opcode table.
 */

/** Value types. */
export const I32 = 0x7f;
export const F64 = 0x7c;
export const V128 = 0x7b;
export type ValueType = typeof I32 | typeof F64 | typeof V128;

/** Unsigned LEB128. */
function uleb(value: number): number[] {
  const out: number[] = [];
  let v = value >>> 0;
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

/** Signed LEB128 of a 32-bit integer. */
function sleb(value: number): number[] {
  const out: number[] = [];
  let v = value | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

const utf8 = (s: string): number[] => [...new TextEncoder().encode(s)];
const name = (s: string): number[] => [...uleb(utf8(s).length), ...utf8(s)];
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];

/** SIMD opcodes (after the 0xfd prefix) used here. */
const SIMD = {
  load: 0x00,
  load64Splat: 0x0a,
  store: 0x0b,
  const: 0x0c,
  f64x2Splat: 0x14,
  i32x4ExtractLane: 0x1b,
  f64x2ExtractLane: 0x21,
  f64x2ReplaceLane: 0x22,
  f64x2Lt: 0x49,
  bitselect: 0x52,
  store64Lane: 0x5b,
  f64x2Sqrt: 0xef,
  f64x2Add: 0xf0,
  f64x2Sub: 0xf1,
  f64x2Mul: 0xf2,
} as const;

/**
 * The body of one function, written instruction by instruction (stack machine, as the text
 * format). Locals are numbered after the parameters; {@link FunctionBuilder.local} declares one.
 *
 * @example
 * const f = new FunctionBuilder([I32, I32], [I32]);
 * f.get(0).get(1).op(OP.i32Add);
 */
export class FunctionBuilder {
  readonly code: number[] = [];
  private readonly locals: ValueType[] = [];
  constructor(
    readonly params: ValueType[],
    readonly results: ValueType[],
  ) {}

  /** Declares a local of this type and returns its index. */
  local(type: ValueType): number {
    this.locals.push(type);
    return this.params.length + this.locals.length - 1;
  }
  /** An opcode and its immediate bytes. */
  op(opcode: number, immediates: readonly number[] = []): this {
    this.code.push(opcode);
    for (const byte of immediates) this.code.push(byte);
    return this;
  }
  get(i: number): this {
    return this.op(0x20, uleb(i));
  }
  set(i: number): this {
    return this.op(0x21, uleb(i));
  }
  tee(i: number): this {
    return this.op(0x22, uleb(i));
  }
  i32(value: number): this {
    return this.op(0x41, sleb(value));
  }
  f64(value: number): this {
    const bytes = new Uint8Array(new Float64Array([value]).buffer);
    return this.op(0x44, [...bytes]);
  }
  /** A v128 constant from four i32 lanes. */
  v128I32(a: number, b: number, c: number, d: number): this {
    const bytes = new Uint8Array(new Int32Array([a, b, c, d]).buffer);
    return this.simd(SIMD.const, [...bytes]);
  }
  /** A v128 constant from two f64 lanes. */
  v128F64(a: number, b: number): this {
    const bytes = new Uint8Array(new Float64Array([a, b]).buffer);
    return this.simd(SIMD.const, [...bytes]);
  }
  /** A memory access: `opcode align offset` (align as log2 of bytes). */
  mem(opcode: number, align: number, offset: number): this {
    return this.op(opcode, [align, ...uleb(offset)]);
  }
  i32Load(offset = 0): this {
    return this.mem(0x28, 2, offset);
  }
  i32Store(offset = 0): this {
    return this.mem(0x36, 2, offset);
  }
  f64Load(offset = 0): this {
    return this.mem(0x2b, 3, offset);
  }
  f64Store(offset = 0): this {
    return this.mem(0x39, 3, offset);
  }
  /** A SIMD instruction: 0xfd, the LEB128 opcode, then immediates. */
  simd(opcode: number, immediates: readonly number[] = []): this {
    return this.op(0xfd, [...uleb(opcode), ...immediates]);
  }
  v128Load(offset = 0): this {
    return this.simd(SIMD.load, [3, ...uleb(offset)]);
  }
  v128Store(offset = 0): this {
    return this.simd(SIMD.store, [3, ...uleb(offset)]);
  }
  load64Splat(offset = 0): this {
    return this.simd(SIMD.load64Splat, [3, ...uleb(offset)]);
  }
  store64Lane(lane: number, offset = 0): this {
    return this.simd(SIMD.store64Lane, [3, ...uleb(offset), lane]);
  }
  f64x2Splat(): this {
    return this.simd(SIMD.f64x2Splat);
  }
  f64x2Lane(lane: number): this {
    return this.simd(SIMD.f64x2ExtractLane, [lane]);
  }
  /** `f64x2.replace_lane`: stack `vector scalar` → the vector with `lane` set to the scalar. */
  f64x2ReplaceLane(lane: number): this {
    return this.simd(SIMD.f64x2ReplaceLane, [lane]);
  }
  i32x4Lane(lane: number): this {
    return this.simd(SIMD.i32x4ExtractLane, [lane]);
  }
  f64x2Add(): this {
    return this.simd(SIMD.f64x2Add);
  }
  f64x2Sub(): this {
    return this.simd(SIMD.f64x2Sub);
  }
  f64x2Mul(): this {
    return this.simd(SIMD.f64x2Mul);
  }
  f64x2Lt(): this {
    return this.simd(SIMD.f64x2Lt);
  }
  f64x2Sqrt(): this {
    return this.simd(SIMD.f64x2Sqrt);
  }
  /** `v128.bitselect`: stack `a b mask` → lanes of `a` where the mask bits are set, else `b`. */
  bitselect(): this {
    return this.simd(SIMD.bitselect);
  }
  /** `select`: stack `a b cond` → `cond ? a : b`. */
  select(): this {
    return this.op(0x1b);
  }

  /** The code-section entry: size, local declarations, body, `end`. */
  encode(): number[] {
    const groups: number[][] = [];
    for (const type of this.locals) {
      const last = groups[groups.length - 1];
      if (last && last[1] === type) last[0]++;
      else groups.push([1, type]);
    }
    const body = [
      ...vec(groups.map(([count, type]) => [...uleb(count), type])),
      ...this.code,
      0x0b,
    ];
    return [...uleb(body.length), ...body];
  }
}

/** Opcodes of the scalar instructions used by the kernels. */
export const OP = {
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  else: 0x05,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  return: 0x0f,
  void: 0x40,
  i32Eqz: 0x45,
  i32Eq: 0x46,
  i32Ne: 0x47,
  i32LtS: 0x48,
  i32LtU: 0x49,
  i32GtS: 0x4a,
  i32GeS: 0x4e,
  f64Eq: 0x61,
  f64Lt: 0x63,
  f64Gt: 0x64,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32Mul: 0x6c,
  f64Sqrt: 0x9f,
  f64Add: 0xa0,
  f64Sub: 0xa1,
  f64Mul: 0xa2,
} as const;

/**
 * A module importing one memory as `env.memory` (shared, with a maximum, when asked: a shared
 * memory grows without detaching its buffer) and exporting the given functions by name.
 *
 * @example
 * const bytes = wasmModule({ add: f });
 * const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } });
 */
export function wasmModule(
  functions: Record<string, FunctionBuilder>,
  memory: { shared?: boolean; maximumPages?: number } = {},
): Uint8Array<ArrayBuffer> {
  const entries = Object.entries(functions);
  const types = vec(
    entries.map(([, f]) => [
      0x60,
      ...vec(f.params.map((t) => [t])),
      ...vec(f.results.map((t) => [t])),
    ]),
  );
  // Memory limits: flags (bit 0: a maximum follows, bit 1: shared), minimum 0 pages, maximum.
  const { shared = false, maximumPages } = memory;
  const limits =
    maximumPages === undefined
      ? [shared ? 0x02 : 0x00, 0x00]
      : [shared ? 0x03 : 0x01, 0x00, ...uleb(maximumPages)];
  const imports = vec([[...name("env"), ...name("memory"), 0x02, ...limits]]);
  const funcs = vec(entries.map((_, i) => uleb(i)));
  const exports = vec(entries.map(([key], i) => [...name(key), 0x00, ...uleb(i)]));
  const code = vec(entries.map(([, f]) => f.encode()));
  return new Uint8Array([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...section(1, types),
    ...section(2, imports),
    ...section(3, funcs),
    ...section(7, exports),
    ...section(10, code),
  ]);
}
