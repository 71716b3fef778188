import { ACLED_STANCE, cameoName, STANCE_OF_CAMEO } from "./cameo";
import { slug, type Builder } from "./builder";
import { parseCsv, unterminatedProblem } from "./csv";

/** The 61 columns of a GDELT 2.0 event export, in the codebook's order (tab-separated, no header). */
export const GDELT_COLUMNS = [
  "GLOBALEVENTID",
  "SQLDATE",
  "MonthYear",
  "Year",
  "FractionDate",
  "Actor1Code",
  "Actor1Name",
  "Actor1CountryCode",
  "Actor1KnownGroupCode",
  "Actor1EthnicCode",
  "Actor1Religion1Code",
  "Actor1Religion2Code",
  "Actor1Type1Code",
  "Actor1Type2Code",
  "Actor1Type3Code",
  "Actor2Code",
  "Actor2Name",
  "Actor2CountryCode",
  "Actor2KnownGroupCode",
  "Actor2EthnicCode",
  "Actor2Religion1Code",
  "Actor2Religion2Code",
  "Actor2Type1Code",
  "Actor2Type2Code",
  "Actor2Type3Code",
  "IsRootEvent",
  "EventCode",
  "EventBaseCode",
  "EventRootCode",
  "QuadClass",
  "GoldsteinScale",
  "NumMentions",
  "NumSources",
  "NumArticles",
  "AvgTone",
  "Actor1Geo_Type",
  "Actor1Geo_FullName",
  "Actor1Geo_CountryCode",
  "Actor1Geo_ADM1Code",
  "Actor1Geo_ADM2Code",
  "Actor1Geo_Lat",
  "Actor1Geo_Long",
  "Actor1Geo_FeatureID",
  "Actor2Geo_Type",
  "Actor2Geo_FullName",
  "Actor2Geo_CountryCode",
  "Actor2Geo_ADM1Code",
  "Actor2Geo_ADM2Code",
  "Actor2Geo_Lat",
  "Actor2Geo_Long",
  "Actor2Geo_FeatureID",
  "ActionGeo_Type",
  "ActionGeo_FullName",
  "ActionGeo_CountryCode",
  "ActionGeo_ADM1Code",
  "ActionGeo_ADM2Code",
  "ActionGeo_Lat",
  "ActionGeo_Long",
  "ActionGeo_FeatureID",
  "DATEADDED",
  "SOURCEURL",
] as const;

const col = (name: (typeof GDELT_COLUMNS)[number]) => GDELT_COLUMNS.indexOf(name);
const ID = col("GLOBALEVENTID");
const SQLDATE = col("SQLDATE");
const A1 = {
  code: col("Actor1Code"),
  name: col("Actor1Name"),
  country: col("Actor1CountryCode"),
  type: col("Actor1Type1Code"),
};
const A2 = {
  code: col("Actor2Code"),
  name: col("Actor2Name"),
  country: col("Actor2CountryCode"),
  type: col("Actor2Type1Code"),
};
const EVENT_CODE = col("EventCode");
const DATEADDED = col("DATEADDED");
const SOURCEURL = col("SOURCEURL");

/** True when the first line of a text looks like a GDELT 2.0 event export: 61 tab-separated columns. */
export function looksLikeGdelt(text: string): boolean {
  const end = text.indexOf("\n");
  const first = (end < 0 ? text : text.slice(0, end)).replace(/\r$/, "");
  return first.split("\t").length === GDELT_COLUMNS.length;
}

/** `YYYYMMDD` (or `YYYYMMDDHHMMSS`) as an ISO date, or the text as it stands when it is not one. */
function isoOf(compact: string): string {
  return /^\d{8}(\d{6})?$/.test(compact)
    ? `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}`
    : compact;
}

/** "UNITED STATES" → "United States" (GDELT writes names in capitals). */
function titleCase(name: string): string {
  return name.toLowerCase().replace(/(^|[\s\-'(])([a-z])/g, (_, p: string, c: string) => p + c.toUpperCase());
}

/** A GDELT actor's kind: a bare country code is a state; media, rebels and insurgents by their type code. */
function gdeltKind(code: string, country: string, type: string): string {
  if (code.length === 3 && code === country) return "state";
  if (type === "MED") return "media";
  if (["REB", "INS", "SEP", "UAF"].includes(type)) return "group";
  return "organization";
}

/**
 * Reads a GDELT 2.0 event export into the builder: each row whose EventCode is in the CAMEO table
 * (./cameo.ts) becomes a stance `gdelt-<GLOBALEVENTID>` from Actor1 to Actor2 (actor ids are the CAMEO actor
 * codes, lower-cased; names from Actor1Name/Actor2Name, first seen), dated SQLDATE, citing a source made of
 * SOURCEURL. The evidence is not the report's words, which GDELT does not carry: it is a description of the
 * coding, marked as such, and the stance lists its type and date in `outside`. Rows with another code, or
 * without both actors, are counted, one warning per code.
 */
export function readGdelt(text: string, file: string, b: Builder, onProgress?: (f: number) => void) {
  const stats = b.stats(file);
  const unmapped = new Map<string, number>();
  let noDyad = 0;
  let line = 0;
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  let nextReport = 1 << 20;
  while (start < n) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = n;
    line++;
    const raw = text.slice(start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
    start = end + 1;
    if (onProgress && start >= nextReport) {
      onProgress(start / n);
      nextReport += 1 << 20;
    }
    if (raw === "") continue;
    const f = raw.split("\t");
    if (f.length !== GDELT_COLUMNS.length) {
      b.problems.push({
        file,
        line,
        record: f[0] ? `gdelt-${f[0]}` : null,
        field: null,
        reason: `expected ${GDELT_COLUMNS.length} tab-separated columns (a GDELT 2.0 event export), found ${f.length}`,
      });
      continue;
    }
    const code = f[EVENT_CODE]!;
    const type = STANCE_OF_CAMEO.get(code);
    if (!type) {
      unmapped.set(code, (unmapped.get(code) ?? 0) + 1);
      stats.unmapped++;
      continue;
    }
    const from = f[A1.code]!.toLowerCase();
    const to = f[A2.code]!.toLowerCase();
    if (!from || !to) {
      noDyad++;
      stats.unmapped++;
      continue;
    }
    const date = isoOf(f[SQLDATE]!);
    for (const [id, a] of [
      [from, A1],
      [to, A2],
    ] as const)
      b.ensureActor(
        {
          id,
          name: f[a.name] ? titleCase(f[a.name]!) : f[a.code]!,
          kind: gdeltKind(f[a.code]!, f[a.country]!, f[a.type]!),
        },
        file,
        line,
      );
    const url = f[SOURCEURL]!;
    const published = /^\d{14}$/.test(f[DATEADDED]!) ? isoOf(f[DATEADDED]!) : date;
    const sourceId = url ? b.sourceForUrl(url, published, "day", file, line, "gdelt-source") : undefined;
    const name = cameoName(code);
    const names = `${f[A1.name] || f[A1.code]} → ${f[A2.name] || f[A2.code]}`;
    b.add(
      "stances",
      {
        id: `gdelt-${f[ID]}`,
        from,
        to,
        type,
        date,
        datePrecision: "day",
        sourceId,
        evidence: `[machine-coded by GDELT, not the report's words] ${names}: CAMEO ${code} (${name})`,
        cameo: code,
        outside: [
          {
            field: "type",
            note: `machine-coded by GDELT: CAMEO ${code} (${name}), not checked against the report`,
          },
          { field: "date", note: "GDELT's SQLDATE: the day of the event as coded" },
        ],
      },
      file,
      line,
    );
  }
  for (const [code, count] of [...unmapped].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)))
    b.warnings.push({
      file,
      line: null,
      record: null,
      field: "EventCode",
      reason: `CAMEO ${code} (${cameoName(code)}): ${count} ${count === 1 ? "row" : "rows"} not mapped`,
    });
  if (noDyad > 0)
    b.warnings.push({
      file,
      line: null,
      record: null,
      field: "Actor2Code",
      reason: `${noDyad} ${noDyad === 1 ? "row names" : "rows name"} no Actor1 or no Actor2 (a stance needs both): not mapped`,
    });
}

/** The columns an ACLED export must have to be read. */
export const ACLED_REQUIRED = [
  "event_id_cnty",
  "event_date",
  "sub_event_type",
  "actor1",
  "actor2",
  "notes",
  "source",
] as const;

/** True when a CSV header row is an ACLED export's. */
export function looksLikeAcled(header: readonly string[]): boolean {
  return header.includes("event_id_cnty") && header.includes("sub_event_type");
}

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/** ACLED's `event_date` as ISO: `2024-04-13` as it stands, `13 April 2024` converted; else as it stands. */
export function acledDate(value: string): string {
  const m = /^(\d{1,2}) ([A-Za-z]+) (\d{4})$/.exec(value.trim());
  if (!m) return value.trim();
  const month = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
  if (month === 0) return value.trim();
  return `${m[3]}-${String(month).padStart(2, "0")}-${m[1]!.padStart(2, "0")}`;
}

/** An ACLED actor's kind from its `inter` code (1 state forces, 8 external/other: organizations; else groups). */
function acledKind(inter: string | undefined): string {
  return inter === "1" || inter === "8" ? "organization" : "group";
}

const ACLED_OF = new Map(ACLED_STANCE.map((r) => [r.subEventType.toLowerCase(), r]));

/**
 * Reads an ACLED export (CSV with a header) into the builder: each row whose sub_event_type is in the ACLED
 * table (./cameo.ts) becomes a stance `acled-<event_id_cnty>` from actor1 to actor2 (ids made of the names),
 * dated event_date; its evidence is ACLED's `notes`, verbatim; its source is made of the `source` column.
 * Rows of other sub-event types, or without both actors, are counted, one warning per type.
 */
export function readAcled(text: string, file: string, b: Builder, onProgress?: (f: number) => void) {
  const stats = b.stats(file);
  const { rows, unterminated } = parseCsv(text, ",", onProgress);
  const header = rows[0]?.fields.map((h) => h.trim()) ?? [];
  const missing = ACLED_REQUIRED.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    stats.stopped = `missing column ${missing.map((c) => `"${c}"`).join(", ")} (an ACLED export)`;
    b.problems.push({ file, line: 1, record: null, field: null, reason: stats.stopped });
    return;
  }
  const at = (name: string) => header.indexOf(name);
  const c = {
    id: at("event_id_cnty"),
    date: at("event_date"),
    sub: at("sub_event_type"),
    a1: at("actor1"),
    a2: at("actor2"),
    inter1: at("inter1"),
    inter2: at("inter2"),
    notes: at("notes"),
    source: at("source"),
  };
  const unmapped = new Map<string, number>();
  let noDyad = 0;
  const sources = new Map<string, string>();
  for (const { line, fields } of rows.slice(1)) {
    const cell = (i: number) => (i >= 0 ? (fields[i] ?? "").trim() : "");
    const sub = cell(c.sub);
    const mapping = ACLED_OF.get(sub.toLowerCase());
    if (!mapping) {
      unmapped.set(sub, (unmapped.get(sub) ?? 0) + 1);
      stats.unmapped++;
      continue;
    }
    const [name1, name2] = [cell(c.a1), cell(c.a2)];
    const [from, to] = [slug(name1), slug(name2)];
    if (!from || !to) {
      noDyad++;
      stats.unmapped++;
      continue;
    }
    b.ensureActor({ id: from, name: name1, kind: acledKind(cell(c.inter1) || undefined) }, file, line);
    b.ensureActor({ id: to, name: name2, kind: acledKind(cell(c.inter2) || undefined) }, file, line);
    const date = acledDate(cell(c.date));
    const reported = cell(c.source) || "ACLED";
    let sourceId = sources.get(reported);
    if (!sourceId) {
      let n = sources.size + 1;
      sourceId = `acled-source-${n}`;
      while (b.ids.sources.has(sourceId)) sourceId = `acled-source-${++n}`;
      sources.set(reported, sourceId);
      b.add(
        "sources",
        {
          id: sourceId,
          publisher: `ACLED (reported by ${reported})`,
          title: `ACLED events reported by ${reported}`,
          published: date,
          datePrecision: "day",
          document: file,
          outside: [
            { field: "title", note: "made of ACLED's source column: the export gives no headline" },
            { field: "published", note: "the date of the first event citing it: the export gives none" },
          ],
        },
        file,
        line,
        true,
      );
    }
    b.add(
      "stances",
      {
        id: `acled-${slug(cell(c.id))}`,
        from,
        to,
        type: mapping.type,
        date,
        datePrecision: "day",
        sourceId,
        evidence: cell(c.notes),
        cameo: mapping.cameo,
        outside: [{ field: "type", note: `from ACLED's sub-event type "${sub}"` }],
      },
      file,
      line,
    );
  }
  if (unterminated !== null) b.problems.push(unterminatedProblem(file, unterminated));
  for (const [sub, count] of [...unmapped].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)))
    b.warnings.push({
      file,
      line: null,
      record: null,
      field: "sub_event_type",
      reason: `ACLED "${sub}": ${count} ${count === 1 ? "row" : "rows"} not mapped`,
    });
  if (noDyad > 0)
    b.warnings.push({
      file,
      line: null,
      record: null,
      field: "actor2",
      reason: `${noDyad} ${noDyad === 1 ? "row names" : "rows name"} no actor1 or no actor2 (a stance needs both): not mapped`,
    });
}
