/**
 * Which thread lays out each document of a build, decided by whichever asks first: one
 * 32-bit cell per document in memory both threads share, set once with a compare-and-swap.
 * Neither thread waits for the other to decide, and no document is laid out twice or left out.
 */
export class Claims {
  /** The shared memory, sent to the layout thread with its setup. */
  readonly buffer: SharedArrayBuffer;
  private readonly cells: Int32Array;

  /** Cells for `capacity` documents, or the cells of `buffer` made by another thread. */
  constructor(capacity: number | SharedArrayBuffer) {
    this.buffer = typeof capacity === 'number' ? new SharedArrayBuffer(Math.max(1, capacity) * Int32Array.BYTES_PER_ELEMENT) : capacity;
    this.cells = new Int32Array(this.buffer);
  }

  /** Takes document `index` for `who`: true when no thread had taken it; false when another did. */
  take(index: number, who: 'main' | 'thread'): boolean {
    if (index < 0 || index >= this.cells.length) throw new RangeError(`document ${index} is outside the ${this.cells.length} claims of this build`);
    return Atomics.compareExchange(this.cells, index, FREE, who === 'main' ? MAIN : THREAD) === FREE;
  }
}

const FREE = 0;
const MAIN = 1;
const THREAD = 2;
