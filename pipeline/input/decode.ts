import type { Message } from '../errors/messages.ts';

/** A file's bytes read as text, or why they cannot be. */
export type Decoded = { text: string } | { problem: Message; line?: number };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a file's bytes as UTF-8 text, with or without a byte order mark (which is dropped, so
 * a first heading or key is read as written). Any other encoding is named, never passed on:
 * its bytes would otherwise reach messages and the terminal as noise and NUL characters.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  const save = 'Save it as UTF-8 (in most editors: "Save with encoding" → UTF-8).';
  const starts = (...prefix: number[]) => prefix.every((byte, i) => bytes[i] === byte);
  if (starts(0xef, 0xbb, 0xbf)) bytes = bytes.subarray(3);
  else if (starts(0xff, 0xfe, 0, 0) || starts(0, 0, 0xfe, 0xff)) return { problem: { message: 'this file is not UTF-8: it is UTF-32', hint: save } };
  else if (starts(0xff, 0xfe) || starts(0xfe, 0xff)) return { problem: { message: `this file is not UTF-8: it is UTF-16 (${bytes[0] === 0xff ? 'little' : 'big'}-endian)`, hint: save } };
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    // UTF-16 without a byte order mark has a NUL beside nearly every Latin letter.
    const sample = bytes.subarray(0, 200);
    const nuls = sample.filter((byte) => byte === 0).length;
    if (nuls >= sample.length / 3) return { problem: { message: 'this file is not UTF-8: it looks like UTF-16', hint: save } };
    return { problem: { message: 'this is not a text file: it holds NUL bytes', hint: `Check that the right file is here. ${save}` }, line: lineAt(bytes, nul) };
  }
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    const bad = firstInvalid(bytes);
    return {
      problem: {
        message: `this file is not UTF-8: the byte 0x${bytes[bad]!.toString(16).toUpperCase().padStart(2, '0')} cannot start or continue a UTF-8 character (the file is probably in a legacy encoding such as Windows-1252 or Windows-1251)`,
        hint: save,
      },
      line: lineAt(bytes, bad),
    };
  }
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i += 1) if (bytes[i] === 0x0a) line += 1;
  return line;
}

/** The offset of the first byte that breaks UTF-8. */
function firstInvalid(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i]!;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte < 0xe0 ? 2 : byte >= 0xe0 && byte < 0xf0 ? 3 : byte >= 0xf0 && byte < 0xf5 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k += 1) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    try {
      utf8.decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return 0;
}
