import type { Collection } from "../validateDataset";
import type { ImportProblem } from "./types";

/** One record of a CSV file: its fields and the 1-based line it starts on (the header is line 1). */
export interface CsvRow {
  line: number;
  fields: string[];
}

/** A CSV file read: its records (the header first), or where it broke. */
export interface ParsedCsv {
  rows: CsvRow[];
  /** An unterminated quoted field: the line it opens on. The rows before it are kept. */
  unterminated: number | null;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * CSV as RFC 4180 reads it: fields separated by `delimiter`, records by CRLF or LF (or a lone CR), a field in
 * double quotes may hold the delimiter, line breaks and doubled double quotes. Each record keeps the line it
 * starts on, so a problem can name it; blank lines are skipped (and counted). A leading UTF-8 byte order mark
 * is dropped. Lenient where RFC 4180 is silent: a quote inside an unquoted field, or text after a closing
 * quote, is kept as it stands. One pass over the text.
 */
export function parseCsv(text: string, delimiter = ",", onProgress?: (fraction: number) => void): ParsedCsv {
  const sep = delimiter.charCodeAt(0);
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let recordLine = 1;
  let nextReport = 1 << 20;
  while (i <= n) {
    if (onProgress && i >= nextReport) {
      onProgress(i / n);
      nextReport += 1 << 20;
    }
    // One field, starting at i.
    let value: string;
    if (text.charCodeAt(i) === QUOTE) {
      const openLine = line;
      let parts = "";
      let start = i + 1;
      for (;;) {
        const q = text.indexOf('"', start);
        if (q < 0) {
          return { rows, unterminated: openLine };
        }
        const chunk = text.slice(start, q);
        for (let k = chunk.indexOf("\n"); k >= 0; k = chunk.indexOf("\n", k + 1)) line++;
        // A lone CR inside quotes counts as a line break too.
        if (chunk.includes("\r")) line += countLoneCr(chunk);
        parts += chunk;
        if (text.charCodeAt(q + 1) === QUOTE) {
          parts += '"';
          start = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      // Text between the closing quote and the next delimiter or line end is kept as it stands.
      let end = i;
      while (end < n) {
        const c = text.charCodeAt(end);
        if (c === sep || c === CR || c === LF) break;
        end++;
      }
      value = parts + text.slice(i, end);
      i = end;
    } else {
      let end = i;
      while (end < n) {
        const c = text.charCodeAt(end);
        if (c === sep || c === CR || c === LF) break;
        end++;
      }
      value = text.slice(i, end);
      i = end;
    }
    fields.push(value);
    const c = i < n ? text.charCodeAt(i) : -1;
    if (c === sep) {
      i++;
      continue;
    }
    // End of the record: a line break or the end of the text.
    if (!(fields.length === 1 && fields[0] === "")) rows.push({ line: recordLine, fields });
    fields = [];
    if (c === CR) i += text.charCodeAt(i + 1) === LF ? 2 : 1;
    else if (c === LF) i++;
    else break;
    line++;
    recordLine = line;
    if (i === n) break;
  }
  return { rows, unterminated: null };
}

/** Carriage returns not followed by a line feed (old Mac line ends) in a quoted chunk. */
function countLoneCr(chunk: string): number {
  let count = 0;
  for (let k = chunk.indexOf("\r"); k >= 0; k = chunk.indexOf("\r", k + 1))
    if (chunk.charCodeAt(k + 1) !== LF) count++;
  return count;
}

/** How one column of a CSV file becomes a field of a record. */
type ColumnKind = "text" | "list" | "nullable" | "outside";

/** One of the CSV files of a set: the collection it fills and its columns. */
export interface CsvFileSpec {
  collection: Collection;
  /** Columns that must be there (the dataset contract's required fields, less those with a default). */
  required: readonly string[];
  /** Columns that may be there. */
  optional: readonly string[];
  /** Columns whose cells are not plain text. */
  kinds?: Readonly<Record<string, ColumnKind>>;
}

const DATED = ["datePrecision", "dateNote"] as const;

/**
 * The CSV files a set may have, by file name. Columns are the contract's field names (lib/model/schema.ts).
 * `sourceUrl` may stand in for `sourceId` (see {@link SOURCE_URL}); `datePrecision` defaults to `day` and
 * `cameo` to its type's or kind's first code (see `DEFAULT_CAMEO` in ./cameo.ts).
 */
export const CSV_FILES: Readonly<Record<string, CsvFileSpec>> = {
  "actors.csv": {
    collection: "actors",
    required: ["id", "name", "kind"],
    optional: ["shortName", "affiliation", "role"],
  },
  "sources.csv": {
    collection: "sources",
    required: ["id", "publisher", "title", "published", "document"],
    optional: [...DATED, "note", "url", "sha256", "outside"],
    kinds: { outside: "outside" },
  },
  "episodes.csv": {
    collection: "episodes",
    required: ["id", "title", "label", "start", "end"],
    optional: [],
  },
  "events.csv": {
    collection: "events",
    required: ["id", "date", "title", "kind", "evidence"],
    optional: [...DATED, "actors", "targets", "episode", "sourceId", "sourceUrl", "cameo", "outside"],
    kinds: { actors: "list", targets: "list", episode: "nullable", outside: "outside" },
  },
  "stances.csv": {
    collection: "stances",
    required: ["id", "from", "to", "type", "date", "evidence"],
    optional: [...DATED, "eventId", "sourceId", "sourceUrl", "cameo", "outside"],
    kinds: { outside: "outside" },
  },
  "quotes.csv": {
    collection: "quotes",
    required: ["id", "speaker", "text", "date", "context"],
    optional: ["sentence", ...DATED, "sourceId", "sourceUrl", "eventId", "claimId", "continues", "outside"],
    kinds: { outside: "outside" },
  },
  "claims.csv": {
    collection: "claims",
    required: ["id", "text", "claimant", "date", "rating", "reviewer", "evidence"],
    optional: [...DATED, "sourceId", "sourceUrl"],
  },
};

/** The column that may stand in for `sourceId`: the report's address, from which a source is made. */
export const SOURCE_URL = "sourceUrl";

/** The spec of a CSV file by its name ("my-stances.csv" is a stances file), or null. */
export function csvFileSpec(name: string): { key: string; spec: CsvFileSpec } | null {
  const base = name.toLowerCase().replace(/^.*[\\/]/, "");
  for (const [key, spec] of Object.entries(CSV_FILES)) if (base.endsWith(key)) return { key, spec };
  return null;
}

/**
 * What is wrong with a header, as one sentence, or null: `missing column "from"; unknown column "form"`.
 * `missing` stops the file; `unknown` alone is a warning (the column is ignored).
 */
export function headerProblems(
  header: readonly string[],
  spec: CsvFileSpec,
): { missing: string[]; unknown: string[]; duplicated: string[] } {
  const names = header.map((h) => h.trim());
  const known = new Set([...spec.required, ...spec.optional]);
  const present = new Set(names);
  const missing = spec.required.filter((c) => !present.has(c));
  const hasSource = present.has("sourceId") || present.has(SOURCE_URL);
  if (spec.optional.includes(SOURCE_URL) && !hasSource) missing.push(SOURCE_ID_OR_URL);
  const unknown = names.filter((c) => c !== "" && !known.has(c));
  const seen = new Set<string>();
  const duplicated: string[] = [];
  for (const c of names) {
    if (seen.has(c) && c !== "") duplicated.push(c);
    seen.add(c);
  }
  return { missing, unknown, duplicated };
}

/** The missing column of a file that names its source neither by id nor by address. */
const SOURCE_ID_OR_URL = "\u0000sourceId|sourceUrl";

/** The problem of a CSV file whose quoted field opens on `line` and never closes (the rows before it are kept). */
export function unterminatedProblem(file: string, line: number): ImportProblem {
  return {
    file,
    line,
    record: null,
    field: null,
    reason: "a quoted field opens here and never closes: the rest of the file is not read",
  };
}

/** Names listed as the messages quote them: `"a"`, `"a", "b"`, `"sourceId" (or "sourceUrl")`. */
export function quoted(names: readonly string[]): string {
  return names.map((n) => (n === SOURCE_ID_OR_URL ? `"sourceId" (or "${SOURCE_URL}")` : `"${n}"`)).join(", ");
}

/**
 * One CSV row as a raw record of the contract: each non-empty cell under its column's name (an empty cell is
 * an absent optional field), `|`-separated lists split, `episode` empty as null, `outside` cells as
 * `field: note|field: note`. `sourceUrl` is returned apart.
 */
export function rowRecord(
  header: readonly string[],
  fields: readonly string[],
  spec: CsvFileSpec,
): { record: Record<string, unknown>; sourceUrl: string | null; width: number } {
  const record: Record<string, unknown> = {};
  let sourceUrl: string | null = null;
  const known = new Set([...spec.required, ...spec.optional]);
  for (let c = 0; c < header.length; c++) {
    const name = header[c]!;
    if (!known.has(name)) continue;
    const cell = fields[c] ?? "";
    const kind = spec.kinds?.[name] ?? "text";
    if (name === SOURCE_URL) {
      if (cell.trim() !== "") sourceUrl = cell.trim();
      continue;
    }
    if (kind === "list") {
      record[name] = cell
        .split("|")
        .map((s) => s.trim())
        .filter((s) => s !== "");
      continue;
    }
    if (cell === "") {
      if (kind === "nullable") record[name] = null;
      continue;
    }
    if (kind === "outside") {
      record[name] = cell.split("|").map((part) => {
        const at = part.indexOf(":");
        return at < 0
          ? { field: part.trim(), note: "" }
          : { field: part.slice(0, at).trim(), note: part.slice(at + 1).trim() };
      });
      continue;
    }
    record[name] = cell;
  }
  return { record, sourceUrl, width: fields.length };
}
