// The provenance filter ("only what the reports state") and the helpers that word a record's outside facts,
// over tests/fixtures/mini.json with `outside` added here to a few records (the fixture itself has none).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { indexDataset } from "@/lib/data";
import { validateDataset } from "@/lib/data/validateDataset";
import type { DatasetFile } from "@/lib/model";
import { fromOutside, outsideFacts, outsideLine } from "@/lib/model/provenance";
import { buildGraph, filterRecords, FILTER_ROWS, groupQuotesBySpeaker, selectVisible } from "@/lib/select";
import { createViewStore, DEFAULT_VIEW, parseContextOf, type ViewState } from "@/lib/view";

const DATE_NOTE = "date from other reporting: 3 or 4 Jan 2020";

/** mini.json, with outside facts on one event, one stance and one quote, and an inferred publisher. */
function fixture(): DatasetFile {
  const data = JSON.parse(readFileSync("tests/fixtures/mini.json", "utf8")) as DatasetFile;
  const outside = (field: "date" | "targets" | "publisher", note: string) => [{ field, note }];
  data.events.find((e) => e.id === "lavrov-call-2024")!.outside = outside("date", DATE_NOTE);
  data.stances.find((s) => s.id === "turkey-condemns-us-2020")!.outside = outside(
    "targets",
    "target from other reporting",
  );
  data.quotes.find((q) => q.id === "abdollahian-limited-action")!.outside = outside("date", DATE_NOTE);
  // A source's inferred publisher is shown with the source; it does not mark the records citing it.
  data.sources.find((s) => s.id === "soleimani-report")!.outside = outside("publisher", "publisher inferred");
  return data;
}

const data = fixture();
const index = indexDataset(data);
const ctx = parseContextOf(index);
const view = (patch: Partial<ViewState>): ViewState => ({ ...DEFAULT_VIEW, ...patch });
const ids = (records: readonly { id: string }[]) => records.map((r) => r.id);
const reportsOnly = view({ provenance: "reports" });

describe("the fixture", () => {
  it("is a valid dataset with its outside facts", () => {
    expect(() => validateDataset(data, "mini+outside")).not.toThrow();
  });
});

describe("only what the reports state", () => {
  it("hides every event, stance and quote whose own `outside` is non-empty, in dataset order", () => {
    const v = filterRecords(index, reportsOnly);
    expect(ids(v.events)).toEqual(["soleimani-killed", "iran-attacks-israel", "war-2014"]);
    expect(ids(v.stances)).toEqual(["lavrov-condoles-iran-2020", "russia-supports-iran-2024"]);
    expect(ids(v.quotes)).toEqual(["lavrov-defend-support", "ministers-gross-violation"]);
  });

  it("keeps the records citing a source whose publisher was inferred", () => {
    const v = filterRecords(index, reportsOnly);
    expect(ids(v.events)).toContain("soleimani-killed");
    expect(ids(v.quotes)).toContain("ministers-gross-violation");
  });

  it("shows everything without it", () => {
    const v = filterRecords(index, DEFAULT_VIEW);
    expect([v.events.length, v.stances.length, v.quotes.length]).toEqual([4, 3, 3]);
  });

  it("combines with the other filters", () => {
    const v = filterRecords(index, view({ provenance: "reports", episode: "april-2024" }));
    expect(ids(v.events)).toEqual(["iran-attacks-israel"]);
    expect(ids(v.stances)).toEqual(["russia-supports-iran-2024"]);
    expect(ids(v.quotes)).toEqual(["lavrov-defend-support"]);
    const byActor = filterRecords(index, view({ provenance: "reports", actors: ["turkey"] }));
    expect(ids(byActor.stances)).toEqual([]);
  });

  it("the network loses the outside stance's edge, the quote panel the outside quote", () => {
    const all = buildGraph(index, selectVisible(index, DEFAULT_VIEW).stances);
    const visible = selectVisible(index, reportsOnly);
    const graph = buildGraph(index, visible.stances);
    expect(all.edgeOfStance.has("turkey-condemns-us-2020")).toBe(true);
    expect(graph.edgeOfStance.has("turkey-condemns-us-2020")).toBe(false);
    expect(graph.nodeById.has("turkey")).toBe(false);
    const quoted = groupQuotesBySpeaker(index, visible.quotes, "date", visible.positions.quotes)
      .flatMap((g) => g.entries)
      .map((e) => e.quote.id);
    expect(quoted).not.toContain("abdollahian-limited-action");
    expect(quoted.sort()).toEqual(["lavrov-defend-support", "ministers-gross-violation"]);
  });

  it("the store sets and clears it; only `reports` is a value", () => {
    const store = createViewStore(DEFAULT_VIEW, ctx);
    store.getState().setProvenance("reports");
    expect(store.getState().view.provenance).toBe("reports");
    expect(store.getState().historyMode).toBe("push");
    store.getState().setProvenance(null);
    expect(store.getState().view.provenance).toBeNull();
    store.getState().setProvenance("reports");
    store.getState().clearFilter("provenance");
    expect(store.getState().view).toEqual(DEFAULT_VIEW);
  });

  it("its chip and empty-state wording", () => {
    const row = FILTER_ROWS.provenance;
    expect(row.title).toBe("Provenance");
    expect(row.value(index, reportsOnly)).toBe("only what the reports state");
    expect(row.phrase(index, reportsOnly)).toBe("the filter to only what the reports state");
    expect(row.memoKey(reportsOnly)).toBe("reports");
    expect(row.memoKey(DEFAULT_VIEW)).toBe("");
    expect(row.cleared).toBeNull();
  });
});

describe("outside facts as a reader reads them", () => {
  it("a record is from outside the reports when its own list is non-empty", () => {
    expect(fromOutside(index.eventById.get("lavrov-call-2024"))).toBe(true);
    expect(fromOutside(index.eventById.get("soleimani-killed"))).toBe(false);
    expect(fromOutside({ outside: [] })).toBe(false);
    expect(fromOutside(undefined)).toBe(false);
  });

  it("labels each fact, without repeating the field word the note starts with", () => {
    expect(outsideFacts(index.eventById.get("lavrov-call-2024"))).toEqual([
      { label: "Date", note: "from other reporting: 3 or 4 Jan 2020" },
    ]);
    expect(outsideFacts(index.stanceById.get("turkey-condemns-us-2020"))).toEqual([
      { label: "Targets", note: "target from other reporting" },
    ]);
    expect(
      outsideFacts({ outside: [{ field: "publisher", note: "inferred from the page template" }] }),
    ).toEqual([{ label: "Publisher", note: "inferred from the page template" }]);
    expect(outsideFacts(index.eventById.get("soleimani-killed"))).toEqual([]);
  });

  it("one line of notes for tooltips and tables", () => {
    expect(outsideLine(index.eventById.get("lavrov-call-2024"))).toBe(DATE_NOTE);
    expect(
      outsideLine({
        outside: [
          { field: "date", note: "a" },
          { field: "targets", note: "b" },
        ],
      }),
    ).toBe("a; b");
  });
});
