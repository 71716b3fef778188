import { describe, expect, it, vi } from "vitest";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DatasetError, validateDataset } from "@/lib/data";
import { loadDataset, datasetPath, DATASET_ENV } from "@/lib/data/loadDataset";
import { isVerbatimIn, type DatasetFile } from "@/lib/model";

const FIXTURE = "tests/fixtures/mini.json";
const mini = (): DatasetFile => JSON.parse(readFileSync(FIXTURE, "utf8"));

/** Validates a mutated copy of the fixture and returns the error message (or "" when it validates). */
function messageFor(mutate: (d: DatasetFile) => void): string {
  const data = mini();
  mutate(data);
  try {
    validateDataset(data, "fixture.json");
    return "";
  } catch (err) {
    expect(err).toBeInstanceOf(DatasetError);
    return (err as Error).message;
  }
}

describe("loadDataset", () => {
  it("shares one cache per process across copies of the module (Next bundles the page, the dataset route and the startup hook apart)", async () => {
    const file = path.resolve(FIXTURE);
    const first = loadDataset(file);
    vi.resetModules();
    const copy = await import("@/lib/data/loadDataset");
    expect(copy.loadDataset).not.toBe(loadDataset);
    expect(copy.loadDataset(file)).toBe(first);
    expect(copy.loadIndexedDataset(file)).toBe(
      (await import("@/lib/data/loadDataset")).loadIndexedDataset(file),
    );
  });

  it("loads and validates a good file", () => {
    const data = loadDataset(path.resolve(FIXTURE));
    expect(data.events.length).toBe(4);
    expect(data.actors.map((a) => a.id)).toContain("sergey-lavrov");
  });

  it("fails on a broken file, naming the file, the record and the field", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "atlas-"));
    const file = path.join(dir, "broken.json");
    const data = mini();
    data.stances[0]!.from = "rusia";
    writeFileSync(file, JSON.stringify(data));
    expect(() => loadDataset(file)).toThrowError(
      /broken\.json: stance "turkey-condemns-us-2020": unknown actor "rusia" in "from"/,
    );
  });

  it("fails on a file that is not JSON", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "atlas-"));
    const file = path.join(dir, "bad.json");
    writeFileSync(file, "{ not json");
    expect(() => loadDataset(file)).toThrowError(/bad\.json: not valid JSON/);
  });

  it("fails on a missing file", () => {
    expect(() => loadDataset("/nonexistent/x.json")).toThrowError(/cannot read the file/);
  });

  it("reads the dataset path from the environment", () => {
    expect(datasetPath({ [DATASET_ENV]: "/tmp/other.json" })).toBe("/tmp/other.json");
    expect(datasetPath({})).toBe(path.resolve("data/escalations.json"));
  });
});

describe("validateDataset: one rule, one message", () => {
  it("accepts the fixture", () => {
    expect(messageFor(() => {})).toBe("");
  });

  const cases: [string, (d: DatasetFile) => void, RegExp][] = [
    [
      "schema: missing field",
      (d) => delete (d.events[0] as Partial<DatasetFile["events"][number]>).title,
      /event "soleimani-killed": "title"/,
    ],
    [
      "schema: bad enum",
      (d) => ((d.stances[0] as { type: string }).type = "admire"),
      /stance "turkey-condemns-us-2020": "type"/,
    ],
    [
      "schema: non-kebab id",
      (d) => (d.actors[0]!.id = "Russia"),
      /actor "Russia": "id" must be a kebab-case id/,
    ],
    [
      "schema: unknown field",
      (d) => ((d.quotes[0] as Record<string, unknown>).speakr = "x"),
      /quote "lavrov-defend-support"/,
    ],
    [
      "schema: cameo as number",
      (d) => ((d.events[0] as Record<string, unknown>).cameo = 186),
      /event "soleimani-killed": "cameo"/,
    ],
    [
      "duplicate id",
      (d) => (d.events[1]!.id = "soleimani-killed"),
      /event "soleimani-killed": duplicate id in "id"/,
    ],
    [
      "unknown actor in stance",
      (d) => (d.stances[0]!.from = "rusia"),
      /stance "turkey-condemns-us-2020": unknown actor "rusia" in "from"/,
    ],
    [
      "unknown actor in event targets",
      (d) => (d.events[0]!.targets = ["irn"]),
      /event "soleimani-killed": unknown actor "irn" in "targets\[0\]"/,
    ],
    [
      "unknown speaker",
      (d) => (d.quotes[0]!.speaker = "lavrov"),
      /quote "lavrov-defend-support": unknown actor "lavrov" in "speaker"/,
    ],
    [
      "unknown affiliation",
      (d) => (d.actors[5]!.affiliation = "kremlin"),
      /actor "sergey-lavrov": unknown actor "kremlin" in "affiliation"/,
    ],
    [
      "unknown source",
      (d) => (d.events[0]!.sourceId = "nope"),
      /event "soleimani-killed": unknown source "nope" in "sourceId"/,
    ],
    [
      "unknown event",
      (d) => (d.stances[0]!.eventId = "nope"),
      /stance "turkey-condemns-us-2020": unknown event "nope" in "eventId"/,
    ],
    [
      "unknown episode",
      (d) => (d.events[0]!.episode = "nope"),
      /event "soleimani-killed": unknown episode "nope" in "episode"/,
    ],
    [
      "unknown claim",
      (d) => (d.quotes[0]!.claimId = "nope"),
      /quote "lavrov-defend-support": unknown claim "nope" in "claimId"/,
    ],
    [
      "invalid date",
      (d) => (d.events[0]!.date = "2020-02-30"),
      /event "soleimani-killed": invalid date "2020-02-30" in "date"/,
    ],
    [
      "month precision not on day 01",
      (d) => ((d.events[0]!.datePrecision = "month"), (d.events[0]!.date = "2020-01-03")),
      /month-precision date "2020-01-03" must fall on day 01/,
    ],
    [
      "year precision not on 01-01",
      (d) => (d.events[3]!.date = "2014-03-01"),
      /event "war-2014": year-precision date "2014-03-01"/,
    ],
    [
      "event outside its episode",
      (d) => (d.events[0]!.date = "2020-03-01"),
      /event "soleimani-killed": "date" 2020-03-01 falls outside episode "soleimani-2020"/,
    ],
    [
      "episode ends before it starts",
      (d) => (d.episodes[0]!.end = "2019-12-31"),
      /episode "soleimani-2020": "end" 2019-12-31 is before "start"/,
    ],
    [
      "self affiliation",
      (d) => (d.actors[0]!.affiliation = "russia"),
      /actor "russia": an actor cannot be its own "affiliation"/,
    ],
    [
      "affiliation cycle",
      (d) => (d.actors[6]!.affiliation = "sergey-lavrov"),
      /actor "sergey-lavrov": affiliation cycle sergey-lavrov → russian-foreign-ministry → sergey-lavrov in "affiliation"/,
    ],
    [
      "date outside the supported range",
      (d) => (d.events[3]!.date = "9999-01-01"),
      /event "war-2014": date "9999-01-01" is outside the supported range 1800-01-01 – 2200-12-31 in "date"/,
    ],
  ];
  for (const [rule, mutate, expected] of cases)
    it(`rejects: ${rule}`, () => {
      const message = messageFor(mutate);
      expect(message).toMatch(/^fixture\.json: /);
      expect(message).toMatch(expected);
    });
});

describe("the verbatim rule", () => {
  it("treats typographic and straight quote marks and runs of white space alike", () => {
    const doc = "Lavrov said Russia “had no doubt”\n about   Iran’s response.";
    expect(isVerbatimIn('Russia "had no doubt" about Iran\'s response', doc)).toBe(true);
  });

  it("rejects any other difference: a changed word, an added ellipsis, a fixed typo", () => {
    const doc = "the klling of Soleimani was grossly illegal";
    expect(isVerbatimIn("the killing of Soleimani", doc)).toBe(false);
    expect(isVerbatimIn("the klling … illegal", doc)).toBe(false);
    expect(isVerbatimIn("the klling of Soleimani", doc)).toBe(true);
  });
});
