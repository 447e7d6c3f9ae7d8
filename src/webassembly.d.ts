// Node runs WebAssembly, but TypeScript declares it only in its DOM and web worker libraries, which
// would also declare window, document and a browser's fetch for this Node program. What ml-gate uses:
declare namespace WebAssembly {
  class Module {
    constructor(bytes: Uint8Array)
  }
  class Instance {
    constructor(module: Module, imports?: Record<string, Record<string, unknown>>)
    readonly exports: Record<string, unknown>
  }
  class Memory {
    readonly buffer: ArrayBuffer
    /** Adds `pages` pages of 64 KiB; the old contents stay, `buffer` is replaced. */
    grow(pages: number): number
  }
}
