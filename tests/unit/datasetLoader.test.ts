import { afterEach, describe, expect, it, vi } from "vitest";
import fc from "fast-check";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inspect } from "node:util";
import { DatasetError, MAX_PROBLEMS, validateDataset } from "@/lib/data";
import { firstInvalidUtf8Byte, loadDataset } from "@/lib/data/loadDataset";
import { DATE_RANGE, type DatasetFile } from "@/lib/model";

// The loader's gaps (issue 14, part 4): bytes that are not UTF-8, a byte order mark, problems hidden behind
// other problems, dates no view can draw, and a server that kept going on a broken file.

const FIXTURE = "tests/fixtures/mini.json";
const mini = (): DatasetFile => JSON.parse(readFileSync(FIXTURE, "utf8"));

/** Writes bytes to a fresh file and returns its path. */
function fileWith(bytes: Uint8Array, name = "data.json"): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "atlas-loader-")), name);
  writeFileSync(file, bytes);
  return file;
}

/** The DatasetError a dataset raises (fails the test when it validates). */
function errorFor(data: unknown): DatasetError {
  try {
    validateDataset(data, "fixture.json");
  } catch (err) {
    expect(err).toBeInstanceOf(DatasetError);
    return err as DatasetError;
  }
  throw new Error("the dataset validated");
}

const BOM = [0xef, 0xbb, 0xbf];

describe("loadDataset: the file's bytes", () => {
  /** The fixture as UTF-8 with `bad` in the middle of Russia's name; the offset of `bad` in bytes. */
  function withBytesInName(bad: number[], prefix: number[] = []) {
    const data = mini();
    // Non-ASCII text before the bad bytes, so a character count would not give the byte offset.
    data.sources[0]!.title = "Réunion — “quoted”";
    data.actors[0]!.name = "Rus@@sia";
    const [before, after] = JSON.stringify(data).split("@@") as [string, string];
    expect(before.length).not.toBe(Buffer.byteLength(before));
    const bytes = Buffer.concat([
      Buffer.from(prefix),
      Buffer.from(before),
      Buffer.from(bad),
      Buffer.from(after),
    ]);
    return { bytes, offset: prefix.length + Buffer.byteLength(before) };
  }

  it("refuses invalid UTF-8 inside a string, naming the byte offset of the first bad byte", () => {
    const { bytes, offset } = withBytesInName([0xff, 0xfe]);
    const file = fileWith(bytes, "latin.json");
    expect(() => loadDataset(file)).toThrowError(
      new RegExp(`latin\\.json: not valid UTF-8 at byte ${offset}$`),
    );
  });

  it("names the lead byte of a cut multi-byte character", () => {
    // "é" is C3 A9; C3 followed by "s" is a cut sequence starting at C3.
    const { bytes, offset } = withBytesInName([0xc3]);
    expect(() => loadDataset(fileWith(bytes))).toThrowError(new RegExp(`not valid UTF-8 at byte ${offset}$`));
  });

  it("accepts a leading UTF-8 byte order mark", () => {
    const json = Buffer.from(readFileSync(FIXTURE));
    const data = loadDataset(fileWith(Buffer.concat([Buffer.from(BOM), json]), "bom.json"));
    expect(data).toEqual(loadDataset(path.resolve(FIXTURE)));
  });

  it("counts the byte order mark in the offset of a bad byte", () => {
    const { bytes, offset } = withBytesInName([0x80], BOM);
    expect(() => loadDataset(fileWith(bytes))).toThrowError(new RegExp(`not valid UTF-8 at byte ${offset}$`));
  });

  it("says so when the file is UTF-16", () => {
    const text = "\ufeff" + readFileSync(FIXTURE, "utf8");
    expect(() => loadDataset(fileWith(Buffer.from(text, "utf16le"), "utf16.json"))).toThrowError(
      /utf16\.json: not valid UTF-8 at byte 0 \(the file starts with a UTF-16 byte order mark/,
    );
  });
});

describe("firstInvalidUtf8Byte", () => {
  const cases: [string, number[], number][] = [
    ["ASCII", [0x61, 0x62], -1],
    ["every length, up to U+10FFFF", [0x24, 0xc2, 0xa2, 0xe2, 0x82, 0xac, 0xf4, 0x8f, 0xbf, 0xbf], -1],
    ["a continuation byte on its own", [0x61, 0x80], 1],
    ["an overlong two-byte form (C0 80)", [0x61, 0xc0, 0x80], 1],
    ["an overlong three-byte form (E0 80 80)", [0xe0, 0x80, 0x80], 0],
    ["a surrogate (ED A0 80)", [0x61, 0x61, 0xed, 0xa0, 0x80], 2],
    ["past U+10FFFF (F4 90 80 80)", [0xf4, 0x90, 0x80, 0x80], 0],
    ["F5 and above", [0xc3, 0xa9, 0xf5], 2],
    ["a sequence cut by the end", [0x61, 0xe2, 0x82], 1],
    ["a sequence cut by ASCII", [0xe2, 0x82, 0x61], 0],
  ];
  for (const [what, bytes, expected] of cases)
    it(`${what}: ${expected}`, () => expect(firstInvalidUtf8Byte(Uint8Array.from(bytes))).toBe(expected));

  it("agrees with the strict decoder: well-formed up to the byte it names, ill-formed through it", () => {
    const decode = (bytes: Uint8Array) => {
      try {
        new TextDecoder("utf-8", { fatal: true }).decode(bytes);
        return true;
      } catch {
        return false;
      }
    };
    // Bytes drawn mostly from the lead and continuation ranges, so that most runs hold multi-byte text.
    const byte = fc.oneof(
      fc.integer({ min: 0x00, max: 0x7f }),
      fc.integer({ min: 0x80, max: 0xbf }),
      fc.integer({ min: 0xc0, max: 0xff }),
    );
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 24 }), (list) => {
        const bytes = Uint8Array.from(list);
        const at = firstInvalidUtf8Byte(bytes);
        if (at < 0) return decode(bytes);
        return decode(bytes.subarray(0, at)) && !decode(bytes.subarray(0, Math.min(bytes.length, at + 4)));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("validateDataset: every problem in one pass", () => {
  it("reports schema problems together with reference and date problems of the records that parsed", () => {
    const data = mini();
    delete (data.events[0] as Partial<DatasetFile["events"][number]>).title;
    data.stances[0]!.from = "rusia";
    data.quotes[0]!.date = "2020-02-30";
    data.events[3]!.date = "9999-01-01";
    const { problems } = errorFor(data);
    expect(problems).toEqual([
      expect.stringMatching(/^fixture\.json: event "soleimani-killed": "title" /),
      'fixture.json: event "war-2014": date "9999-01-01" is outside the supported range 1800-01-01 – 2200-12-31 in "date"',
      'fixture.json: stance "turkey-condemns-us-2020": unknown actor "rusia" in "from"',
      'fixture.json: quote "lavrov-defend-support": invalid date "2020-02-30" in "date"',
    ]);
  });

  it("reports a missing collection together with the problems of the others", () => {
    const data = mini() as Partial<DatasetFile>;
    delete data.claims;
    data.stances![0]!.to = "nobody";
    const { problems } = errorFor(data);
    expect(problems).toEqual([
      expect.stringMatching(/^fixture\.json: "claims": /),
      'fixture.json: stance "turkey-condemns-us-2020": unknown actor "nobody" in "to"',
    ]);
  });

  it("still knows a record with a schema problem: what points to it is not reported unknown", () => {
    const data = mini();
    delete (data.actors[0] as Partial<DatasetFile["actors"][number]>).name; // russia
    const { problems } = errorFor(data);
    expect(problems).toEqual([expect.stringMatching(/^fixture\.json: actor "russia": "name" /)]);
  });

  it("does not check the fields of a record that failed its schema", () => {
    const data = mini();
    (data.stances[0] as Record<string, unknown>).type = "admire";
    data.stances[0]!.from = "rusia";
    const { problems } = errorFor(data);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/stance "turkey-condemns-us-2020": "type"/);
  });

  it("collects at most 200 problems and counts the rest", () => {
    const data = mini();
    const stance = data.stances[0]!;
    for (let i = 0; i < 1000; i++) data.stances.push({ ...stance, id: `s-${i}`, from: `nobody-${i}` });
    const err = errorFor(data);
    expect(MAX_PROBLEMS).toBe(200);
    expect(err.problems).toHaveLength(MAX_PROBLEMS);
    expect(err.total).toBe(1000);
    const lines = err.message.split("\n");
    expect(lines).toHaveLength(21);
    expect(lines[0]).toBe('fixture.json: stance "s-0": unknown actor "nobody-0" in "from"');
    expect(lines[20]).toBe("… and 980 more");
  });

  it("refuses a file that is not an object, in one line", () => {
    expect(errorFor([]).problems).toEqual([expect.stringMatching(/^fixture\.json: the file: /)]);
  });
});

describe("dates: 1800-01-01 to 2200-12-31", () => {
  /** The fixture with one claim, so that every kind of dated record is present. */
  const withClaim = (): DatasetFile => {
    const data = mini();
    data.claims.push({
      id: "lavrov-claim",
      text: "Iran has taken a responsible stand.",
      claimant: "sergey-lavrov",
      date: "2023-10-19",
      datePrecision: "day",
      rating: "False",
      reviewer: "russia",
      sourceId: "aa-2024",
      evidence: "Iran's support remains the main source of instability.",
    });
    return data;
  };
  const fields: [string, string, (d: DatasetFile, date: string) => void][] = [
    ['source "aa-2024"', "published", (d, date) => (d.sources[0]!.published = date)],
    ['episode "soleimani-2020"', "start", (d, date) => (d.episodes[0]!.start = date)],
    ['episode "soleimani-2020"', "end", (d, date) => (d.episodes[0]!.end = date)],
    ['event "lavrov-call-2024"', "date", (d, date) => (d.events[2]!.date = date)],
    ['stance "turkey-condemns-us-2020"', "date", (d, date) => (d.stances[0]!.date = date)],
    ['quote "lavrov-defend-support"', "date", (d, date) => (d.quotes[0]!.date = date)],
    ['claim "lavrov-claim"', "date", (d, date) => (d.claims[0]!.date = date)],
  ];
  for (const date of ["9999-12-31", "2201-01-01", "1799-12-31", "0001-01-01"])
    for (const [record, field, set] of fields)
      it(`refuses ${date} in ${record} "${field}"`, () => {
        const data = withClaim();
        set(data, date);
        expect(errorFor(data).problems).toContain(
          `fixture.json: ${record}: date "${date}" is outside the supported range 1800-01-01 – 2200-12-31 in "${field}"`,
        );
      });

  it("accepts both ends of the range", () => {
    const data = withClaim();
    data.sources[0]!.published = "1800-01-01";
    data.sources[1]!.published = "2200-12-31";
    data.claims[0]!.date = "1800-01-01";
    data.claims[0]!.datePrecision = "year";
    expect(() => validateDataset(data, "fixture.json")).not.toThrow();
    expect(DATE_RANGE).toEqual({ min: "1800-01-01", max: "2200-12-31" });
  });
});

describe("a broken dataset stops the server with its message", () => {
  const KEYS = ["STANCE_ATLAS_DATASET", "STANCE_ATLAS_SKIP_VALIDATION", "NEXT_RUNTIME"] as const;
  const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));
  afterEach(() => {
    for (const k of KEYS)
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    vi.restoreAllMocks();
  });

  /** A file that parses but breaks the contract. */
  function brokenFile(): string {
    const data = mini();
    data.stances[0]!.from = "rusia";
    return fileWith(Buffer.from(JSON.stringify(data)), "broken.json");
  }

  it("prints as its message only: no stack frames pointing into the loader, no field dump", () => {
    const err = new DatasetError("mine.json", ['stance "x": unknown actor "y" in "from"', "two"]);
    const printed = inspect(err);
    expect(printed).not.toMatch(/\n\s+at /);
    expect(printed).not.toMatch(/problems/);
    expect(printed.split('stance "x"')).toHaveLength(2);
    expect(printed).toContain('mine.json: stance "x": unknown actor "y" in "from"\nmine.json: two');
    expect(err.problems).toEqual(['mine.json: stance "x": unknown actor "y" in "from"', "mine.json: two"]);
  });

  it("next.config.ts validates the dataset whatever the environment (no switch to skip it)", async () => {
    process.env.STANCE_ATLAS_DATASET = brokenFile();
    process.env.STANCE_ATLAS_SKIP_VALIDATION = "1";
    vi.resetModules();
    await expect(import("@/next.config")).rejects.toThrowError(
      /broken\.json: stance "turkey-condemns-us-2020": unknown actor "rusia" in "from"/,
    );
  });

  it("the startup hook exits with the message instead of leaving Next to serve 500s", async () => {
    process.env.STANCE_ATLAS_DATASET = brokenFile();
    process.env.NEXT_RUNTIME = "nodejs";
    // Like the real exit, nothing after it runs.
    const exit = vi.spyOn(process, "exit").mockImplementation(() => {
      throw new Error("process.exit");
    });
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const { register } = await import("@/instrumentation");
    await expect(register()).rejects.toThrow("process.exit");
    expect(exit).toHaveBeenCalledWith(1);
    expect(error).toHaveBeenCalledWith(
      expect.stringMatching(
        /broken\.json: stance "turkey-condemns-us-2020": unknown actor "rusia" in "from"$/,
      ),
    );
  });
});
