/**
 * The WebAssembly memory of the SIMD kernels (k-means here, the silhouette's pair kernel in
 * `metrics/silhouetteWasm.ts`), one per thread (each worker thread has its own module instances),
 * carved into named slots like the scratch buffers of `scratch.ts`.
 *
 * The memory is shared (a `SharedArrayBuffer`), only so that growing it never detaches a buffer:
 * views taken before a growth stay valid, and no thread trips V8's "array buffer detaching
 * protector" (which slows every typed-array loop of the thread, see `util/workerPool.ts`). It is
 * never handed to another thread. A slot asked for more than it holds moves to fresh memory at
 * the top; {@link arenaReset} (at the start of a fit, when the rows are copied in) frees every
 * slot, so the memory in use is one fit's, and the memory itself (which wasm cannot shrink)
 * settles at the largest fit's size. Without the reset, the maintenance study (47 dates, growing
 * row counts) left ~200 MB of moved slots behind.
 */

/** Wasm pages of 64 KiB. */
const PAGE = 65_536;
/** The memory's maximum (2 GiB): larger inputs use the JavaScript kernels. */
export const ARENA_MAX_PAGES = 32_768;
/** The memory type the generated modules import (`wasmModule`'s option): the arena's. */
export const ARENA_MEMORY = { shared: true, maximumPages: ARENA_MAX_PAGES } as const;

let memory: WebAssembly.Memory | undefined;
/** Every `SharedArrayBuffer` the memory has had (one per size), to recognise its views. */
const buffers = new WeakSet<ArrayBufferLike>();
const slots = new Map<string, { offset: number; bytes: number }>();
let top = 0;

/** The thread's memory (created on first use). */
export function arenaMemory(): WebAssembly.Memory {
  memory ??= new WebAssembly.Memory({ initial: 1, maximum: ARENA_MAX_PAGES, shared: true });
  return memory;
}

/** The current buffer of the memory (recorded as one of its buffers). */
function currentBuffer(): ArrayBufferLike {
  const buffer = arenaMemory().buffer;
  buffers.add(buffer);
  return buffer;
}

/** Whether `array` lies in the arena's memory (so the kernels read it in place). */
export function inArena(array: Float64Array | Int32Array): boolean {
  return buffers.has(array.buffer);
}

/** Whether `bytes` more bytes fit under the maximum. */
export function arenaFits(bytes: number): boolean {
  return top + bytes + 16 <= ARENA_MAX_PAGES * PAGE;
}

/**
 * Frees every slot: all views of the memory taken before become invalid (their memory is handed
 * out again). Only for the start of a fit, when no view of an earlier one may be alive (scratch
 * memory never escapes a fit, see `scratch.ts`).
 */
export function arenaReset(): void {
  slots.clear();
  top = 0;
}

/** Bytes handed out since the last {@link arenaReset} (for tests). */
export function arenaBytesInUse(): number {
  return top;
}

/**
 * The byte offset of the slot's memory, at least `bytes` long and 16-byte aligned: the same
 * memory on every call with this slot on this thread unless it has to grow. Contents arbitrary.
 */
export function arenaSlot(slot: string, bytes: number): number {
  const known = slots.get(slot);
  if (known && known.bytes >= bytes) return known.offset;
  const offset = top;
  const size = Math.ceil(Math.max(bytes, 16) / 16) * 16;
  const end = offset + size;
  const mem = arenaMemory();
  const pages = mem.buffer.byteLength / PAGE;
  const need = Math.ceil(end / PAGE);
  if (need > ARENA_MAX_PAGES) throw new Error(`wasm arena full: ${end} bytes asked`);
  if (need > pages) mem.grow(need - pages);
  top = end;
  slots.set(slot, { offset, bytes: size });
  return offset;
}

/**
 * A Float64Array of length `n` in the slot (see {@link arenaSlot}).
 *
 * @example
 * const upper = arenaFloat64("lloyd:upper", n); // fill before reading
 */
export function arenaFloat64(slot: string, n: number): Float64Array {
  const offset = arenaSlot(slot, n * 8);
  return new Float64Array(currentBuffer(), offset, n);
}

/**
 * An Int32Array of length `n` in the slot (see {@link arenaSlot}).
 *
 * @example
 * const labels = arenaInt32("lloyd:labels", n);
 */
export function arenaInt32(slot: string, n: number): Int32Array {
  const offset = arenaSlot(slot, n * 4);
  return new Int32Array(currentBuffer(), offset, n);
}

/**
 * A module instance reading and writing the thread's arena memory (its `env.memory` import).
 *
 * @example
 * const { run } = arenaInstance(bytes) as { run: (at: number) => void };
 */
export function arenaInstance(bytes: Uint8Array<ArrayBuffer>): WebAssembly.Exports {
  return new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory: arenaMemory() } })
    .exports;
}

type Typed = Float64Array | Int32Array;
type TypedCtor = { new (b: ArrayBufferLike, o: number, n: number): Typed };

/**
 * The byte offset at which a kernel reads `array`: its own when it lies in the arena, else the
 * staging slot `stage:<slot>`, filled with its values when `copyIn`. Staging keeps a kernel correct
 * for any caller's arrays (plain, or in another `SharedArrayBuffer`).
 *
 * @example
 * const dataAt = stageIn(data, "data", true); // then the kernel, then stageOut for outputs
 */
export function stageIn(array: Typed, slot: string, copyIn: boolean): number {
  if (inArena(array)) return array.byteOffset;
  const offset = arenaSlot(`stage:${slot}`, array.byteLength);
  if (copyIn)
    new (array.constructor as TypedCtor)(arenaMemory().buffer, offset, array.length).set(array);
  return offset;
}

/**
 * Copies the staged values of `array` (at `offset`, from {@link stageIn}) back into it; nothing
 * when it lies in the arena.
 *
 * @example
 * stageOut(sums, sumsAt);
 */
export function stageOut(array: Typed, offset: number): void {
  if (inArena(array)) return;
  array.set(new (array.constructor as TypedCtor)(arenaMemory().buffer, offset, array.length));
}
