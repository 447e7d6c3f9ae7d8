/**
 * An append-only Float64Array that doubles its capacity: the per-row storage of the metrics that
 * need every value (ROC AUC, average precision, median), without one JS number object per row.
 * It starts small (64 values) because most accumulators are small segments.
 */
export class GrowableFloat64Array {
  private data: Float64Array
  private size = 0

  /** Starts empty, or holding a copy of `initial`. */
  constructor(initial?: ArrayLike<number>) {
    this.data = new Float64Array(Math.max(initial?.length ?? 0, 64))
    if (initial) {
      this.data.set(initial)
      this.size = initial.length
    }
  }

  /** Holds `values` as they are, not copied (a push past them moves to a copy). */
  static wrapping(values: Float64Array): GrowableFloat64Array {
    const wrapped = new GrowableFloat64Array()
    wrapped.data = values
    wrapped.size = values.length
    return wrapped
  }

  get length(): number {
    return this.size
  }

  push(value: number): void {
    if (this.size === this.data.length) this.reserve(this.size + 1)
    this.data[this.size++] = value
  }

  /** Appends `count` copies of `value`. */
  pushRepeated(value: number, count: number): void {
    this.reserve(this.size + count)
    this.data.fill(value, this.size, this.size + count)
    this.size += count
  }

  /** Appends all values of `other` (used by `merge`). */
  append(other: ArrayLike<number>): void {
    this.reserve(this.size + other.length)
    this.data.set(other, this.size)
    this.size += other.length
  }

  /** The values pushed so far: a view (writable, e.g. to sort in place), valid until the next push. */
  values(): Float64Array {
    return this.data.subarray(0, this.size)
  }

  /** Makes room for `capacity` values in all; grows by doubling at least, so pushes stay O(1). */
  private reserve(capacity: number): void {
    if (capacity <= this.data.length) return
    const grown = new Float64Array(Math.max(capacity, this.data.length * 2))
    grown.set(this.data.subarray(0, this.size))
    this.data = grown
  }
}
