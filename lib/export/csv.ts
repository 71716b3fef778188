/**
 * CSV as RFC 4180 writes it: fields separated by commas, records by CRLF, a field quoted when it holds a
 * comma, a double quote, a line break or leading/trailing space, with its double quotes doubled. UTF-8 with a
 * header row and no byte order mark (pandas' and R's default UTF-8 readers keep a BOM in the first column's name).
 */

import { csvRecord } from "../util/csv";

export { csvField, csvRecord } from "../util/csv";

/** A table with a header row: every row has one field per column, in the header's order. */
export interface CsvTable<Row> {
  columns: readonly { name: string; value: (row: Row) => string | number | null | undefined }[];
}

/**
 * The table's text, yielded in chunks of `chunk` records (the header first), so a caller writing a very large
 * table can hand the page back to the browser between chunks.
 */
export function* csvChunks<Row>(table: CsvTable<Row>, rows: readonly Row[], chunk = 5000): Generator<string> {
  yield csvRecord(table.columns.map((c) => c.name));
  for (let i = 0; i < rows.length; i += chunk) {
    let text = "";
    for (const row of rows.slice(i, i + chunk)) text += csvRecord(table.columns.map((c) => c.value(row)));
    yield text;
  }
}

/** The whole table as one string. */
export function toCsv<Row>(table: CsvTable<Row>, rows: readonly Row[]): string {
  return [...csvChunks(table, rows)].join("");
}
