/**
 * An append-only typed array that doubles its capacity: the per-row storage of the metrics that
 * need every value (ROC AUC, average precision, median), without one JS number object per row.
 */

type Numeric = Float64Array | Uint8Array

export class GrowableArray<T extends Numeric> {
  private data: T
  private size = 0

  constructor(
    private readonly allocate: (capacity: number) => T,
    initialCapacity = 1024
  ) {
    this.data = allocate(initialCapacity)
  }

  get length(): number {
    return this.size
  }

  push(value: number): void {
    if (this.size === this.data.length) this.reserve(this.size + 1)
    this.data[this.size++] = value
  }

  /** Appends all values of `other` (used by `merge`). */
  append(other: GrowableArray<T>): void {
    this.reserve(this.size + other.size)
    this.data.set(other.values(), this.size)
    this.size += other.size
  }

  /** The values pushed so far: a view, valid until the next push. */
  values(): T {
    return this.data.subarray(0, this.size) as T
  }

  private reserve(capacity: number): void {
    if (capacity <= this.data.length) return
    const grown = this.allocate(Math.max(capacity, this.data.length * 2))
    grown.set(this.data.subarray(0, this.size))
    this.data = grown
  }
}

export function growableFloat64(): GrowableArray<Float64Array> {
  return new GrowableArray((capacity) => new Float64Array(capacity))
}

export function growableUint8(): GrowableArray<Uint8Array> {
  return new GrowableArray((capacity) => new Uint8Array(capacity))
}
