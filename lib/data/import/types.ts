import type { DatasetFile } from "../../model/schema";

/** A file the user opened in the browser (or a test handed in): its name and its raw bytes. */
export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

/** The formats a file is recognised as. */
export type ImportFormat = "json" | "csv" | "gdelt" | "acled";

/**
 * One rejected record (or one warning), located for a person fixing the file:
 * "stances.csv line 14: unknown actor "rusia" in "from"; did you mean "russia"?"
 */
export interface ImportProblem {
  /** The file's name as opened ("stances.csv", "mine.json"). */
  file: string;
  /** 1-based line in a CSV file (the header is line 1); null for JSON records. */
  line: number | null;
  /** The record's id when it has one, else "#<index>" in its collection; null for a whole-file problem. */
  record: string | null;
  /** The field at fault ("from", "date"); null when the whole record or file is at fault. */
  field: string | null;
  /** What is wrong, in words, with a suggestion where one exists. */
  reason: string;
  /** The kind of record ("stance", "actor"), where the problem is a record's. */
  kind?: string;
}

/** What opening a set of files gave. */
export interface ImportResult {
  /** The valid records, ready for the dashboard; null when no record is valid (see `fatal`). */
  dataset: DatasetFile | null;
  /** How the files were read. */
  format: ImportFormat;
  /** Every rejected record, in file order. */
  problems: ImportProblem[];
  /** Things done on the user's behalf (an actor created from its id, CAMEO codes outside the table counted). */
  warnings: ImportProblem[];
  /** Why nothing opened (no valid record, unreadable file), or null. */
  fatal: string | null;
}
