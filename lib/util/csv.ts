// Writing CSV (RFC 4180), shared by the downloads (lib/export/csv.ts) and the import's problem report.

/** One field, quoted only where it must be. */
export function csvField(value: string | number | null | undefined): string {
  const s = value === null || value === undefined ? "" : String(value);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One record: its fields, comma-separated, ending in CRLF. */
export function csvRecord(fields: readonly (string | number | null | undefined)[]): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}

/**
 * A cell a spreadsheet will show as text, never run as a formula: a value starting with `=`, `+`, `-`, `@`, a
 * tab or a carriage return gets a leading `'` (OWASP's advice against CSV injection). For text taken from a
 * file someone else wrote, such as the reasons of an import report.
 */
export function spreadsheetText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
