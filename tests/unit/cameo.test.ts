// The stance vocabulary and the event kinds mapped to CAMEO (and PLOVER), as data/README.md gives them. The
// tables below are written from the README by hand, not imported from code: every record's `cameo` must be
// one its type allows, and the README's own tables must say the same as these.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadDataset } from "@/lib/data/loadDataset";
import { EVENT_KINDS, STANCE_TYPES } from "@/lib/model";

const dataset = loadDataset(path.resolve("data/escalations.json"));
const readme = readFileSync(path.resolve("data/README.md"), "utf8");

/** data/README.md, "Stance types": the CAMEO codes each type allows, and its PLOVER categories. */
const STANCE_CAMEO: Record<string, { cameo: string[]; plover: string[] }> = {
  condemn: { cameo: ["111"], plover: ["ACCUSE"] },
  criticize: { cameo: ["111", "112", "1123"], plover: ["ACCUSE"] },
  protest: { cameo: ["114"], plover: ["ACCUSE"] },
  support: {
    cameo: ["030", "032", "033", "0331", "039", "051", "062", "070", "071", "072"],
    plover: ["AGREE", "SUPPORT", "COOPERATE", "AID"],
  },
  defend: { cameo: ["052"], plover: ["SUPPORT"] },
  praise: { cameo: ["051"], plover: ["SUPPORT"] },
  celebrate: { cameo: ["051"], plover: ["SUPPORT"] },
  thank: { cameo: ["051"], plover: ["SUPPORT"] },
  condole: { cameo: ["018"], plover: [] },
  designate: { cameo: ["172"], plover: ["COERCE"] },
  dispute: { cameo: ["110"], plover: ["ACCUSE"] },
  warn: { cameo: ["012"], plover: [] },
  threaten: { cameo: ["138"], plover: ["THREATEN"] },
};

/** data/README.md, "Event kinds": the CAMEO codes each kind allows. */
const EVENT_CAMEO: Record<string, string[]> = {
  strike: ["186", "190", "195"],
  statement: ["010", "012", "051", "111", "112", "138", "150", "0256"],
  call: ["041"],
  meeting: ["042", "043", "044"],
  condemnation: ["111", "112"],
  protest: ["114"],
  designation: [],
  "fact-check": ["110"],
  agreement: ["057"],
  aid: ["071", "072"],
  interception: ["171"],
};

/**
 * The PLOVER category of each CAMEO code used above, from the Open Event Data Alliance's CAMEO-to-PLOVER
 * table (CAMEO2PLOVER-2021.txt). CAMEO's 01 (public statements) has no PLOVER category.
 */
const PLOVER_OF: Record<string, string | null> = {
  "012": null,
  "018": null,
  "030": "AGREE",
  "032": "AGREE",
  "033": "AGREE",
  "0331": "AGREE",
  "039": "AGREE",
  "051": "SUPPORT",
  "052": "SUPPORT",
  "062": "COOPERATE",
  "070": "AID",
  "071": "AID",
  "072": "AID",
  "110": "ACCUSE",
  "111": "ACCUSE",
  "112": "ACCUSE",
  "1123": "ACCUSE",
  "114": "ACCUSE",
  "138": "THREATEN",
  "172": "COERCE",
};

/** The rows of the README table whose header row starts with `| <first> |`: first cell → the other cells. */
function readmeTable(first: string): Map<string, string[]> {
  const lines = readme.split("\n");
  const start = lines.findIndex((l) => new RegExp(`^\\|\\s*${first}\\s*\\|`).test(l));
  expect(start, `a table headed "${first}" in data/README.md`).toBeGreaterThanOrEqual(0);
  const header = lines[start]!.split("|").map((c) => c.trim());
  const rows = new Map<string, string[]>();
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith("|")) break;
    const cells = line.split("|").map((c) => c.trim());
    rows.set(cells[1]!.replace(/`/g, ""), cells);
  }
  rows.set("", header);
  return rows;
}
const codesIn = (cell: string) => [...cell.matchAll(/`(\d{2,4})`/g)].map((m) => m[1]!);
const column = (table: Map<string, string[]>, name: string) => table.get("")!.indexOf(name);

describe("stance types → CAMEO", () => {
  it("the table covers the whole stance vocabulary", () => {
    expect(Object.keys(STANCE_CAMEO).sort()).toEqual([...STANCE_TYPES].sort());
  });

  it.each(dataset.stances.map((s) => [s.id, s.type, s.cameo] as const))(
    "stance %s (%s) carries a CAMEO code its type allows (%s)",
    (_id, type, cameo) => {
      expect(STANCE_CAMEO[type]!.cameo).toContain(cameo);
    },
  );

  it("data/README.md's stance-type table lists the same CAMEO codes and PLOVER categories", () => {
    const table = readmeTable("type");
    const cameo = column(table, "CAMEO codes");
    const plover = column(table, "PLOVER");
    expect(cameo).toBeGreaterThan(0);
    expect(plover).toBeGreaterThan(0);
    for (const [type, { cameo: codes, plover: categories }] of Object.entries(STANCE_CAMEO)) {
      const row = table.get(type);
      expect(row, `README row for ${type}`).toBeDefined();
      expect(codesIn(row![cameo]!).sort(), type).toEqual([...codes].sort());
      const named = row![plover]!.match(/\b[A-Z]{3,}\b/g) ?? [];
      expect(named.sort(), type).toEqual([...categories].sort());
    }
  });

  it("each type's PLOVER categories are those of its CAMEO codes", () => {
    for (const [type, { cameo, plover }] of Object.entries(STANCE_CAMEO)) {
      const mapped = new Set(cameo.map((c) => PLOVER_OF[c]).filter((p): p is string => p !== null));
      expect([...mapped].sort(), type).toEqual([...plover].sort());
    }
  });
});

describe("event kinds → CAMEO", () => {
  it("the table covers every event kind", () => {
    expect(Object.keys(EVENT_CAMEO).sort()).toEqual([...EVENT_KINDS].sort());
  });

  it.each(dataset.events.map((e) => [e.id, e.kind, e.cameo] as const))(
    "event %s (%s) carries a CAMEO code its kind allows (%s)",
    (_id, kind, cameo) => {
      expect(EVENT_CAMEO[kind]).toContain(cameo);
    },
  );

  it("data/README.md's event-kind table lists the same CAMEO codes", () => {
    const table = readmeTable("kind");
    const cameo = column(table, "CAMEO codes");
    expect(cameo).toBeGreaterThan(0);
    for (const [kind, codes] of Object.entries(EVENT_CAMEO))
      expect(codesIn(table.get(kind)![cameo]!).sort(), kind).toEqual([...codes].sort());
  });
});
