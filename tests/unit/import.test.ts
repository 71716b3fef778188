// Opening a user's files in the browser (lib/data/import): the bundled dataset as JSON, the CSV samples of
// data/samples/, the GDELT and ACLED samples of tests/fixtures/import/, and broken files, each with its
// message. Expected values are read from the files by hand.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateDataset } from "@/lib/data/validateDataset";
import { formatProblem, importFiles, problemsCsv, type ImportFile } from "@/lib/data/import";
import { parseCsv } from "@/lib/data/import/csv";
import type { DatasetFile } from "@/lib/model";
import { staticImports } from "./helpers";

const ROOT = resolve(__dirname, "../..");
const file = (name: string, path: string): ImportFile => ({ name, bytes: readFileSync(resolve(ROOT, path)) });
const text = (name: string, content: string): ImportFile => ({
  name,
  bytes: new TextEncoder().encode(content),
});
const counts = (d: DatasetFile | null) =>
  d && Object.fromEntries(Object.entries(d).map(([k, v]) => [k, (v as unknown[]).length]));

describe("the bundled dataset as JSON", () => {
  it("opens with the same counts as data/escalations.json, nothing rejected", () => {
    const json = JSON.parse(readFileSync(resolve(ROOT, "data/escalations.json"), "utf8")) as DatasetFile;
    const result = importFiles([file("escalations.json", "data/escalations.json")]);
    expect(result.fatal).toBeNull();
    expect(result.format).toBe("json");
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(counts(result.dataset)).toEqual(counts(json));
    expect(result.dataset).toEqual(json);
  });

  it("reports progress from 0 to 1", () => {
    const seen: number[] = [];
    importFiles([file("escalations.json", "data/escalations.json")], (f) => seen.push(f));
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f >= seen[i - 1]!))).toBe(true);
  });
});

describe("the CSV samples of data/samples/", () => {
  const names = ["actors", "sources", "episodes", "events", "stances", "quotes"];
  it("open with the records the files hold, nothing rejected", () => {
    const result = importFiles(names.map((n) => file(`${n}.csv`, `data/samples/${n}.csv`)));
    expect(result.fatal).toBeNull();
    expect(result.format).toBe("csv");
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.warnings).toEqual([]);
    // Counted in the files: 13 actors, 1 source, 1 episode, 11 events, 14 stances, 13 quotes.
    expect(counts(result.dataset)).toEqual({
      sources: 1,
      episodes: 1,
      actors: 13,
      events: 11,
      claims: 0,
      stances: 14,
      quotes: 13,
    });
    const bundled = JSON.parse(readFileSync(resolve(ROOT, "data/escalations.json"), "utf8")) as DatasetFile;
    // Each record is the bundled one, field for field (the samples are copied from it).
    for (const s of result.dataset!.stances) expect(s).toEqual(bundled.stances.find((b) => b.id === s.id));
    for (const e of result.dataset!.events) expect(e).toEqual(bundled.events.find((b) => b.id === e.id));
    for (const q of result.dataset!.quotes) expect(q).toEqual(bundled.quotes.find((b) => b.id === q.id));
  });

  it("a stances file alone is a network: its actors are made from their ids, with a warning each", () => {
    const result = importFiles([
      text(
        "stances.csv",
        "id,from,to,type,date,evidence,sourceUrl\r\n" +
          "a,russia,israel,condemn,2024-04-02,Russia was one of the countries that condemned the attack,https://example.org/r\r\n" +
          "b,iran,israel,threaten,2024-04-03,said so,https://example.org/r\r\n",
      ),
    ]);
    expect(result.fatal).toBeNull();
    expect(result.problems).toEqual([]);
    expect(result.dataset!.actors).toEqual([
      { id: "russia", name: "russia", kind: "organization" },
      { id: "israel", name: "israel", kind: "organization" },
      { id: "iran", name: "iran", kind: "organization" },
    ]);
    expect(result.warnings.map(formatProblem)).toEqual([
      'stances.csv line 2: actor "russia" made with its id as name (kind "organization"): no actors.csv',
      'stances.csv line 2: actor "israel" made with its id as name (kind "organization"): no actors.csv',
      'stances.csv line 3: actor "iran" made with its id as name (kind "organization"): no actors.csv',
    ]);
    // One source for the one address, the stances' defaults filled in.
    expect(result.dataset!.sources).toEqual([
      {
        id: "source-1",
        publisher: "example.org",
        title: "https://example.org/r",
        published: "2024-04-02",
        datePrecision: "day",
        document: "https://example.org/r",
        url: "https://example.org/r",
        outside: [
          { field: "publisher", note: "the host name of the report's address" },
          { field: "title", note: "the report's address: the file gives no headline" },
          {
            field: "published",
            note: "the date of the first record citing it: the file gives no publication date",
          },
        ],
      },
    ]);
    expect(result.dataset!.stances[0]).toEqual({
      id: "a",
      from: "russia",
      to: "israel",
      type: "condemn",
      date: "2024-04-02",
      datePrecision: "day",
      sourceId: "source-1",
      evidence: "Russia was one of the countries that condemned the attack",
      cameo: "111",
    });
  });
});

describe("the GDELT 2.0 sample (tests/fixtures/import/gdelt-sample.export.CSV)", () => {
  const result = importFiles([
    file("gdelt-sample.export.CSV", "tests/fixtures/import/gdelt-sample.export.CSV"),
  ]);

  it("maps each row with a CAMEO code in the table to the stance it names", () => {
    expect(result.fatal).toBeNull();
    expect(result.format).toBe("gdelt");
    expect(result.problems).toEqual([]);
    const got = result.dataset!.stances.map((s) => [s.id, s.from, s.to, s.type, s.cameo, s.date]);
    expect(got).toEqual([
      ["gdelt-1100000001", "rus", "isr", "criticize", "111", "2024-04-14"],
      ["gdelt-1100000002", "irn", "isr", "criticize", "1123", "2024-04-14"],
      ["gdelt-1100000003", "usa", "irn", "criticize", "112", "2024-04-14"],
      ["gdelt-1100000004", "rusgov", "irn", "defend", "052", "2024-04-14"],
      ["gdelt-1100000005", "rus", "irn", "praise", "051", "2024-04-15"],
      ["gdelt-1100000006", "chn", "irn", "condole", "018", "2024-04-15"],
      ["gdelt-1100000007", "irn", "usa", "threaten", "138", "2024-04-15"],
      ["gdelt-1100000008", "usa", "irn", "designate", "172", "2024-04-15"],
      ["gdelt-1100000009", "gbr", "irn", "protest", "114", "2024-04-16"],
      ["gdelt-1100000010", "rus", "irn", "support", "057", "2024-04-16"],
      ["gdelt-1100000011", "rus", "usa", "warn", "012", "2024-04-16"],
      ["gdelt-1100000012", "irn", "rus", "support", "030", "2024-04-16"],
      ["gdelt-1100000013", "rus", "irn", "support", "072", "2024-04-17"],
      ["gdelt-1100000014", "usa", "rus", "criticize", "1121", "2024-04-17"],
      ["gdelt-1100000015", "isr", "irn", "criticize", "1124", "2024-04-17"],
      ["gdelt-1100000016", "irnmed", "isr", "criticize", "111", "2024-04-17"],
      ["gdelt-1100000017", "hms", "isr", "threaten", "130", "2024-04-18"],
      ["gdelt-1100000025", "tur", "isr", "criticize", "111", "2024-04-20"],
      ["gdelt-1100000026", "syr", "isr", "criticize", "113", "2024-04-20"],
      ["gdelt-1100000027", "chn", "rus", "support", "061", "2024-04-20"],
      ["gdelt-1100000028", "irn", "chn", "support", "0331", "2024-04-21"],
      ["gdelt-1100000029", "usa", "isr", "support", "073", "2024-04-21"],
      ["gdelt-1100000030", "isr", "usa", "praise", "051", "2024-04-21"],
    ]);
  });

  it("counts the rows it does not map, one warning per code", () => {
    expect(result.warnings.map(formatProblem)).toEqual([
      "gdelt-sample.export.CSV: CAMEO 190 (use conventional military force): 3 rows not mapped",
      "gdelt-sample.export.CSV: CAMEO 042 (make a visit): 2 rows not mapped",
      "gdelt-sample.export.CSV: CAMEO 036 (express intent to meet or negotiate): 1 row not mapped",
      "gdelt-sample.export.CSV: 1 row names no Actor1 or no Actor2 (a stance needs both): not mapped",
    ]);
  });

  it("names actors from the export, and marks the machine coding", () => {
    const actors = Object.fromEntries(result.dataset!.actors.map((a) => [a.id, [a.name, a.kind]]));
    expect(actors).toEqual({
      rus: ["Russia", "state"],
      isr: ["Israel", "state"],
      irn: ["Iran", "state"],
      usa: ["United States", "state"],
      rusgov: ["Russia", "organization"],
      chn: ["China", "state"],
      gbr: ["United Kingdom", "state"],
      irnmed: ["Irna", "media"],
      hms: ["Hamas", "group"],
      tur: ["Turkey", "state"],
      syr: ["Syria", "state"],
    });
    const first = result.dataset!.stances[0]!;
    expect(first.evidence).toBe(
      "[machine-coded by GDELT, not the report's words] RUSSIA → ISRAEL: CAMEO 111 (criticize or denounce)",
    );
    expect(first.outside).toEqual([
      {
        field: "type",
        note: "machine-coded by GDELT: CAMEO 111 (criticize or denounce), not checked against the report",
      },
      { field: "date", note: "GDELT's SQLDATE: the day of the event as coded" },
    ]);
    const source = result.dataset!.sources.find((s) => s.id === first.sourceId)!;
    expect(source.url).toBe("https://news.example.org/2024/04/14/russia-israel");
    expect(source.publisher).toBe("news.example.org");
    // 23 stances cite 23 distinct addresses.
    expect(result.dataset!.sources).toHaveLength(23);
  });
});

describe("the ACLED sample (tests/fixtures/import/acled-sample.csv)", () => {
  it("maps protests and agreements, counts the rest", () => {
    const result = importFiles([file("acled-sample.csv", "tests/fixtures/import/acled-sample.csv")]);
    expect(result.fatal).toBeNull();
    expect(result.format).toBe("acled");
    expect(result.problems).toEqual([]);
    expect(
      result.dataset!.stances.map((s) => [s.id, s.from, s.to, s.type, s.cameo, s.date, s.evidence]),
    ).toEqual([
      [
        "acled-irn9001",
        "protesters-iran",
        "government-of-israel-2022",
        "protest",
        "141",
        "2024-04-14",
        "On 14 April 2024, demonstrators gathered in Tehran in support of the attack on Israel.",
      ],
      [
        "acled-irn9002",
        "protesters-iran",
        "government-of-united-states-2021",
        "protest",
        "141",
        "2024-04-15",
        "On 15 April 2024, people protested against the United States in Isfahan.",
      ],
      [
        "acled-rus9005",
        "government-of-russia-2000",
        "government-of-iran-1989",
        "support",
        "057",
        "2024-04-17",
        "On 17 April 2024, Russia and Iran signed a cooperation agreement in Moscow.",
      ],
    ]);
    expect(result.warnings.map(formatProblem)).toEqual([
      'acled-sample.csv: ACLED "Air/drone strike": 1 row not mapped',
      'acled-sample.csv: ACLED "Armed clash": 1 row not mapped',
      "acled-sample.csv: 1 row names no actor1 or no actor2 (a stance needs both): not mapped",
    ]);
  });
});

describe("broken files, each with its message", () => {
  const ACTORS = "id,name,kind\nrussia,Russia,state\nisrael,Israel,state\niran,Iran,state\n";
  const HEAD = "id,from,to,type,date,evidence,sourceUrl\n";
  const row = (id: string, from: string, date = "2024-04-02") =>
    `${id},${from},israel,condemn,${date},condemned the attack,https://example.org/r\n`;

  it("wrong columns: one whole-file problem naming the missing and the unknown ones", () => {
    const result = importFiles([
      text("stances.csv", "id,form,to,type,date,evidence,sourceId\na,russia,israel,x,y,z,s\n"),
    ]);
    expect(result.dataset).toBeNull();
    expect(result.fatal).toBe('stances.csv: missing column "from"; unknown column "form"');
    expect(result.problems.map(formatProblem)).toEqual([
      'stances.csv line 1: missing column "from"; unknown column "form"',
    ]);
  });

  it("no source column: the message names both ways of giving one", () => {
    const result = importFiles([
      text("stances.csv", "id,from,to,type,date,evidence\na,russia,israel,condemn,2024-04-02,z\n"),
    ]);
    expect(result.fatal).toBe('stances.csv: missing column "sourceId" (or "sourceUrl")');
  });

  it("an unknown actor: rejected with a did-you-mean, the rest opens", () => {
    const result = importFiles([
      text("actors.csv", ACTORS),
      text("stances.csv", HEAD + row("a", "russia") + row("b", "rusia")),
    ]);
    expect(result.fatal).toBeNull();
    expect(result.problems.map(formatProblem)).toEqual([
      'stances.csv line 3: unknown actor "rusia" in "from"; did you mean "russia"?',
    ]);
    expect(result.problems[0]).toMatchObject({ file: "stances.csv", line: 3, record: "b", field: "from" });
    expect(result.dataset!.stances.map((s) => s.id)).toEqual(["a"]);
  });

  it("a date 2025-02-30", () => {
    const result = importFiles([
      text("actors.csv", ACTORS),
      text("stances.csv", HEAD + row("a", "russia", "2025-02-30") + row("b", "iran")),
    ]);
    expect(result.problems.map(formatProblem)).toEqual([
      'stances.csv line 2: invalid date "2025-02-30" in "date"',
    ]);
    expect(result.dataset!.stances.map((s) => s.id)).toEqual(["b"]);
  });

  it("duplicated ids: the first is kept, the later ones rejected", () => {
    const result = importFiles([
      text("actors.csv", ACTORS),
      text("stances.csv", HEAD + row("a", "russia") + row("a", "iran")),
    ]);
    expect(result.problems.map(formatProblem)).toEqual([
      'stances.csv line 3: duplicate id "a" in "id"; the first, on line 2, is kept',
    ]);
    expect(result.dataset!.stances.map((s) => s.from)).toEqual(["russia"]);
  });

  it("a rejected actor takes its records with it", () => {
    const result = importFiles([
      text("actors.csv", "id,name,kind\nrussia,Russia,country\nisrael,Israel,state\n"),
      text("stances.csv", HEAD + row("a", "russia")),
    ]);
    expect(result.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^actors\.csv line 2: "kind" /),
      'stances.csv line 2: actor "russia" in "from" was rejected',
    ]);
    expect(result.fatal).toBeNull();
    expect(result.dataset!.stances).toEqual([]);
  });

  it("invalid UTF-8: the byte offset", () => {
    const bytes = new TextEncoder().encode(HEAD + row("a", "russia"));
    const at = HEAD.length + 2;
    bytes[at] = 0xe9; // a Latin-1 "é"
    const result = importFiles([{ name: "stances.csv", bytes }]);
    expect(result.dataset).toBeNull();
    expect(result.fatal).toBe(`stances.csv: not valid UTF-8 at byte ${at}`);
  });

  it("not JSON", () => {
    const result = importFiles([text("mine.json", '{"sources": [')]);
    expect(result.dataset).toBeNull();
    expect(result.fatal).toMatch(/^mine\.json: not valid JSON \(.+\)$/);
  });

  it("a file with no valid record opens nothing and says why", () => {
    const result = importFiles([
      text(
        "events.csv",
        "id,date,title,kind,evidence,sourceId\n" +
          "a,2024-13-01,T,strike,e,s\n" +
          "b,2024-04-01,T,explosion,e,s\n" +
          "C,2024-04-01,T,strike,e,s\n",
      ),
    ]);
    expect(result.dataset).toBeNull();
    expect(result.fatal).toBe("events.csv: no valid record: 3 rejected");
    expect(result.problems.map((p) => [p.line, p.record, p.field])).toEqual([
      [2, "a", "date"],
      [2, "a", "sourceId"],
      [3, "b", "kind"],
      [4, "C", "id"],
    ]);
  });

  it("a JSON record's problem reads as the build's", () => {
    const json = JSON.parse(readFileSync(resolve(ROOT, "tests/fixtures/mini.json"), "utf8")) as DatasetFile;
    json.stances[0]!.from = "rusia";
    const result = importFiles([text("mine.json", JSON.stringify(json))]);
    expect(result.problems.map(formatProblem)).toEqual([
      'mine.json: stance "turkey-condemns-us-2020": unknown actor "rusia" in "from"; did you mean "russia"?',
    ]);
    expect(result.dataset!.stances).toHaveLength(json.stances.length - 1);
  });
});

describe("parseCsv: RFC 4180", () => {
  it("quoted fields, doubled quotes, CRLF and LF, line breaks inside quotes, a BOM; each record's line", () => {
    const csv = '\uFEFFa,b,c\r\n"x, y","say ""hi""",\n"two\nlines",2,3\r\n\r\nlast,"",z';
    expect(parseCsv(csv)).toEqual({
      rows: [
        { line: 1, fields: ["a", "b", "c"] },
        { line: 2, fields: ["x, y", 'say "hi"', ""] },
        { line: 3, fields: ["two\nlines", "2", "3"] },
        { line: 6, fields: ["last", "", "z"] },
      ],
      unterminated: null,
    });
  });

  it("an unterminated quote: the line it opens on", () => {
    expect(parseCsv('a,b\n1,"open\n2,3\n')).toEqual({
      rows: [{ line: 1, fields: ["a", "b"] }],
      unterminated: 2,
    });
  });

  it("a quoted line break in a stances file keeps the next record's line right", () => {
    const result = importFiles([
      text(
        "stances.csv",
        'id,from,to,type,date,evidence,sourceUrl\na,russia,israel,condemn,2024-04-02,"two\nlines",https://example.org/r\nb,russia,israel,condemn,2024-02-30,x,https://example.org/r\n',
      ),
    ]);
    expect(result.problems.map(formatProblem)).toEqual([
      'stances.csv line 4: invalid date "2024-02-30" in "date"',
    ]);
  });
});

describe("the problem report as CSV", () => {
  it("has the six columns, the rejected records then the warnings, quotes where it must, and keeps formulas from running", () => {
    const csv = problemsCsv(
      [
        {
          file: "stances.csv",
          line: 14,
          record: "b",
          field: "from",
          reason: 'unknown actor "rusia" in "from"',
        },
        { file: "=cmd.csv", line: null, record: "+x", field: null, reason: "-1, @here" },
      ],
      [
        {
          file: "g.export.CSV",
          line: null,
          record: null,
          field: null,
          reason: "CAMEO 190: 3 rows not mapped",
        },
      ],
    );
    expect(csv).toBe(
      "status,file,line,record,field,reason\r\n" +
        'rejected,stances.csv,14,b,from,"unknown actor ""rusia"" in ""from"""\r\n' +
        "rejected,'=cmd.csv,,'+x,,\"'-1, @here\"\r\n" +
        "warning,g.export.CSV,,,,CAMEO 190: 3 rows not mapped\r\n",
    );
  });
});

describe("strict and lenient agree", () => {
  const mini = () =>
    JSON.parse(readFileSync(resolve(ROOT, "tests/fixtures/mini.json"), "utf8")) as DatasetFile;
  const base = mini();
  const actorIds = [...base.actors.map((a) => a.id), "rusia", "nobody"];
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant("from" as const), i: fc.nat(), to: fc.constantFrom(...actorIds) }),
    fc.record({
      kind: fc.constant("date" as const),
      i: fc.nat(),
      to: fc.constantFrom("2024-04-02", "2025-02-30", "2024-04-31"),
    }),
    fc.record({
      kind: fc.constant("drop" as const),
      i: fc.nat(),
      to: fc.constantFrom("actors", "events", "stances", "quotes"),
    }),
    fc.record({ kind: fc.constant("dup" as const), i: fc.nat(), to: fc.constant("") }),
  );
  it("a dataset the build accepts opens whole; one it refuses has problems on import", () => {
    fc.assert(
      fc.property(fc.array(mutation, { maxLength: 4 }), (mutations) => {
        const d = mini();
        for (const m of mutations) {
          if (m.kind === "from") d.stances[m.i % d.stances.length]!.from = m.to;
          else if (m.kind === "date") d.stances[m.i % d.stances.length]!.date = m.to;
          else if (m.kind === "dup")
            d.events[(m.i + 1) % d.events.length]!.id = d.events[m.i % d.events.length]!.id;
          else {
            const list = d[m.to as "actors"] as unknown[];
            if (list.length > 0) list.splice(m.i % list.length, 1);
          }
        }
        let strict: DatasetFile | null = null;
        try {
          strict = validateDataset(structuredClone(d), "x.json");
        } catch {
          strict = null;
        }
        const lenient = importFiles([text("x.json", JSON.stringify(d))]);
        if (strict) {
          expect(lenient.problems).toEqual([]);
          expect(lenient.dataset).toEqual(strict);
        } else expect(lenient.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});

describe("lib/data/import runs in the browser", () => {
  it("imports no node: module and does not reach loadDataset.ts", () => {
    const { seen, packages } = staticImports(join(ROOT, "lib/data/import/index.ts"));
    expect([...seen].some((f) => f.endsWith("lib/data/validateDataset.ts"))).toBe(true);
    expect([...seen].filter((f) => f.endsWith("loadDataset.ts"))).toEqual([]);
    expect([...packages].filter((p) => p.startsWith("node:") || ["fs", "path"].includes(p))).toEqual([]);
  });
});
