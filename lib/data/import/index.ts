import type { DatasetFile } from "../../model/schema";
import { csvRecord, spreadsheetText } from "../../util/csv";
import { decodeUtf8 } from "../../util/utf8";
import { checkRecords, COLLECTIONS, editDistance, RECORD_NAME, type Collection } from "../validateDataset";
import { Builder, type Origin } from "./builder";
import { DEFAULT_CAMEO } from "./cameo";
import { csvFileSpec, headerProblems, parseCsv, quoted, rowRecord, unterminatedProblem } from "./csv";
import { looksLikeAcled, looksLikeGdelt, readAcled, readGdelt } from "./gdelt";
import type { ImportFile, ImportFormat, ImportProblem, ImportResult } from "./types";

export type { ImportFile, ImportFormat, ImportProblem, ImportResult } from "./types";

/** The kind an actor made from its id gets (the file says nothing of it). */
export const CREATED_ACTOR_KIND = "organization";

/** How a file will be read: by its name, then its first bytes. Null when it is none of the formats. */
export function detectFormat(name: string, text: string): ImportFormat | null {
  const lower = name.toLowerCase();
  if (lower.endsWith(".json")) return "json";
  if (/\.export\.csv$/.test(lower)) return "gdelt";
  if (csvFileSpec(lower)) return "csv";
  const first = text.replace(/^\uFEFF/, "").trimStart()[0];
  if (first === "{" || first === "[") return "json";
  if (looksLikeGdelt(text)) return "gdelt";
  const end = text.indexOf("\n");
  const header = parseCsv(end < 0 ? text : text.slice(0, end)).rows[0]?.fields ?? [];
  if (looksLikeAcled(header.map((h) => h.trim()))) return "acled";
  return null;
}

/** Read first, so that the records they name are known when the others are read. */
const ORDER: Record<string, number> = { "actors.csv": 0, "sources.csv": 1, "episodes.csv": 2 };

/**
 * Opens the files a user chose: each is recognised (JSON in the dataset contract, the CSV files of a set, a
 * GDELT 2.0 event export, an ACLED export), decoded as strict UTF-8, parsed, and checked with the build's
 * rules leniently (`checkRecords` in ../validateDataset.ts): every rejected record is reported with its file,
 * line or record id, field and reason, and the valid ones open. `fatal` says why nothing opened: a file that
 * cannot be read, or no valid record. Linear in the size of the files; `onProgress` gets fractions from 0 to 1.
 */
export function importFiles(files: ImportFile[], onProgress?: (fraction: number) => void): ImportResult {
  const progress = onProgress ?? (() => {});
  const b = new Builder();
  const formats: ImportFormat[] = [];
  const fail = (fatal: string): ImportResult => ({
    dataset: null,
    format: formats[0] ?? "json",
    problems: b.problems,
    warnings: b.warnings,
    fatal,
  });
  if (files.length === 0) return fail("no file to open");
  const totalBytes = files.reduce((sum, f) => sum + f.bytes.length, 0) || 1;
  let doneBytes = 0;

  const decoded: { file: ImportFile; text: string; format: ImportFormat }[] = [];
  for (const file of files) {
    const result = decodeUtf8(file.bytes);
    if (!("text" in result)) {
      const utf16 = result.utf16 ? " (the file starts with a UTF-16 byte order mark: save it as UTF-8)" : "";
      return fail(`${file.name}: not valid UTF-8 at byte ${result.at < 0 ? "?" : result.at}${utf16}`);
    }
    const format = detectFormat(file.name, result.text);
    if (format === null)
      return fail(
        `${file.name}: not a file Stance Atlas opens (a dataset .json; events.csv, stances.csv, quotes.csv or actors.csv; a GDELT 2.0 event export; an ACLED export)`,
      );
    decoded.push({ file, text: result.text, format });
    formats.push(format);
  }
  const rank = (d: (typeof decoded)[number]) =>
    d.format === "json" ? -1 : d.format === "csv" ? (ORDER[csvFileSpec(d.file.name)!.key] ?? 3) : 9;
  decoded.sort((x, y) => rank(x) - rank(y));

  const csvRefs: ActorRef[] = [];
  for (const { file, text, format } of decoded) {
    const size = file.bytes.length;
    const sub = (f: number) => progress((0.8 * (doneBytes + f * size)) / totalBytes);
    b.stats(file.name);
    if (format === "json") {
      const fatal = readJson(text, file.name, b);
      if (fatal) return fail(fatal);
    } else if (format === "csv") readCsv(text, file.name, b, csvRefs, sub);
    else if (format === "gdelt") readGdelt(text, file.name, b, sub);
    else readAcled(text, file.name, b, sub);
    doneBytes += size;
    progress((0.8 * doneBytes) / totalBytes);
  }
  createActors(csvRefs, b);
  b.dateMadeSources();

  const result = checkRecords(b.raw, { lenient: true });
  progress(0.95);
  const problems: ImportProblem[] = [...b.problems];
  const order = new Map<ImportProblem, number>();
  for (const p of result.problems) {
    if (p.collection === null || p.index === null) {
      const file = decoded.find((d) => d.format === "json")?.file.name ?? decoded[0]!.file.name;
      problems.push({ file, line: null, record: null, field: p.field, reason: p.reason });
      continue;
    }
    const origin = b.origin[p.collection][p.index]!;
    let reason = p.reason;
    if (p.duplicateOf !== undefined) {
      const kept = b.origin[p.collection][p.duplicateOf]!;
      const where =
        kept.file !== origin.file
          ? `in ${kept.file}${kept.line !== null ? ` line ${kept.line}` : ""}`
          : kept.line !== null
            ? `on line ${kept.line}`
            : `#${kept.index}`;
      reason += `; the first, ${where}, is kept`;
    }
    const problem: ImportProblem = {
      file: origin.file,
      line: origin.line,
      record: p.id ?? `#${origin.index}`,
      field: p.field,
      reason,
      kind: RECORD_NAME[p.collection],
    };
    order.set(problem, COLLECTIONS.indexOf(p.collection) * 1e9 + origin.index);
    problems.push(problem);
  }
  const fileOrder = new Map(files.map((f, i) => [f.name, i]));
  problems.sort(
    (x, y) =>
      (fileOrder.get(x.file) ?? 0) - (fileOrder.get(y.file) ?? 0) ||
      (x.line ?? 0) - (y.line ?? 0) ||
      (order.get(x) ?? -1) - (order.get(y) ?? -1),
  );

  // What each file gave: the records read from it that were kept.
  const keptPerFile = new Map<string, number>();
  const rejectedPerFile = new Map<string, number>();
  for (const collection of COLLECTIONS) {
    const origins = b.origin[collection];
    for (const i of result.kept[collection]) {
      const o = origins[i]!;
      if (!o.created) keptPerFile.set(o.file, (keptPerFile.get(o.file) ?? 0) + 1);
    }
    for (const i of result.rejected[collection]) {
      const o = origins[i]!;
      if (!o.created) rejectedPerFile.set(o.file, (rejectedPerFile.get(o.file) ?? 0) + 1);
    }
  }
  const format = formats[0]!;
  const kept = [...keptPerFile.values()].reduce((a, n) => a + n, 0);
  progress(1);
  if (kept === 0) {
    const why = files.map((f) => {
      const stats = b.files.get(f.name)!;
      if (stats.stopped) return `${f.name}: ${stats.stopped}`;
      const rejected = rejectedPerFile.get(f.name) ?? 0;
      if (stats.records === 0 && stats.unmapped > 0)
        return `${f.name}: no row maps to a stance: ${stats.unmapped} ${stats.unmapped === 1 ? "row" : "rows"} not mapped`;
      if (stats.records === 0 && rejected === 0) return `${f.name}: no record`;
      return `${f.name}: no valid record: ${rejected} rejected`;
    });
    return { dataset: null, format, problems, warnings: b.warnings, fatal: why.join("; ") };
  }
  return {
    dataset: dropUnused(result.data, b, result.kept),
    format,
    problems,
    warnings: b.warnings,
    fatal: null,
  };
}

/** Reads a dataset file in the contract; a text that is not JSON or not an object is fatal. */
function readJson(text: string, file: string, b: Builder): string | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return `${file}: not valid JSON (${(err as Error).message})`;
  }
  if (raw === null || typeof raw !== "object" || Array.isArray(raw))
    return `${file}: not a dataset: the file must be an object with "sources", "actors", "episodes", "events", "stances", "quotes" and "claims"`;
  const object = raw as Record<string, unknown>;
  const missing = COLLECTIONS.filter((c) => !Array.isArray(object[c]));
  const unknown = Object.keys(object).filter((k) => !(COLLECTIONS as string[]).includes(k));
  if (missing.length === COLLECTIONS.length)
    return `${file}: not a dataset: none of "sources", "actors", "episodes", "events", "stances", "quotes", "claims" is a list`;
  if (missing.length > 0)
    b.warnings.push({
      file,
      line: null,
      record: null,
      field: null,
      reason: `no list ${quoted(missing)}: read as empty`,
    });
  if (unknown.length > 0)
    b.warnings.push({
      file,
      line: null,
      record: null,
      field: null,
      reason: `unknown key ${quoted(unknown)} (ignored)`,
    });
  for (const collection of COLLECTIONS) {
    const records = Array.isArray(object[collection]) ? (object[collection] as unknown[]) : [];
    for (const record of records) {
      b.add(collection, record as Record<string, unknown>, file, null);
    }
  }
  return null;
}

/** A reference to an actor from a CSV record, for making the actors that actors.csv does not list. */
interface ActorRef {
  id: string;
  file: string;
  line: number;
  column: string;
}

const ACTOR_COLUMNS: Partial<Record<Collection, readonly string[]>> = {
  events: ["actors", "targets"],
  stances: ["from", "to"],
  quotes: ["speaker"],
  claims: ["claimant", "reviewer"],
};

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Reads one CSV file of a set into the builder. A header without a required column stops the file with one
 * problem naming the missing and the unknown columns; unknown columns alone are a warning (ignored).
 */
function readCsv(
  text: string,
  file: string,
  b: Builder,
  refs: ActorRef[],
  onProgress: (fraction: number) => void,
) {
  const { spec } = csvFileSpec(file)!;
  const stats = b.stats(file);
  const { rows, unterminated } = parseCsv(text, ",", onProgress);
  if (rows.length === 0) return;
  const header = rows[0]!.fields.map((h) => h.trim());
  const { missing, unknown, duplicated } = headerProblems(header, spec);
  if (missing.length > 0 || duplicated.length > 0) {
    const parts = [
      ...(missing.length > 0 ? [`missing column ${quoted(missing)}`] : []),
      ...(unknown.length > 0 ? [`unknown column ${quoted(unknown)}`] : []),
      ...(duplicated.length > 0 ? [`repeated column ${quoted(duplicated)}`] : []),
    ];
    stats.stopped = parts.join("; ");
    b.problems.push({ file, line: 1, record: null, field: null, reason: stats.stopped });
    return;
  }
  if (unknown.length > 0)
    b.warnings.push({
      file,
      line: 1,
      record: null,
      field: null,
      reason: `unknown column ${quoted(unknown)} (ignored)`,
    });
  const collection = spec.collection;
  const actorColumns = ACTOR_COLUMNS[collection] ?? [];
  for (let r = 1; r < rows.length; r++) {
    const { line, fields } = rows[r]!;
    const { record, sourceUrl } = rowRecord(header, fields, spec);
    if (fields.length !== header.length)
      b.warnings.push({
        file,
        line,
        record: typeof record.id === "string" ? record.id : null,
        field: null,
        reason: `${fields.length} ${fields.length === 1 ? "cell" : "cells"} for ${header.length} columns`,
      });
    // Defaults: a day-precision date, an event's empty lists, no episode, the type's or kind's CAMEO code.
    if ("date" in record && !("datePrecision" in record)) record.datePrecision = "day";
    if (collection === "events") {
      record.actors ??= [];
      record.targets ??= [];
      if (!("episode" in record)) record.episode = null;
      if (!("cameo" in record)) {
        // An unknown kind gets a placeholder: the record is rejected for its kind, and only for that.
        record.cameo = DEFAULT_CAMEO.events[record.kind as keyof typeof DEFAULT_CAMEO.events] ?? "010";
      }
    }
    if (collection === "stances" && !("cameo" in record)) {
      record.cameo = DEFAULT_CAMEO.stances[record.type as keyof typeof DEFAULT_CAMEO.stances] ?? "010";
    }
    if (collection === "sources" && typeof record.url === "string" && typeof record.id === "string")
      b.knowSourceUrl(record.url, record.id);
    if (sourceUrl !== null && !("sourceId" in record))
      record.sourceId = b.sourceForUrl(sourceUrl, "", "day", file, line, "source");
    for (const column of actorColumns) {
      const value = record[column];
      for (const id of Array.isArray(value) ? value : [value])
        if (typeof id === "string" && id !== "") refs.push({ id, file, line, column });
    }
    b.add(collection, record, file, line);
  }
  if (unterminated !== null) b.problems.push(unterminatedProblem(file, unterminated));
}

/**
 * Makes the actors CSV records name but no actors.csv lists: id as name, kind {@link CREATED_ACTOR_KIND},
 * with a warning at the first record naming each. An id within edit distance 2 of a listed actor is taken for
 * a typo and not made: the records naming it are rejected with a "did you mean". Ids that are not kebab-case
 * are left to the schema's message.
 */
function createActors(refs: readonly ActorRef[], b: Builder) {
  const listed = [...b.ids.actors];
  const hasActorsFile = b.origin.actors.some((o) => !o.created);
  const decided = new Map<string, boolean>();
  let budget = 2_000_000;
  for (const ref of refs) {
    if (b.ids.actors.has(ref.id) || decided.has(ref.id)) continue;
    if (!KEBAB.test(ref.id)) {
      decided.set(ref.id, false);
      continue;
    }
    let typo = false;
    if (hasActorsFile && ref.id.length > 2)
      for (const known of listed) {
        if (budget-- <= 0) break;
        const max = Math.min(2, Math.ceil(ref.id.length / 2) - 1);
        if (Math.abs(known.length - ref.id.length) <= max && editDistance(ref.id, known, max) <= max) {
          typo = true;
          break;
        }
      }
    decided.set(ref.id, !typo);
    if (typo) continue;
    b.ensureActor({ id: ref.id, name: ref.id, kind: CREATED_ACTOR_KIND }, ref.file, ref.line);
    b.warnings.push({
      file: ref.file,
      line: ref.line,
      record: ref.id,
      field: ref.column,
      reason: hasActorsFile
        ? `actor "${ref.id}" is not in actors.csv: made with its id as name (kind "${CREATED_ACTOR_KIND}")`
        : `actor "${ref.id}" made with its id as name (kind "${CREATED_ACTOR_KIND}"): no actors.csv`,
    });
  }
}

/**
 * The dataset without the records made on the user's behalf that nothing kept points to (an actor made for a
 * stance that was then rejected).
 */
function dropUnused(data: DatasetFile, b: Builder, kept: Record<Collection, number[]>): DatasetFile {
  const createdActor = (i: number) => b.origin.actors[kept.actors[i]!]!.created;
  const createdSource = (i: number) => b.origin.sources[kept.sources[i]!]!.created;
  if (!data.actors.some((_, i) => createdActor(i)) && !data.sources.some((_, i) => createdSource(i)))
    return data;
  const actors = new Set<string>();
  const sources = new Set<string>();
  for (const e of data.events) {
    e.actors.forEach((a) => actors.add(a));
    e.targets.forEach((a) => actors.add(a));
    sources.add(e.sourceId);
  }
  for (const s of data.stances) {
    actors.add(s.from);
    actors.add(s.to);
    sources.add(s.sourceId);
  }
  for (const q of data.quotes) {
    actors.add(q.speaker);
    sources.add(q.sourceId);
  }
  for (const c of data.claims) {
    actors.add(c.claimant);
    actors.add(c.reviewer);
    sources.add(c.sourceId);
  }
  // Affiliations keep what they point to.
  for (const a of data.actors) if (a.affiliation) actors.add(a.affiliation);
  return {
    ...data,
    actors: data.actors.filter((a, i) => !createdActor(i) || actors.has(a.id)),
    sources: data.sources.filter((s, i) => !createdSource(i) || sources.has(s.id)),
  };
}

/**
 * One problem as a line a person reads:
 * `stances.csv line 14: unknown actor "rusia" in "from"; did you mean "russia"?`, or for a JSON record
 * `mine.json: stance "x": …` (as the build says it), or for a whole file `stances.csv: missing column "from"`.
 */
export function formatProblem(p: ImportProblem): string {
  if (p.line !== null) return `${p.file} line ${p.line}: ${p.reason}`;
  if (p.record !== null) {
    const name = p.record.startsWith("#") ? p.record : `"${p.record}"`;
    return `${p.file}: ${p.kind ?? "record"} ${name}: ${p.reason}`;
  }
  return `${p.file}: ${p.reason}`;
}

/**
 * The report as CSV: every rejected record, then every warning (what was done on the reader's behalf, what
 * was not mapped), one per row with what it is (`rejected` or `warning`), its file, line, record, field and
 * reason. RFC 4180; a cell that a spreadsheet would run as a formula gets a leading `'`.
 */
export function problemsCsv(
  problems: readonly ImportProblem[],
  warnings: readonly ImportProblem[] = [],
): string {
  let out = csvRecord(["status", "file", "line", "record", "field", "reason"]);
  const rows = (status: string, list: readonly ImportProblem[]) => {
    for (const p of list)
      out += csvRecord([
        status,
        spreadsheetText(p.file),
        p.line,
        p.record === null ? null : spreadsheetText(p.record),
        p.field === null ? null : spreadsheetText(p.field),
        spreadsheetText(p.reason),
      ]);
  };
  rows("rejected", problems);
  rows("warning", warnings);
  return out;
}

export type { Origin };
