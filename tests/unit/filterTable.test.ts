import { describe, expect, it } from "vitest";
import {
  activeFilters,
  FILTER_ROWS,
  filterMemoKey,
  FILTERS,
  isFilterActive,
  REMOVABLE,
  selectActorCountsView,
} from "@/lib/select";
import { createViewStore, DEFAULT_VIEW, type ViewState } from "@/lib/view";
import { miniIndex } from "./helpers";

const { index, ctx } = miniIndex();
const view = (patch: Partial<ViewState>): ViewState => ({ ...DEFAULT_VIEW, ...patch });

// Every part set at once, with names read from tests/fixtures/mini.json: the episode "april-2024" is
// labelled "Damascus & April 2024", the stance "turkey-condemns-us-2020" is Turkey's against the United States.
const everything = view({
  actors: ["russia", "sergey-lavrov"],
  years: { start: 2020, end: 2024 },
  episode: "april-2024",
  stances: ["condemn", "support"],
  q: "defend",
  provenance: "reports",
  selection: { kind: "stance", id: "turkey-condemns-us-2020" },
});

describe("the filter table", () => {
  it("lists the filters in the summary's order, then the selection", () => {
    expect(FILTERS.map((r) => r.key)).toEqual(["actors", "years", "episode", "stances", "q", "provenance"]);
    expect(REMOVABLE.map((r) => r.key)).toEqual([
      "actors",
      "years",
      "episode",
      "stances",
      "q",
      "provenance",
      "selection",
    ]);
  });

  it("nothing is active in the default view", () => {
    for (const row of REMOVABLE) expect(row.isActive(DEFAULT_VIEW)).toBe(false);
    expect(activeFilters(DEFAULT_VIEW)).toEqual([]);
  });

  it("each part is active exactly when it is set", () => {
    expect(isFilterActive(view({ actors: ["iran"] }), "actors")).toBe(true);
    expect(isFilterActive(view({ years: { start: 2020, end: 2020 } }), "years")).toBe(true);
    expect(isFilterActive(view({ episode: "soleimani-2020" }), "episode")).toBe(true);
    expect(isFilterActive(view({ stances: ["warn"] }), "stances")).toBe(true);
    expect(isFilterActive(view({ q: "x" }), "q")).toBe(true);
    expect(isFilterActive(view({ provenance: "reports" }), "provenance")).toBe(true);
    expect(isFilterActive(view({ provenance: null }), "provenance")).toBe(false);
    expect(isFilterActive(view({ selection: { kind: "actor", id: "iran" } }), "selection")).toBe(true);
    expect(activeFilters(view({ episode: "soleimani-2020", q: "x" })).map((r) => r.key)).toEqual([
      "episode",
      "q",
    ]);
    // The selection highlights; it is not one of the filters.
    expect(activeFilters(view({ selection: { kind: "actor", id: "iran" } }))).toEqual([]);
  });

  it("the summary chips' titles and values", () => {
    expect(REMOVABLE.map((r) => `${r.title}: ${r.value(index, everything)}`)).toEqual([
      "Actors: Russia, Sergey Lavrov",
      "Years: 2020–2024",
      "Episode: Damascus & April 2024",
      "Stances: Condemn, Support",
      "Search: “defend”",
      "Provenance: only what the reports state",
      "Focus: stance “Turkey condemns the United States”",
    ]);
  });

  it("the empty states' phrases", () => {
    expect(FILTERS.map((r) => r.phrase(index, everything))).toEqual([
      "the actor filter (Russia, Sergey Lavrov)",
      "the years 2020–2024",
      "the episode “Damascus & April 2024”",
      "the stance types (Condemn, Support)",
      "the search “defend”",
      "the filter to only what the reports state",
    ]);
    expect(FILTER_ROWS.years.phrase(index, view({ years: { start: 2016, end: 2016 } }))).toBe(
      "the years 2016",
    );
  });

  it("clearing every part gives the default view", () => {
    const cleared = { ...everything };
    for (const row of REMOVABLE) Object.assign(cleared, { [row.key]: row.cleared });
    expect(cleared).toEqual(DEFAULT_VIEW);
  });

  it("the store's clearFilter removes what the table says, one part at a time", () => {
    const store = createViewStore(everything, ctx);
    store.getState().clearFilter("years");
    expect(store.getState().view).toEqual({ ...everything, years: null });
    store.getState().clearFilter("selection");
    expect(store.getState().view).toEqual({ ...everything, years: null, selection: null });
    store.getState().clearFilter("actors");
    expect(store.getState().view.actors).toEqual([]);
    store.getState().clearFilter("provenance");
    expect(store.getState().view.provenance).toBeNull();
    expect(store.getState().view.q).toBe("defend");
  });
});

describe("memo keys read the table", () => {
  it("one part per filter, in order; the selection is not part of it", () => {
    expect(filterMemoKey()(everything)).toBe(
      "russia,sergey-lavrov|2020-2024|april-2024|condemn,support|defend|reports",
    );
    expect(filterMemoKey()(DEFAULT_VIEW)).toBe("|||||");
  });

  it("a left-out filter leaves its part empty", () => {
    expect(filterMemoKey({ ignoreYears: true })(everything)).toBe(
      "russia,sergey-lavrov||april-2024|condemn,support|defend|reports",
    );
    expect(filterMemoKey({ ignoreActors: true })(everything)).toBe(
      "|2020-2024|april-2024|condemn,support|defend|reports",
    );
  });

  it("the actor counts' view: every filter but the actors, one object while those stay put", () => {
    const a = selectActorCountsView(index, everything);
    expect(a).toEqual({
      actors: [],
      years: { start: 2020, end: 2024 },
      episode: "april-2024",
      stances: ["condemn", "support"],
      q: "defend",
      provenance: "reports",
    });
    const other: ViewState = { ...everything, actors: ["iran"], selection: null };
    expect(selectActorCountsView(index, other)).toBe(a);
    expect(selectActorCountsView(index, { ...everything, q: "other" })).not.toBe(a);
  });
});
