import { describe, expect, it } from "vitest";
import { bindUrl, createViewStore, DEFAULT_VIEW, type HistoryHost } from "@/lib/view";
import { miniIndex } from "./helpers";

const { ctx } = miniIndex();

/** A fake browser history: entries, a pointer, and popstate listeners. */
function fakeHost(search = "") {
  const entries = [search];
  let at = 0;
  const listeners = new Set<() => void>();
  const host: HistoryHost & { entries: string[]; back(): void; forward(): void } = {
    entries,
    location: {
      pathname: "/",
      get search() {
        return entries[at] ?? "";
      },
      hash: "",
    },
    history: {
      pushState(_d, _u, url) {
        entries.splice(at + 1);
        entries.push(url.slice(1));
        at++;
      },
      replaceState(_d, _u, url) {
        entries[at] = url.slice(1);
      },
    },
    addEventListener: (_t, l) => listeners.add(l),
    removeEventListener: (_t, l) => listeners.delete(l),
    back() {
      at--;
      listeners.forEach((l) => l());
    },
    forward() {
      at++;
      listeners.forEach((l) => l());
    },
  };
  return host;
}

describe("view store", () => {
  it("toggles actors and stances canonically", () => {
    const store = createViewStore(DEFAULT_VIEW, ctx);
    store.getState().toggleActor("russia");
    store.getState().toggleActor("iran");
    expect(store.getState().view.actors).toEqual(["iran", "russia"]);
    store.getState().toggleActor("russia");
    expect(store.getState().view.actors).toEqual(["iran"]);
    store.getState().toggleStance("support");
    store.getState().toggleStance("condemn");
    expect(store.getState().view.stances).toEqual(["condemn", "support"]);
  });

  it("clamps years to the span and treats the full span as no filter", () => {
    const store = createViewStore(DEFAULT_VIEW, ctx);
    store.getState().setYears({ start: 1990, end: 2020 });
    expect(store.getState().view.years).toEqual({ start: 2014, end: 2020 });
    store.getState().setYears({ start: 2014, end: 2024 });
    expect(store.getState().view.years).toBeNull();
  });

  it("toggleSelection on the selected record clears it; reset clears everything", () => {
    const store = createViewStore(DEFAULT_VIEW, ctx);
    store.getState().toggleSelection({ kind: "actor", id: "russia" });
    expect(store.getState().view.selection).toEqual({ kind: "actor", id: "russia" });
    store.getState().toggleSelection({ kind: "actor", id: "russia" });
    expect(store.getState().view.selection).toBeNull();
    store.getState().setEpisode("april-2024");
    store.getState().reset();
    expect(store.getState().view).toEqual(DEFAULT_VIEW);
  });

  it("reset clears the filters of an embed but keeps it an embed, with its views", () => {
    const embed = { ...DEFAULT_VIEW, views: ["network" as const], embed: true };
    const store = createViewStore({ ...embed, actors: ["russia"] }, ctx);
    store.getState().reset();
    expect(store.getState().view).toEqual(embed);
  });
});

describe("URL binding", () => {
  it("a discrete change pushes, a continuous one replaces, back and forward restore", () => {
    const host = fakeHost();
    const store = createViewStore(DEFAULT_VIEW, ctx);
    const { unbind } = bindUrl(store, ctx, host);
    store.getState().toggleActor("russia");
    expect(host.entries).toEqual(["", "?actors=russia"]);
    store.getState().setYears({ start: 2020, end: 2024 }); // first change of a drag: push
    store.getState().setYears({ start: 2021, end: 2024 }, true); // the rest of the drag: replace
    store.getState().setYears({ start: 2022, end: 2024 }, true);
    expect(host.entries).toEqual(["", "?actors=russia", "?actors=russia&years=2022-2024"]);
    host.back();
    expect(store.getState().view).toEqual({ ...DEFAULT_VIEW, actors: ["russia"] });
    expect(host.entries).toHaveLength(3); // restoring wrote nothing
    host.back();
    expect(store.getState().view).toEqual(DEFAULT_VIEW);
    host.forward();
    host.forward();
    expect(store.getState().view.years).toEqual({ start: 2022, end: 2024 });
    unbind();
    store.getState().reset();
    expect(host.entries).toHaveLength(3); // unbound: no more writes
  });

  it("a change that leaves the view as it is writes nothing", () => {
    const host = fakeHost();
    const store = createViewStore(DEFAULT_VIEW, ctx);
    bindUrl(store, ctx, host);
    store.getState().setEpisode("nope");
    store.getState().setYears(null);
    expect(host.entries).toEqual([""]);
  });

  /** A `defer` that queues flushes until the test runs them, as a frame would. */
  function manualFrames() {
    const queued: (() => void)[] = [];
    return {
      defer: (flush: () => void) => void queued.push(flush),
      paint: () => queued.splice(0).forEach((f) => f()),
    };
  }

  it("a deferred write waits for its frame, then writes exactly what an immediate one would", () => {
    const host = fakeHost();
    const frames = manualFrames();
    const store = createViewStore(DEFAULT_VIEW, ctx);
    bindUrl(store, ctx, host, frames.defer);
    store.getState().toggleActor("russia");
    expect(host.entries).toEqual([""]); // not inside the frame that shows the change
    frames.paint();
    expect(host.entries).toEqual(["", "?actors=russia"]);
    // Two discrete changes before one frame: still two entries, in order.
    store.getState().setEpisode("april-2024");
    store.getState().setYears({ start: 2020, end: 2024 });
    expect(host.entries).toEqual(["", "?actors=russia", "?actors=russia&episode=april-2024"]);
    frames.paint();
    expect(host.entries).toEqual([
      "",
      "?actors=russia",
      "?actors=russia&episode=april-2024",
      "?actors=russia&years=2020-2024&episode=april-2024",
    ]);
    // A drag: its first change pushes, the rest fold into that one write.
    store.getState().setYears({ start: 2021, end: 2024 });
    store.getState().setYears({ start: 2022, end: 2024 }, true);
    store.getState().setYears({ start: 2023, end: 2024 }, true);
    frames.paint();
    expect(host.entries).toHaveLength(5);
    expect(host.entries[4]).toBe("?actors=russia&years=2023-2024&episode=april-2024");
  });

  it("a waiting write keeps the path it was made on", () => {
    const host = fakeHost();
    const frames = manualFrames();
    const store = createViewStore(DEFAULT_VIEW, ctx);
    bindUrl(store, ctx, host, frames.defer);
    const written: string[] = [];
    const push = host.history.pushState;
    host.history.pushState = (d, u, url) => {
      written.push(url);
      push(d, u, url);
    };
    store.getState().toggleActor("russia");
    host.location.pathname = "/elsewhere";
    frames.paint();
    expect(written).toEqual(["/?actors=russia"]);
  });

  it("flush writes a waiting change at once; back drops it; unbind drops it and stops writing", () => {
    const host = fakeHost();
    const frames = manualFrames();
    const store = createViewStore(DEFAULT_VIEW, ctx);
    const binding = bindUrl(store, ctx, host, frames.defer);
    store.getState().toggleActor("russia");
    binding.flush();
    expect(host.entries).toEqual(["", "?actors=russia"]);
    frames.paint(); // the frame's own flush finds nothing left to write
    expect(host.entries).toEqual(["", "?actors=russia"]);

    store.getState().setEpisode("april-2024");
    host.back(); // before the frame: history as written wins
    expect(store.getState().view).toEqual(DEFAULT_VIEW);
    frames.paint();
    expect(host.entries).toEqual(["", "?actors=russia"]);

    store.getState().toggleActor("iran");
    binding.unbind();
    frames.paint();
    store.getState().reset();
    frames.paint();
    expect(host.entries).toEqual(["", "?actors=russia"]);
  });
});
