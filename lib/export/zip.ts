/**
 * A ZIP archive of stored (uncompressed) files, as the APPNOTE describes it: a local header and the bytes of
 * each file, then the central directory and its end record. Stored, because the CSVs are small next to what a
 * deflate would cost in code on the page; names are UTF-8 (flag bit 11). No dependency: about sixty lines.
 */

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/**
 * CRC-32 (ISO 3309, as ZIP and gzip use it) of some bytes; of a file read in parts, pass the CRC of the parts
 * before: `crc32(b, crc32(a))` is the CRC of a then b.
 */
export function crc32(bytes: Uint8Array, before = 0): number {
  let c = (before ^ 0xffffffff) >>> 0;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A file to put in the archive. */
export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

/** A file to put in the archive as parts already in hand, with its size and CRC (so nothing is read again). */
export interface ZipPartsEntry {
  name: string;
  parts: readonly Uint8Array[];
  size: number;
  crc: number;
}

/**
 * The archive as a list of byte parts, the files' own parts among them uncopied (a `Blob` joins them): a large
 * export never holds its bytes twice nor copies them in one task. Every entry carries the same DOS timestamp,
 * `date` (UTC; default 1 January 2000), so the same files make the same archive.
 */
export function zipParts(
  entries: readonly ZipPartsEntry[],
  date = new Date(Date.UTC(2000, 0, 1)),
): Uint8Array[] {
  const enc = new TextEncoder();
  const dosTime = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const dosDate = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const out: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const { name, parts, size, crc } of entries) {
    const nameBytes = enc.encode(name);
    const common = (view: DataView, at: number) => {
      view.setUint16(at, 20, true); // version needed: 2.0
      view.setUint16(at + 2, 0x0800, true); // flags: UTF-8 names
      view.setUint16(at + 4, 0, true); // method: stored
      view.setUint16(at + 6, dosTime, true);
      view.setUint16(at + 8, dosDate, true);
      view.setUint32(at + 10, crc, true);
      view.setUint32(at + 14, size, true);
      view.setUint32(at + 18, size, true);
      view.setUint16(at + 22, nameBytes.length, true);
    };
    const local = new Uint8Array(30 + nameBytes.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    common(lv, 4);
    local.set(nameBytes, 30);
    const central = new Uint8Array(46 + nameBytes.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true); // made by: 2.0
    common(cv, 6);
    cv.setUint32(42, offset, true);
    central.set(nameBytes, 46);
    out.push(local, ...parts);
    centrals.push(central);
    offset += local.length + size;
  }
  const dirSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, dirSize, true);
  ev.setUint32(16, offset, true);
  out.push(...centrals, end);
  return out;
}

/** The archive's bytes, in one array (see zipParts). */
export function zipStored(entries: readonly ZipEntry[], date = new Date(Date.UTC(2000, 0, 1))): Uint8Array {
  const parts = zipParts(
    entries.map(({ name, data }) => ({ name, parts: [data], size: data.length, crc: crc32(data) })),
    date,
  );
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
