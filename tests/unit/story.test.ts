import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { indexDataset } from "@/lib/data";
import { DatasetError } from "@/lib/data/DatasetError";
import { loadDataset } from "@/lib/data/loadDataset";
import type { DatasetFile } from "@/lib/model";
import { checkStory } from "@/lib/story/check";
import { STEP_VIEW_KEYS } from "@/lib/story/schema";
import { loadStories } from "@/lib/story/load";
import { captionParts, captionText, stepJson, withStories, type Story } from "@/lib/story/steps";
import {
  createViewStore,
  DEFAULT_VIEW,
  describeIgnored,
  parseContextOf,
  parseViewState,
  serializeViewState,
  type ViewState,
} from "@/lib/view";
import { miniIndex } from "./helpers";

const { index, ctx: plain } = miniIndex();
const fixture = JSON.parse(readFileSync("tests/fixtures/stories/mini.json", "utf8")) as Story;
const ctx = withStories(plain, [fixture]);
const read = (query: string) => parseViewState(new URLSearchParams(query), ctx);

/** A story folder in a temporary directory holding the given files. */
function folder(files: Record<string, unknown>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "stories-"));
  for (const [name, body] of Object.entries(files))
    writeFileSync(path.join(dir, name), typeof body === "string" ? body : JSON.stringify(body));
  return dir;
}

/** The fixture with one step's field replaced. */
function withStep(i: number, patch: Record<string, unknown>) {
  return { ...fixture, steps: fixture.steps.map((s, j) => (j === i ? { ...s, ...patch } : s)) };
}

describe("a story step in the URL", () => {
  it("applies the step's view: its filters, selection and views (written from the fixture file)", () => {
    const { state, ignored } = read("story=mini-two-episodes&step=1");
    expect(ignored).toEqual([]);
    expect(state).toEqual({
      ...DEFAULT_VIEW,
      episode: "soleimani-2020",
      actors: ["turkey", "united-states"],
      selection: { kind: "stance", id: "turkey-condemns-us-2020" },
      story: "mini-two-episodes",
      step: 1,
    });
    expect(read("story=mini-two-episodes&step=2").state).toEqual({
      ...DEFAULT_VIEW,
      years: { start: 2024, end: 2024 },
      stances: ["support"],
      views: ["timeline", "quotes"],
      story: "mini-two-episodes",
      step: 2,
    });
  });

  it("opens a story without a step on its first, and drops a step past its end or without a story", () => {
    expect(read("story=mini-two-episodes").state.step).toBe(1);
    const past = read("story=mini-two-episodes&step=9");
    expect(past.state.step).toBe(1);
    expect(past.ignored).toEqual([{ key: "step", value: "9", reason: "the story has 3 steps" }]);
    expect(describeIgnored(past.ignored)).toBe('Ignored step "9" (the story has 3 steps) in the link.');
    const alone = read("step=2&actors=iran");
    expect(alone.state).toEqual({ ...DEFAULT_VIEW, actors: ["iran"] });
    expect(alone.ignored).toEqual([{ key: "step", value: "2", reason: "no story is named" }]);
    const unknown = read("story=nope&step=2");
    expect(unknown.state).toEqual(DEFAULT_VIEW);
    expect(unknown.ignored.map((i) => i.key)).toEqual(["story", "step"]);
    for (const bad of ["0", "-1", "1.5", "x", "99999"])
      expect(read(`story=mini-two-episodes&step=${bad}`).state.step).toBe(1);
  });

  it("keeps a link's own selection and views, and ignores (saying why) filters a step sets", () => {
    const own = read("story=mini-two-episodes&step=1&focus=actor:turkey&views=network");
    expect(own.state.selection).toEqual({ kind: "actor", id: "turkey" });
    expect(own.state.views).toEqual(["network"]);
    const clash = read("story=mini-two-episodes&step=1&actors=iran");
    expect(clash.state.actors).toEqual(["turkey", "united-states"]);
    expect(clash.ignored).toEqual([{ key: "actors", value: "iran", reason: "the story's step sets it" }]);
  });

  it("writes a step as story and step alone, adding focus and views only where the reader's differ", () => {
    const step1 = read("story=mini-two-episodes&step=1").state;
    expect(serializeViewState(step1, ctx)).toBe("story=mini-two-episodes&step=1");
    expect(serializeViewState({ ...step1, selection: { kind: "actor", id: "turkey" } }, ctx)).toBe(
      "focus=actor:turkey&story=mini-two-episodes&step=1",
    );
    expect(serializeViewState({ ...step1, embed: true }, ctx)).toBe("embed=1&story=mini-two-episodes&step=1");
    // A view that has left the step's filters is written in full, without the story.
    expect(serializeViewState({ ...step1, actors: ["iran"] }, ctx)).toBe(
      "actors=iran&episode=soleimani-2020&focus=stance:turkey-condemns-us-2020",
    );
    // A cleared selection where the step has one is the reader's: `focus=none`.
    expect(serializeViewState({ ...step1, selection: null }, ctx)).toBe(
      "focus=none&story=mini-two-episodes&step=1",
    );
  });

  it("round-trips any view inside a story (property)", () => {
    const arb = fc
      .record({
        step: fc.integer({ min: 1, max: 3 }),
        focus: fc.option(
          fc.constantFrom("actor:russia", "event:war-2014", "quote:ministers-gross-violation"),
        ),
        embed: fc.boolean(),
      })
      .map(({ step, focus, embed }) => {
        const base = read(`story=mini-two-episodes&step=${step}`).state;
        const [kind, id] = focus ? focus.split(":") : [];
        return {
          ...base,
          embed,
          selection: kind ? ({ kind, id } as ViewState["selection"]) : base.selection,
        };
      });
    fc.assert(
      fc.property(arb, (state) => {
        const back = read(serializeViewState(state, ctx));
        expect(back.ignored).toEqual([]);
        expect(back.state).toEqual(state);
      }),
      { numRuns: 300 },
    );
  });
});

describe("the store in a story", () => {
  it("steps, clamps, leaves the story on a filter change, and keeps it for a selection", () => {
    const store = createViewStore(read("story=mini-two-episodes&step=1").state, ctx);
    store.getState().showStep("mini-two-episodes", 2);
    expect(store.getState().view).toMatchObject({
      story: "mini-two-episodes",
      step: 2,
      stances: ["support"],
    });
    expect(store.getState().view.actors).toEqual([]);
    store.getState().showStep("mini-two-episodes", 40);
    expect(store.getState().view.step).toBe(3);
    store.getState().showStep("nope", 1);
    expect(store.getState().view.story).toBe("mini-two-episodes");
    store.getState().setSelection({ kind: "actor", id: "iran" });
    expect(store.getState().view).toMatchObject({ story: "mini-two-episodes", step: 3 });
    store.getState().toggleActor("russia");
    expect(store.getState().view).toMatchObject({
      story: null,
      step: null,
      actors: ["russia"],
      selection: { kind: "actor", id: "iran" },
    });
  });

  it("the reader may switch the network's form inside a step: the story stays, the URL says the switch", () => {
    const store = createViewStore(read("story=mini-two-episodes&step=1").state, ctx);
    store.getState().setNetworkForm("matrix");
    expect(store.getState().view).toMatchObject({
      networkForm: "matrix",
      story: "mini-two-episodes",
      step: 1,
    });
    expect(serializeViewState(store.getState().view, ctx)).toBe(
      "network=matrix&story=mini-two-episodes&step=1",
    );
    store.getState().setCompare("episodes");
    expect(serializeViewState(store.getState().view, ctx)).toBe(
      "compare=episodes&network=matrix&story=mini-two-episodes&step=1",
    );
    // Picking a form leaves the comparison in the same change (one history entry).
    store.getState().setNetworkForm("graph");
    expect(store.getState().view).toMatchObject({ networkForm: "graph", compare: null, step: 1 });
    // Reset clears the filters and leaves the story, keeping how the network is drawn.
    store.getState().reset();
    expect(store.getState().view).toEqual({ ...DEFAULT_VIEW, networkForm: "graph" });
    store.getState().setNetworkForm(null);
    expect(store.getState().view).toEqual(DEFAULT_VIEW);
  });

  it("a step sets the ego focus; a link or a reader may narrow it otherwise and stay in the story", () => {
    const step0 = fixture.steps[0]!;
    const story = withStep(0, { view: { ...step0.view, focus: "actor:russia", network: "graph", ego: "2" } });
    expect(checkStory(story, index, plain).form).toEqual([]);
    const c = withStories(plain, [story]);
    const stepOnly = parseViewState(new URLSearchParams("story=mini-two-episodes&step=1"), c);
    expect(stepOnly.state).toMatchObject({
      selection: { kind: "actor", id: "russia" },
      networkForm: "graph",
      ego: 2,
    });
    expect(serializeViewState(stepOnly.state, c)).toBe("story=mini-two-episodes&step=1");
    // The link's own depth is the reader's: kept, and written back beside the story.
    const own = parseViewState(new URLSearchParams("story=mini-two-episodes&step=1&ego=1"), c);
    expect(own.ignored).toEqual([]);
    expect(own.state).toMatchObject({ ego: 1, story: "mini-two-episodes", step: 1 });
    expect(serializeViewState(own.state, c)).toBe("ego=1&story=mini-two-episodes&step=1");
    const store = createViewStore(stepOnly.state, c);
    store.getState().setEgo(1);
    expect(store.getState().view).toMatchObject({ ego: 1, story: "mini-two-episodes", step: 1 });
    // The whole network where the step narrows it cannot be said beside the story: it leaves the story.
    store.getState().setEgo(null);
    expect(store.getState().view).toMatchObject({ ego: null, story: null, step: null });
    // Reset clears the selection, and the ego focus centred on it; the network's form stays.
    store.getState().setEgo(2, "graph");
    store.getState().reset();
    expect(store.getState().view).toEqual({ ...DEFAULT_VIEW, networkForm: "graph" });
  });

  it("deselecting inside a step keeps the story: focus=none says it", () => {
    const store = createViewStore(read("story=mini-two-episodes&step=1").state, ctx);
    store.getState().toggleSelection({ kind: "stance", id: "turkey-condemns-us-2020" });
    expect(store.getState().view).toMatchObject({ selection: null, story: "mini-two-episodes", step: 1 });
    const url = serializeViewState(store.getState().view, ctx);
    expect(url).toBe("focus=none&story=mini-two-episodes&step=1");
    expect(read(url)).toEqual({ state: store.getState().view, ignored: [] });
    // Outside a story, focus=none is the default: read without a notice, never written.
    expect(read("focus=none")).toEqual({ state: DEFAULT_VIEW, ignored: [] });
  });

  it("'Explore from here' keeps the step's view without the story; an embed keeps its own views", () => {
    const store = createViewStore(read("story=mini-two-episodes&step=1").state, ctx);
    store.getState().leaveStory();
    expect(store.getState().view).toEqual({
      ...read("story=mini-two-episodes&step=1").state,
      story: null,
      step: null,
    });
    const embed = createViewStore(read("embed=1&views=network&story=mini-two-episodes&step=1").state, ctx);
    embed.getState().showStep("mini-two-episodes", 2);
    expect(embed.getState().view).toMatchObject({ embed: true, views: ["network"], step: 2 });
  });
});

describe("Copy as story step", () => {
  it("writes the view's URL values and cites the selected record; the step checks and reads back", () => {
    const view: ViewState = {
      ...DEFAULT_VIEW,
      actors: ["iran", "russia"],
      years: { start: 2024, end: 2024 },
      selection: { kind: "quote", id: "lavrov-defend-support" },
      embed: true,
      networkForm: "matrix",
    };
    const step = JSON.parse(stepJson(view, ctx)) as Story["steps"][number];
    expect(step).toEqual({
      title: "",
      caption: "",
      view: { actors: "iran,russia", years: "2024", focus: "quote:lavrov-defend-support", network: "matrix" },
      cites: ["quote:lavrov-defend-support"],
    });
    // With a title and caption written, it is a valid step showing that view (but embed).
    const written = { ...step, title: "T", caption: "C." };
    const story = { ...fixture, steps: [written] };
    expect(checkStory(story, index, plain)).toEqual({ story, form: [], fit: [] });
    const back = parseViewState(
      new URLSearchParams("story=mini-two-episodes&step=1"),
      withStories(plain, [story]),
    );
    expect(back.state).toEqual({ ...view, embed: false, story: "mini-two-episodes", step: 1 });
  });

  it("an actor selection is not cited (an actor is no evidence)", () => {
    const step = JSON.parse(stepJson({ ...DEFAULT_VIEW, selection: { kind: "actor", id: "iran" } }, ctx));
    expect(step.cites).toEqual([]);
  });
});

describe("captions", () => {
  it("cuts [words](kind:id) links out of the text and leaves other brackets alone", () => {
    expect(captionParts("A [b](stance:x) c [d](https://e) [f](quote:g).")).toEqual([
      { text: "A " },
      { text: "b", cite: { kind: "stance", id: "x" } },
      { text: " c [d](https://e) " },
      { text: "f", cite: { kind: "quote", id: "g" } },
      { text: "." },
    ]);
    expect(captionText("A [b](stance:x) c.")).toBe("A b c.");
  });
});

describe("checking story files", () => {
  it("a step takes every URL key of the view but embed, story and step (the README's list)", () => {
    expect([...STEP_VIEW_KEYS]).toEqual([
      "actors",
      "years",
      "episode",
      "stances",
      "focus",
      "q",
      "provenance",
      "views",
      "compare",
      "network",
      "ego",
    ]);
  });

  const problems = (raw: unknown) => {
    const { form, fit } = checkStory(raw, index, plain);
    return [...form, ...fit];
  };

  it("passes the fixture story", () => {
    expect(problems(fixture)).toEqual([]);
  });

  it("names the story, the step and the field of each problem", () => {
    expect(problems(withStep(1, { view: { actors: "rusia" } }))).toEqual([
      'story "mini-two-episodes", step 2, view.actors: "rusia" is not a value the dataset knows',
    ]);
    // Problems of form first (the story is unusable with any dataset), then what this dataset lacks.
    expect(problems(withStep(0, { cites: ["stance:nope", "event:soleimani-killed"] }))).toEqual([
      'story "mini-two-episodes", step 1, caption: the link "Turkey condemned it" names stance:turkey-condemns-us-2020, which cites does not list',
      'story "mini-two-episodes", step 1, cites.0: no stance "nope" in the dataset',
    ]);
    expect(problems(withStep(2, { view: { focus: "event:nope", colour: "red" } }))).toEqual([
      expect.stringMatching(/^story "mini-two-episodes", step 3, view: Unrecognized key: "colour"/),
    ]);
    expect(problems(withStep(2, { title: "" }))).toEqual([
      'story "mini-two-episodes", step 3, title: must not be empty',
    ]);
    expect(problems(withStep(2, { caption: "See [this](https://example.com)." }))).toEqual([
      'story "mini-two-episodes", step 3, caption: the link target "https://example.com" is not a record (kind:id)',
    ]);
    expect(problems(withStep(2, { view: { focus: "event:nope" } }))).toEqual([
      'story "mini-two-episodes", step 3, view.focus: "event:nope" is not a value the dataset knows',
    ]);
  });

  it("a folder: a broken file throws naming file, story, step and field; a missing folder is no story", () => {
    const dir = folder({ "a.json": withStep(1, { view: { episode: "april-2042" } }) });
    expect(() => loadStories(index, { dir, strict: true })).toThrowError(
      /a\.json: story "mini-two-episodes", step 2, view\.episode: "april-2042"/,
    );
    expect(() => loadStories(index, { dir: folder({ "b.json": "{ not json" }), strict: true })).toThrowError(
      /b\.json: not valid JSON/,
    );
    expect(() =>
      loadStories(index, { dir: folder({ "a.json": fixture, "b.json": fixture }), strict: true }),
    ).toThrowError(/b\.json: story "mini-two-episodes": id already used by .*a\.json/);
    expect(loadStories(index, { dir: path.join(tmpdir(), "no-such-folder-here"), strict: true })).toEqual([]);
    expect(loadStories(index, { dir: folder({ "a.json": fixture }), strict: true })).toEqual([fixture]);
  });

  it("with another dataset, a story that does not fit it is left out with a warning, not a failure", () => {
    const other = indexDataset({
      ...(loadDataset(path.resolve("tests/fixtures/mini.json")) as DatasetFile),
      stances: [],
    });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(loadStories(other, { dir: folder({ "a.json": fixture }), strict: false })).toEqual([]);
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/story "mini-two-episodes" left out.*turkey-condemns-us-2020/),
    );
    // Its form is still checked: a broken file fails whatever the dataset.
    expect(() =>
      loadStories(other, { dir: folder({ "a.json": withStep(0, { title: "" }) }), strict: false }),
    ).toThrowError(DatasetError);
  });
});

describe("next.config.ts checks the stories", () => {
  afterEach(() => {
    delete process.env.STANCE_ATLAS_STORIES;
    vi.resetModules();
  });

  it("a broken story stops the build, naming the file, story, step and field", async () => {
    const broken = JSON.parse(readFileSync("data/stories/russia-iran.json", "utf8")) as Story;
    const steps = broken.steps.map((s, i) =>
      i === 2 ? { ...s, view: { ...s.view, focus: "stance:rusia-x" } } : s,
    );
    process.env.STANCE_ATLAS_STORIES = folder({ "russia-iran.json": { ...broken, steps } });
    vi.resetModules();
    await expect(import("@/next.config")).rejects.toThrowError(
      new RegExp(`russia-iran\\.json: story "${broken.id}", step 3, view\\.focus: "stance:rusia-x"`),
    );
  });
});

describe("the bundled stories", () => {
  const bundled = indexDataset(loadDataset(path.resolve("data/escalations.json")));
  it("fit the bundled dataset", () => {
    const stories = loadStories(bundled, { dir: path.resolve("data/stories"), strict: true });
    expect(stories.map((s) => s.id)).toContain("russia-iran");
  });

  it("every step's view reads back as itself", () => {
    const stories = loadStories(bundled, { dir: path.resolve("data/stories"), strict: true });
    const c = withStories(parseContextOf(bundled), stories);
    for (const story of stories)
      story.steps.forEach((_, i) => {
        const { state, ignored } = parseViewState(new URLSearchParams(`story=${story.id}&step=${i + 1}`), c);
        expect(ignored).toEqual([]);
        expect(serializeViewState(state, c)).toBe(`story=${story.id}&step=${i + 1}`);
      });
  });
});
