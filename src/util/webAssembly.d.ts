/**
 * The part of the WebAssembly JavaScript API the generated kernels use (`cluster/wasmKernels.ts`):
 * Node has the global `WebAssembly`, but its types come with TypeScript's DOM library, which this
 * project does not load (`lib: ES2023`).
 */
declare namespace WebAssembly {
  interface MemoryDescriptor {
    initial: number;
    maximum?: number;
    shared?: boolean;
  }
  class Memory {
    constructor(descriptor: MemoryDescriptor);
    readonly buffer: ArrayBuffer | SharedArrayBuffer;
    grow(delta: number): number;
  }
  class Module {
    constructor(bytes: Uint8Array<ArrayBuffer>);
  }
  type Exports = Record<string, unknown>;
  class Instance {
    constructor(module: Module, imports: Record<string, Record<string, unknown>>);
    readonly exports: Exports;
  }
  function validate(bytes: Uint8Array<ArrayBuffer>): boolean;
}
