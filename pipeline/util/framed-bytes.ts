/**
 * Tables kept as bytes rather than JSON (the shaped words, a document's recorded pages): a
 * JSON header that says what follows, then the data as it lies in memory, so that reading a
 * table parses only its header.
 *
 *   frame(header, parts)  →  [header length, 4 bytes LE][header JSON][part][part]…
 *
 * Each part starts at a multiple of 8, where a typed array of any width may start.
 */

/** Numbers as a table keeps them: 32-bit integers when all are, else 64-bit floats. */
export type Numbers = Int32Array | Float64Array;

/** How a header names a list of numbers: its type and its count. */
export interface NumbersShape {
  type: 'i32' | 'f64';
  length: number;
}

/** `numbers` in the smallest of the two forms that holds them exactly. */
export function compactNumbers(numbers: ArrayLike<number>): Numbers {
  for (let i = 0; i < numbers.length; i++) if ((numbers[i]! | 0) !== numbers[i]) return Float64Array.from(numbers);
  return Int32Array.from(numbers);
}

/** The shape of a list of numbers, for a header. */
export function shapeOf(numbers: Numbers): NumbersShape {
  return { type: numbers instanceof Int32Array ? 'i32' : 'f64', length: numbers.length };
}

/** The bytes of a list of numbers, as a part of a frame. */
export function bytesOf(numbers: Numbers): Uint8Array {
  return new Uint8Array(numbers.buffer, numbers.byteOffset, numbers.byteLength);
}

/** A header and parts as one piece of bytes (see the module). */
export function frame(header: unknown, parts: readonly Uint8Array[]): Uint8Array {
  const head = Buffer.from(JSON.stringify(header), 'utf8');
  let size = aligned(4 + head.length);
  for (const part of parts) size = aligned(size + part.byteLength);
  const bytes = new Uint8Array(size);
  new DataView(bytes.buffer).setUint32(0, head.length, true);
  bytes.set(head, 4);
  let offset = aligned(4 + head.length);
  for (const part of parts) {
    bytes.set(part, offset);
    offset = aligned(offset + part.byteLength);
  }
  return bytes;
}

/**
 * Reads a frame: its header, then its parts in order. Every read past the end of the bytes
 * throws, naming the table (`name`).
 */
export class FrameReader {
  readonly header: unknown;
  private readonly bytes: Buffer;
  private offset: number;

  constructor(
    data: Uint8Array,
    private readonly name: string,
  ) {
    this.bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    if (this.bytes.length < 4) throw this.cutShort();
    const headLength = this.bytes.readUInt32LE(0);
    if (4 + headLength > this.bytes.length) throw this.cutShort();
    this.header = JSON.parse(this.bytes.toString('utf8', 4, 4 + headLength));
    this.offset = aligned(4 + headLength);
  }

  /** The next part, `length` bytes, as a view into the bytes read. */
  part(length: number): Buffer {
    if (!Number.isInteger(length) || length < 0 || this.offset + length > this.bytes.length) throw this.cutShort();
    const part = this.bytes.subarray(this.offset, this.offset + length);
    this.offset = aligned(this.offset + length);
    return part;
  }

  /** The next part as the numbers `shape` says, copied: the bytes read lie at any offset, and a typed array must start at a multiple of its width. */
  numbers({ type, length }: NumbersShape): Numbers {
    const width = type === 'i32' ? 4 : 8;
    const copy = new Uint8Array(this.part(length * width)).buffer;
    return type === 'i32' ? new Int32Array(copy) : new Float64Array(copy);
  }

  /** Throws unless every part has been read: bytes left over are not the table the header describes. */
  end(): void {
    if (this.offset < this.bytes.length) throw new Error(`${this.name}: bytes are left after the last part`);
  }

  private cutShort(): Error {
    return new Error(`${this.name} are cut short: a part runs past the end of the bytes`);
  }
}

/** `n` rounded up to a multiple of 8. */
function aligned(n: number): number {
  return Math.ceil(n / 8) * 8;
}
