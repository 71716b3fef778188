// Readers for the export formats, written from the formats' specifications for the tests, independent of
// lib/export (which writes them): a test that read the files back with the writer's own code could not fail.

/** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks; records end in CRLF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") endField();
    else if (c === "\r" && text[i + 1] === "\n") {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else field += c;
  }
  return rows;
}

/** The entries of a ZIP of stored (uncompressed) files, read through its central directory (APPNOTE 4.3). */
export function unzipStored(zip: Uint8Array): Map<string, string> {
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  if (dv.getUint32(end, true) !== 0x06054b50) throw new Error("no end of central directory record");
  const files = new Map<string, string>();
  const decode = (from: number, to: number) => new TextDecoder().decode(zip.subarray(from, to));
  let at = dv.getUint32(end + 16, true);
  for (let i = 0; i < dv.getUint16(end + 10, true); i++) {
    if (dv.getUint32(at, true) !== 0x02014b50) throw new Error(`no central directory header at ${at}`);
    const size = dv.getUint32(at + 24, true);
    const nameLen = dv.getUint16(at + 28, true);
    const local = dv.getUint32(at + 42, true);
    if (dv.getUint32(local, true) !== 0x04034b50) throw new Error(`no local header at ${local}`);
    const start = local + 30 + dv.getUint16(local + 26, true);
    files.set(decode(at + 46, at + 46 + nameLen), decode(start, start + size));
    at += 46 + nameLen;
  }
  return files;
}
