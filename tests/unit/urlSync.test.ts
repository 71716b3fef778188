import { describe, expect, it } from "vitest";
import { bindUrl, createViewStore, parseViewState, type HistoryHost } from "@/lib/view";
import { miniIndex } from "./helpers";

const { ctx } = miniIndex();

/** A browser history that records every write, opened on `search`. */
function recordingHost(search: string, hash = "") {
  const writes: { mode: "push" | "replace"; url: string }[] = [];
  const location = { pathname: "/", search, hash };
  const host: HistoryHost = {
    location,
    history: {
      pushState: (_d, _u, url) => void writes.push({ mode: "push", url }),
      replaceState(_d, _u, url) {
        writes.push({ mode: "replace", url });
        const query = url.split("#")[0]!.split("?")[1];
        location.search = query ? `?${query}` : "";
      },
    },
    addEventListener: () => {},
    removeEventListener: () => {},
  };
  return { host, writes };
}

/** Binds a store seeded the way the page seeds it: with the view parsed from the same URL. */
function bindOn(search: string, hash = "") {
  const { host, writes } = recordingHost(search, hash);
  const store = createViewStore(parseViewState(new URLSearchParams(search), ctx).state, ctx);
  const binding = bindUrl(store, ctx, host);
  return { store, writes, binding };
}

describe("the URL of a link with ignored values", () => {
  it("is replaced once by the view's own URL, never pushed", () => {
    const { writes } = bindOn("?actors=russia,nope&toString=1");
    expect(writes).toEqual([{ mode: "replace", url: "/?actors=russia" }]);
  });

  it("keeps the hash, and becomes the bare path when nothing in it was usable", () => {
    expect(bindOn("?toString=1&constructor=x", "#quotes").writes).toEqual([
      { mode: "replace", url: "/#quotes" },
    ]);
  });

  it("drops a repeated key's second value", () => {
    expect(bindOn("?episode=april-2024&episode=soleimani-2020").writes).toEqual([
      { mode: "replace", url: "/?episode=april-2024" },
    ]);
  });

  it("is left alone when every value was used, even in another order than the page writes", () => {
    expect(bindOn("").writes).toEqual([]);
    expect(bindOn("?actors=russia").writes).toEqual([]);
    expect(bindOn("?episode=april-2024&actors=russia").writes).toEqual([]);
  });

  it("is rewritten once: later changes push as before", () => {
    const { store, writes } = bindOn("?actors=nope");
    store.getState().toggleActor("iran");
    expect(writes).toEqual([
      { mode: "replace", url: "/" },
      { mode: "push", url: "/?actors=iran" },
    ]);
  });
});
