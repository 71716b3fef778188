import { describe, expect, it } from "vitest";
import {
  filterRecords,
  linkedTo,
  selectActorCounts,
  selectVisible,
  selectVisibleIgnoringYears,
} from "@/lib/select";
import { cachedIn } from "@/lib/util/memo";
import { DEFAULT_VIEW, type ViewState } from "@/lib/view";
import { miniIndex } from "./helpers";

const { index } = miniIndex();
const ids = (records: readonly { id: string }[]) => records.map((r) => r.id).sort();
const view = (patch: Partial<ViewState>): ViewState => ({ ...DEFAULT_VIEW, ...patch });

describe("filter semantics", () => {
  it("the default view shows everything", () => {
    const v = filterRecords(index, DEFAULT_VIEW);
    expect(v.events).toHaveLength(index.data.events.length);
    expect(v.stances).toHaveLength(index.data.stances.length);
    expect(v.quotes).toHaveLength(index.data.quotes.length);
  });

  it("an affiliated person's quote passes when their state is picked (Lavrov → ministry → Russia)", () => {
    const v = filterRecords(index, view({ actors: ["russia"] }));
    expect(ids(v.quotes)).toEqual(["lavrov-defend-support", "ministers-gross-violation"]);
    expect(ids(v.stances)).toEqual(["lavrov-condoles-iran-2020", "russia-supports-iran-2024"]);
  });

  it("picking a person does not pull in the rest of their state", () => {
    const v = filterRecords(index, view({ actors: ["sergey-lavrov"] }));
    expect(ids(v.quotes)).toEqual(["lavrov-defend-support"]);
  });

  it("a record passes when any actor it involves is picked: targets and stance targets too", () => {
    const v = filterRecords(index, view({ actors: ["israel"] }));
    expect(ids(v.events)).toEqual(["iran-attacks-israel", "war-2014"]);
    const us = filterRecords(index, view({ actors: ["united-states"] }));
    expect(ids(us.stances)).toEqual(["turkey-condemns-us-2020"]);
  });

  it("several actors are a union", () => {
    const v = filterRecords(index, view({ actors: ["israel", "turkey"] }));
    expect(ids(v.events)).toEqual(["iran-attacks-israel", "war-2014"]);
    expect(ids(v.stances)).toEqual(["turkey-condemns-us-2020"]);
  });

  it("years are inclusive; year-precision records count in their year", () => {
    expect(ids(filterRecords(index, view({ years: { start: 2014, end: 2014 } })).events)).toEqual([
      "war-2014",
    ]);
    expect(ids(filterRecords(index, view({ years: { start: 2020, end: 2020 } })).stances)).toEqual([
      "lavrov-condoles-iran-2020",
      "turkey-condemns-us-2020",
    ]);
  });

  it("episode narrows to the episode's records; stances and quotes follow their event", () => {
    const v = filterRecords(index, view({ episode: "april-2024" }));
    expect(ids(v.events)).toEqual(["iran-attacks-israel", "lavrov-call-2024"]);
    expect(ids(v.stances)).toEqual(["russia-supports-iran-2024"]);
    expect(ids(v.quotes)).toEqual(["abdollahian-limited-action", "lavrov-defend-support"]);
  });

  it("stance types narrow stances, and events and quotes to those tied to such a stance", () => {
    const v = filterRecords(index, view({ stances: ["condemn"] }));
    expect(ids(v.stances)).toEqual(["turkey-condemns-us-2020"]);
    expect(ids(v.events)).toEqual(["soleimani-killed"]);
    expect(ids(v.quotes)).toEqual(["ministers-gross-violation"]);
  });

  it("the quote search narrows quotes only, case-insensitively", () => {
    const v = filterRecords(index, view({ q: "DEFEND" }));
    expect(ids(v.quotes)).toEqual(["lavrov-defend-support"]);
    expect(v.events).toHaveLength(index.data.events.length);
  });

  it("filters combine as an intersection, and can empty everything", () => {
    const v = filterRecords(index, view({ actors: ["turkey"], episode: "april-2024" }));
    expect(v.events.length + v.stances.length + v.quotes.length).toBe(0);
  });

  it("cross-filtering: ignoreYears leaves the year range out", () => {
    const v = filterRecords(index, view({ years: { start: 2014, end: 2014 } }), { ignoreYears: true });
    expect(v.events).toHaveLength(4);
  });

  it("the selection never filters", () => {
    const v = filterRecords(index, view({ selection: { kind: "actor", id: "turkey" } }));
    expect(v.events).toHaveLength(4);
  });
});

describe("actor counts", () => {
  it("count records under the other filters, including affiliated people's", () => {
    const counts = selectActorCounts(index, view({ actors: ["turkey"], episode: "april-2024" }));
    // april-2024: 2 events, 1 stance, 2 quotes. Russia: the call (Lavrov), the stance, Lavrov's quote.
    expect(counts.get("russia")).toBe(3);
    expect(counts.get("turkey")).toBe(0);
    // Iran: its attack, the call (Amir-Abdollahian), the stance toward it, Amir-Abdollahian's quote.
    expect(counts.get("iran")).toBe(4);
  });
});

describe("linked records of the selection", () => {
  it("an event links its stances, quotes and actors", () => {
    const l = linkedTo(index, { kind: "event", id: "soleimani-killed" });
    expect([...l.stances].sort()).toEqual(["lavrov-condoles-iran-2020", "turkey-condemns-us-2020"]);
    expect([...l.quotes]).toEqual(["ministers-gross-violation"]);
    expect(l.actors.has("turkey")).toBe(true);
    expect(l.active).toBe(true);
  });

  it("an actor links its camp's stances and quotes (Russia → Lavrov)", () => {
    const l = linkedTo(index, { kind: "actor", id: "russia" });
    expect([...l.stances].sort()).toEqual(["lavrov-condoles-iran-2020", "russia-supports-iran-2024"]);
    expect([...l.quotes].sort()).toEqual(["lavrov-defend-support", "ministers-gross-violation"]);
  });

  it("a stance links its actors, its event and that event's quotes by either side", () => {
    const l = linkedTo(index, { kind: "stance", id: "russia-supports-iran-2024" });
    expect([...l.events]).toEqual(["lavrov-call-2024"]);
    expect([...l.quotes].sort()).toEqual(["abdollahian-limited-action", "lavrov-defend-support"]);
  });

  it("a quote links its speaker, its event and the speaker's stances on it", () => {
    const l = linkedTo(index, { kind: "quote", id: "lavrov-defend-support" });
    expect([...l.events]).toEqual(["lavrov-call-2024"]);
    expect([...l.stances]).toEqual(["russia-supports-iran-2024"]);
    expect(l.actors.has("sergey-lavrov")).toBe(true);
  });

  it("no selection, nothing linked", () => {
    expect(linkedTo(index, null).active).toBe(false);
  });
});

describe("memoised selectors", () => {
  it("return the same object while nothing they read changes", () => {
    const a = selectVisible(index, view({ actors: ["russia"] }));
    const b = selectVisible(index, view({ actors: ["russia"], selection: { kind: "actor", id: "iran" } }));
    expect(b).toBe(a);
    expect(selectVisible(index, view({ actors: ["iran"] }))).not.toBe(a);
  });
});

describe("bounded caches", () => {
  it("make a value once per key, and start over at the limit instead of growing", () => {
    const cache = new Map<number, { n: number }>();
    let made = 0;
    const get = (n: number) =>
      cachedIn(
        cache,
        n,
        () => {
          made++;
          return { n };
        },
        3,
      );
    const one = get(1);
    expect(get(1)).toBe(one);
    get(2);
    get(3);
    expect(made).toBe(3);
    expect(cache.size).toBe(3);
    const four = get(4);
    expect(four.n).toBe(4);
    expect(cache.size).toBe(1);
    expect(get(1)).not.toBe(one);
    expect(made).toBe(5);
  });
});

describe("memo keys follow what each selector reads", () => {
  it("the time axis context ignores the year range, so brushing does not recompute it", () => {
    const a = selectVisibleIgnoringYears(
      index,
      view({ episode: "april-2024", years: { start: 2020, end: 2024 } }),
    );
    const b = selectVisibleIgnoringYears(
      index,
      view({ episode: "april-2024", years: { start: 2021, end: 2024 } }),
    );
    expect(b).toBe(a);
  });

  it("actor counts ignore the actor filter, so picking actors does not recompute them", () => {
    const a = selectActorCounts(index, view({ episode: "april-2024" }));
    const b = selectActorCounts(index, view({ episode: "april-2024", actors: ["russia"] }));
    expect(b).toBe(a);
  });
});
