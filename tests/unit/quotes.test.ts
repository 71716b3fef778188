import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Quote } from "@/lib/model";
import { filterRecords, isFilterActive } from "@/lib/select";
import {
  groupRowStarts,
  groupQuotesBySpeaker,
  nameSortKey,
  orderSpeakerQuotes,
  prefixOffsets,
  quoteFilterRelief,
  rowAt,
  rowIndex,
  rowOf,
  speakerInitials,
  visibleRange,
} from "@/lib/select/quotes";
import { DEFAULT_VIEW, type ViewState } from "@/lib/view";
import { miniIndex } from "./helpers";

const { index } = miniIndex();
const view = (patch: Partial<ViewState>): ViewState => ({ ...DEFAULT_VIEW, ...patch });

/** A quote with just the fields ordering reads. */
const quote = (id: string, speaker: string, date: string, extra: Partial<Quote> = {}): Quote => ({
  id,
  speaker,
  text: `text of ${id}`,
  date,
  datePrecision: "day",
  sourceId: "aa-2024",
  context: "context",
  ...extra,
});
const ids = (entries: readonly { quote: Quote }[]) => entries.map((e) => e.quote.id);

describe("grouping by speaker", () => {
  it("groups the fixture's quotes by speaker, one group per speaker", () => {
    const groups = groupQuotesBySpeaker(index, index.data.quotes);
    const speakers = new Set(index.data.quotes.map((q) => q.speaker));
    expect(groups.map((g) => g.speaker).sort()).toEqual([...speakers].sort());
    for (const g of groups) for (const e of g.entries) expect(e.quote.speaker).toBe(g.speaker);
    expect(groups.reduce((n, g) => n + g.entries.length, 0)).toBe(index.data.quotes.length);
  });

  it("names each group after its speaker's actor record", () => {
    const groups = groupQuotesBySpeaker(index, index.data.quotes);
    expect(groups.find((g) => g.speaker === "sergey-lavrov")?.name).toBe("Sergey Lavrov");
  });

  it("by date: groups follow the date of their first quote (the 2020 ministry call comes first)", () => {
    const groups = groupQuotesBySpeaker(index, index.data.quotes, "date");
    expect(groups.map((g) => g.speaker)).toEqual([
      "russian-foreign-ministry",
      // Same first date (15 April 2024): the tie falls back to the name.
      "hossein-amir-abdollahian",
      "sergey-lavrov",
    ]);
    expect(groups.map((g) => g.first)).toEqual(["2020-01-03", "2024-04-15", "2024-04-15"]);
  });

  it("by speaker: groups follow the speaker's name", () => {
    const groups = groupQuotesBySpeaker(index, index.data.quotes, "speaker");
    expect(groups.map((g) => g.name)).toEqual([
      "Hossein Amir-Abdollahian",
      "Russian Foreign Ministry",
      "Sergey Lavrov",
    ]);
  });

  it("the first date of a group is its earliest quote, whatever the input order", () => {
    const quotes = [
      quote("b", "sergey-lavrov", "2024-04-15"),
      quote("a", "sergey-lavrov", "2019-01-01"),
      quote("c", "iran", "2020-01-01"),
    ];
    const groups = groupQuotesBySpeaker(index, quotes, "date");
    expect(groups.map((g) => [g.speaker, g.first])).toEqual([
      ["sergey-lavrov", "2019-01-01"],
      ["iran", "2020-01-01"],
    ]);
  });

  it("an unknown speaker still forms a group, named by its id", () => {
    const groups = groupQuotesBySpeaker(index, [quote("x", "nobody-known", "2020-01-01")]);
    expect(groups).toEqual([expect.objectContaining({ speaker: "nobody-known", name: "nobody-known" })]);
  });

  it("no quotes, no groups", () => {
    expect(groupQuotesBySpeaker(index, [])).toEqual([]);
  });
});

describe("order within a speaker", () => {
  it("quotes are in date order; equal dates keep dataset order", () => {
    const quotes = [
      quote("late", "russia", "2025-06-22"),
      quote("same-1", "russia", "2020-01-03"),
      quote("early", "russia", "2006-01-01"),
      quote("same-2", "russia", "2020-01-03"),
    ];
    const entries = orderSpeakerQuotes(quotes);
    expect(ids(entries)).toEqual(["early", "same-1", "same-2", "late"]);
    expect(entries.every((e) => !e.joined)).toBe(true);
  });

  it("a continuation follows the part it continues and is marked joined", () => {
    const quotes = [
      quote("part-2", "russia", "2020-01-03", { continues: "part-1" }),
      quote("other", "russia", "2020-01-03"),
      quote("part-1", "russia", "2020-01-03"),
      quote("part-3", "russia", "2020-01-03", { continues: "part-2" }),
    ];
    const entries = orderSpeakerQuotes(quotes);
    expect(ids(entries)).toEqual(["other", "part-1", "part-2", "part-3"]);
    expect(entries.map((e) => e.joined)).toEqual([false, false, true, true]);
  });

  it("a continuation of a quote that is filtered out stands alone", () => {
    const entries = orderSpeakerQuotes([quote("part-2", "russia", "2020-01-03", { continues: "part-1" })]);
    expect(entries).toEqual([{ quote: expect.objectContaining({ id: "part-2" }), joined: false }]);
  });

  it("a continues cycle loses no quote", () => {
    const quotes = [
      quote("a", "russia", "2020-01-03", { continues: "b" }),
      quote("b", "russia", "2020-01-03", { continues: "a" }),
      quote("self", "russia", "2020-01-04", { continues: "self" }),
    ];
    const entries = orderSpeakerQuotes(quotes);
    expect(ids(entries).sort()).toEqual(["a", "b", "self"]);
  });

  it("a cycle's earliest quote takes its place in date order among the roots", () => {
    const quotes = [
      quote("later", "russia", "2020-01-02"),
      quote("a", "russia", "2020-01-01", { continues: "b" }),
      quote("b", "russia", "2020-01-01", { continues: "a" }),
    ];
    const entries = orderSpeakerQuotes(quotes);
    expect(ids(entries)).toEqual(["a", "b", "later"]);
    expect(entries.map((e) => e.joined)).toEqual([false, true, false]);
  });

  it("property: every quote appears exactly once, in its speaker's group, roots in date order", () => {
    const speakers = ["russia", "iran", "sergey-lavrov"];
    const arb = fc.array(
      fc.record({
        speaker: fc.constantFrom(...speakers),
        day: fc.integer({ min: 1, max: 28 }),
        continues: fc.option(fc.nat({ max: 30 }), { nil: undefined }),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(arb, fc.constantFrom("date" as const, "speaker" as const), (specs, sort) => {
        const quotes = specs.map((s, i) =>
          quote(`q-${i}`, s.speaker, `2020-01-${String(s.day).padStart(2, "0")}`, {
            continues: s.continues === undefined ? undefined : `q-${s.continues}`,
          }),
        );
        const groups = groupQuotesBySpeaker(index, quotes, sort);
        const seen = groups.flatMap((g) => ids(g.entries));
        expect(seen.slice().sort()).toEqual(quotes.map((q) => q.id).sort());
        for (const g of groups) {
          const roots = g.entries.filter((e) => !e.joined).map((e) => e.quote.date);
          expect(roots).toEqual(roots.slice().sort());
          g.entries.forEach((e, i) => {
            expect(e.quote.speaker).toBe(g.speaker);
            if (e.joined)
              expect(e.quote.continues).toBe(
                ids(g.entries).find((id, k) => k < i && id === e.quote.continues),
              );
          });
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe("name order", () => {
  it("folds case and accents, and orders numbers by value", () => {
    const names = ["state 10", "Émile", "State 9", "emile b", "Zed", "abc"];
    const sorted = names
      .map((name, i) => ({ name, key: nameSortKey(index, `x-${i}`, name) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map((x) => x.name);
    expect(sorted).toEqual(["abc", "Émile", "emile b", "State 9", "state 10", "Zed"]);
  });

  it("sorting speakers by name never depends on the input order", () => {
    const quotes = index.data.quotes;
    const a = groupQuotesBySpeaker(index, quotes, "speaker").map((g) => g.speaker);
    const b = groupQuotesBySpeaker(index, quotes.slice().reverse(), "speaker").map((g) => g.speaker);
    expect(b).toEqual(a);
  });
});

describe("speaker initials", () => {
  it.each([
    ["Sergey Lavrov", "SL"],
    ["Vladimir Putin", "VP"],
    ["Hossein Amir-Abdollahian", "HA"],
    ["Russian Foreign Ministry", "RM"],
    ["Ministry of Foreign Affairs of the Russian Federation", "MF"],
    ["Iran", "IR"],
    ["Hamas representative in Lebanon (unnamed)", "HL"],
    ["", "?"],
  ])("%s → %s", (name, initials) => {
    expect(speakerInitials(name)).toBe(initials);
  });
});

describe("which filters emptied the quotes", () => {
  it("lists each active filter with the quotes its removal brings back", () => {
    const v = view({ actors: ["turkey"], episode: "april-2024" });
    expect(filterRecords(index, v).quotes).toHaveLength(0);
    expect(quoteFilterRelief(index, v)).toEqual([
      { key: "actors", quotes: filterRecords(index, view({ episode: "april-2024" })).quotes.length },
      { key: "episode", quotes: 0 },
    ]);
  });

  it("a search that matches nothing is named too", () => {
    const relief = quoteFilterRelief(index, view({ q: "no such words" }));
    expect(relief).toEqual([{ key: "q", quotes: index.data.quotes.length }]);
  });

  it("the default view has no active filter", () => {
    expect(quoteFilterRelief(index, DEFAULT_VIEW)).toEqual([]);
    expect(isFilterActive(view({ years: { start: 2020, end: 2020 } }), "years")).toBe(true);
    expect(isFilterActive(view({ stances: ["condemn"] }), "stances")).toBe(true);
  });
});

describe("windowing math", () => {
  it("row starts: each group is a header row followed by its quote rows", () => {
    const groups = groupQuotesBySpeaker(index, index.data.quotes, "speaker");
    const starts = groupRowStarts(groups);
    expect([...starts]).toEqual([0, 2, 4, 6]);
    expect(rowOf(starts, 0)).toEqual({ group: 0, entry: -1 });
    expect(rowOf(starts, 1)).toEqual({ group: 0, entry: 0 });
    expect(rowOf(starts, 2)).toEqual({ group: 1, entry: -1 });
    expect(rowOf(starts, 5)).toEqual({ group: 2, entry: 0 });
    for (let row = 0; row < starts[groups.length]!; row++) {
      const { group, entry } = rowOf(starts, row);
      expect(rowIndex(starts, group, entry)).toBe(row);
    }
    expect([...groupRowStarts([])]).toEqual([0]);
  });

  it("prefix offsets sum the heights (negative heights count as zero)", () => {
    expect([...prefixOffsets([10, 20, -5, 30])]).toEqual([0, 10, 30, 30, 60]);
    expect([...prefixOffsets([])]).toEqual([0]);
  });

  it("rowAt finds the row under an offset", () => {
    const offsets = prefixOffsets([10, 20, 30]);
    expect([0, 9, 10, 29, 30, 59, 60, 1000, -5].map((y) => rowAt(offsets, y))).toEqual([
      0, 0, 1, 1, 2, 2, 2, 2, 0,
    ]);
  });

  it("the visible range covers the rows overlapping the viewport, widened by the overscan", () => {
    const offsets = prefixOffsets(Array.from({ length: 100 }, () => 50));
    expect(visibleRange(offsets, 0, 200)).toEqual({ start: 0, end: 4 });
    expect(visibleRange(offsets, 25, 200)).toEqual({ start: 0, end: 5 });
    expect(visibleRange(offsets, 1000, 200, 100)).toEqual({ start: 18, end: 26 });
    expect(visibleRange(offsets, 4900, 200)).toEqual({ start: 98, end: 100 });
    expect(visibleRange(prefixOffsets([]), 0, 200)).toEqual({ start: 0, end: 0 });
  });

  it("property: the range always holds every row on screen, and only a bounded number of rows", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 20, max: 400 }), { minLength: 1, maxLength: 500 }),
        fc.nat({ max: 200_000 }),
        fc.integer({ min: 100, max: 1200 }),
        (heights, scroll, viewport) => {
          const offsets = prefixOffsets(heights);
          const total = offsets[heights.length]!;
          const scrollTop = Math.min(scroll, Math.max(0, total - viewport));
          const { start, end } = visibleRange(offsets, scrollTop, viewport);
          for (let i = 0; i < heights.length; i++) {
            const onScreen = offsets[i]! < scrollTop + viewport && offsets[i + 1]! > scrollTop;
            if (onScreen) expect(i >= start && i < end).toBe(true);
          }
          // Rows are at least 20 px: at most viewport / 20 + 2 of them can touch the viewport.
          expect(end - start).toBeLessThanOrEqual(Math.ceil(viewport / 20) + 2);
        },
      ),
    );
  });
});
