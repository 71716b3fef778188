// UTF-8 without node: the build's loader (lib/data/loadDataset.ts) and the browser's import
// (lib/data/import) both read files through here.

/**
 * Offset of the first byte that starts an ill-formed UTF-8 sequence (Unicode table 3-7: no overlong forms,
 * no surrogates, nothing past U+10FFFF, no cut sequence at the end), or -1 when the bytes are well-formed.
 */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  const n = bytes.length;
  const inRange = (i: number, lo: number, hi: number) => i < n && bytes[i]! >= lo && bytes[i]! <= hi;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    let length: number;
    if (b <= 0x7f) length = 1;
    else if (b >= 0xc2 && b <= 0xdf) length = inRange(i + 1, 0x80, 0xbf) ? 2 : 0;
    else if (b >= 0xe0 && b <= 0xef) {
      // E0: no overlong forms (A0..BF); ED: no surrogates (80..9F).
      const lo = b === 0xe0 ? 0xa0 : 0x80;
      const hi = b === 0xed ? 0x9f : 0xbf;
      length = inRange(i + 1, lo, hi) && inRange(i + 2, 0x80, 0xbf) ? 3 : 0;
    } else if (b >= 0xf0 && b <= 0xf4) {
      // F0: no overlong forms (90..BF); F4: nothing past U+10FFFF (80..8F).
      const lo = b === 0xf0 ? 0x90 : 0x80;
      const hi = b === 0xf4 ? 0x8f : 0xbf;
      length = inRange(i + 1, lo, hi) && inRange(i + 2, 0x80, 0xbf) && inRange(i + 3, 0x80, 0xbf) ? 4 : 0;
    } else length = 0; // a continuation byte on its own, C0, C1 or F5..FF
    if (length === 0) return i;
    i += length;
  }
  return -1;
}

/**
 * The text of UTF-8 bytes, or the offset of the first byte that is not UTF-8. A leading byte order mark is
 * dropped. `utf16` says the bytes start with a UTF-16 byte order mark (a file saved as "Unicode").
 */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { at: number; utf16: boolean } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    return { at: firstInvalidUtf8Byte(bytes), utf16 };
  }
}
