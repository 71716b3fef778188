import { DEFAULT_VIEW, sameView, type ViewState } from "../model/viewState";
import { MAX_PARAM_LENGTH, PARAMS, VIEW_FIELDS, type ParseContext } from "./parsers";

/** The view state's field of each URL key (`focus` → `selection`). */
const FIELD_OF_KEY: ReadonlyMap<string, keyof ViewState> = new Map(
  VIEW_FIELDS.map((field) => [PARAMS[field].key, field]),
);

/** A URL value that was dropped, for the notice. */
export interface IgnoredParam {
  key: string;
  value: string;
  /** Why, when it is a known value that does not apply here; absent = not a known value. */
  reason?: string;
}

/**
 * The fields a story's step fixes: its filters. A link that names one beside `story` shows the step, and that
 * key is ignored; changing one leaves the story.
 */
export const STEP_FIELDS = ["actors", "years", "episode", "stances", "q", "provenance"] as const;

/**
 * The fields a reader may change inside a step without leaving it: what is selected and how the views show
 * it. The step sets them too; a link (or a click) may name its own, written beside `story` and `step`.
 */
export const READER_FIELDS = ["selection", "views", "compare", "networkForm", "ego"] as const;

/** `focus=none`: no selection, where the step has one (outside a story it is simply the default). */
export const NO_SELECTION = "none";

/** The step's view that a view state in a story stands on; null outside a story (or for an unknown one). */
export function storyStepView(state: ViewState, ctx: ParseContext): ViewState | null {
  if (state.story === null || state.step === null) return null;
  return ctx.stories.get(state.story)?.[state.step - 1] ?? null;
}

/**
 * True when the view is its story step's view but for what a reader may change (selection, views, the
 * network's form), each of those sayable in the URL, so that `story=…&step=…` with those keys says all of it.
 */
export function followsStory(state: ViewState, ctx: ParseContext): boolean {
  const base = storyStepView(state, ctx);
  if (!base) return false;
  if (!STEP_FIELDS.every((f) => sameField(state, base, f))) return false;
  return READER_FIELDS.every((f) => sameField(state, base, f) || readerValue(state, f, ctx) !== null);
}

/** True when two views agree on one field. */
function sameField(a: ViewState, b: ViewState, field: keyof ViewState): boolean {
  return sameView({ ...b, [field]: a[field] }, b);
}

/** A reader's own value of a field, as the URL writes it inside a story; null when it cannot be said. */
function readerValue(
  state: ViewState,
  field: (typeof READER_FIELDS)[number],
  ctx: ParseContext,
): string | null {
  if (field === "selection" && state.selection === null) return NO_SELECTION;
  const value = state[field];
  if (value === null) return null;
  return (PARAMS[field].serialize as (v: unknown, c: ParseContext) => string | null)(value, ctx);
}

/** The result of reading a URL: the view it describes and what in it was dropped. */
export interface ParsedView {
  state: ViewState;
  ignored: IgnoredParam[];
}

/** Search params as Next hands them to a page, or as the browser has them. */
export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

/**
 * The (key, value) pairs of the input, strings only. Next builds its search-params object with `{}`, so a key
 * named like an inherited member (`toString`, `constructor`) arrives as `[inheritedFunction, "1"]`: only own
 * keys are read and only string values kept.
 */
function entries(input: SearchParamsInput): [string, string][] {
  if (input instanceof URLSearchParams) return [...input.entries()];
  const out: [string, string][] = [];
  for (const key of Object.keys(input)) {
    const value: unknown = input[key];
    for (const v of Array.isArray(value) ? value : [value]) if (typeof v === "string") out.push([key, v]);
  }
  return out;
}

/** The input as URLSearchParams, read as {@link parseViewState} reads it (own keys, string values only). */
export function searchParamsOf(input: SearchParamsInput): URLSearchParams {
  return new URLSearchParams(entries(input));
}

/**
 * Reads a view state from search params. Never throws: unknown keys, unknown ids, malformed values and
 * repeated keys are dropped and listed in `ignored`; everything else still applies.
 */
export function parseViewState(input: SearchParamsInput, ctx: ParseContext): ParsedView {
  const state: { -readonly [K in keyof ViewState]: ViewState[K] } = { ...DEFAULT_VIEW };
  const ignored: IgnoredParam[] = [];
  const seen = new Map<keyof ViewState, string>();
  for (const [key, rawValue] of entries(input)) {
    const raw = rawValue.slice(0, MAX_PARAM_LENGTH);
    const k = FIELD_OF_KEY.get(key);
    if (k === undefined || seen.has(k)) {
      ignored.push({ key, value: raw });
      continue;
    }
    seen.set(k, raw);
    try {
      const parsed = PARAMS[k].parse(raw, ctx);
      if (parsed.value !== null) (state as Record<string, unknown>)[k] = parsed.value;
      for (const value of parsed.ignored) ignored.push({ key, value });
    } catch {
      // Parsers are written not to throw; this guards the promise for any future one.
      ignored.push({ key, value: raw });
    }
  }
  applyStory(state, seen, ignored, ctx);
  return { state, ignored };
}

/**
 * A story's step applies over the URL: its filters always, and what a reader may change (selection, views,
 * the network's form) unless the link names its own (`focus=none` for no selection). `step` without `story`,
 * or past the story's end, is dropped (a story opens on its first step).
 */
function applyStory(
  state: { -readonly [K in keyof ViewState]: ViewState[K] },
  seen: ReadonlyMap<keyof ViewState, string>,
  ignored: IgnoredParam[],
  ctx: ParseContext,
) {
  const steps = state.story === null ? undefined : ctx.stories.get(state.story);
  if (!steps || steps.length === 0) {
    if (state.step !== null)
      ignored.push({
        key: "step",
        value: seen.get("step") ?? String(state.step),
        reason: "no story is named",
      });
    state.story = null;
    state.step = null;
    return;
  }
  if (state.step !== null && state.step > steps.length) {
    ignored.push({ key: "step", value: String(state.step), reason: `the story has ${steps.length} steps` });
    state.step = null;
  }
  const step = state.step ?? 1;
  const base = steps[step - 1]!;
  for (const field of STEP_FIELDS) {
    const raw = seen.get(field);
    if (raw !== undefined)
      ignored.push({ key: PARAMS[field].key, value: raw, reason: "the story's step sets it" });
    (state as Record<string, unknown>)[field] = base[field];
  }
  for (const field of READER_FIELDS) {
    const raw = seen.get(field);
    // The link's own value when it has a usable one; a value it could not use leaves the step's.
    const own =
      raw !== undefined &&
      ((field === "selection" && raw.trim() === NO_SELECTION) || !sameField(state, DEFAULT_VIEW, field));
    if (!own) (state as Record<string, unknown>)[field] = base[field];
  }
  state.step = step;
}

// Commas and colons are legal in a query value; leaving them readable keeps shared links legible.
const encode = (s: string) =>
  encodeURIComponent(s).replace(/%2C/g, ",").replace(/%3A/g, ":").replace(/%20/g, "+");

/**
 * Writes a view state as a query string (no leading "?"), keys in canonical order, defaults left out. In a
 * story the step says the filters: `story` and `step`, with the reader's own selection, views or network form
 * where they differ from the step's. A view that has left its step's filters is written in full, without
 * the story.
 */
export function serializeViewState(state: ViewState, ctx: ParseContext): string {
  const base = followsStory(state, ctx) ? storyStepView(state, ctx) : null;
  const parts: string[] = [];
  for (const field of VIEW_FIELDS) {
    if (field === "story" || field === "step") {
      if (!base) continue;
    } else if (base && field !== "embed" && field !== "data") {
      // The step's own values go unsaid; the reader's, where they differ, are said even when a default.
      if (sameField(state, base, field)) continue;
      const text = readerValue(state, field as (typeof READER_FIELDS)[number], ctx);
      if (text !== null) parts.push(`${PARAMS[field].key}=${encode(text)}`);
      continue;
    }
    const value = state[field];
    if (value === null || value === undefined) continue;
    const param = PARAMS[field];
    const text = (param.serialize as (v: unknown, c: ParseContext) => string | null)(value, ctx);
    if (text !== null) parts.push(`${param.key}=${encode(text)}`);
  }
  return parts.join("&");
}

/** One line for the notice: `Ignored actors "x", years "abc".` */
export function describeIgnored(ignored: readonly IgnoredParam[]): string {
  const shown = ignored
    .slice(0, 6)
    .map(
      (i) =>
        `${i.key} "${i.value.length > 40 ? `${i.value.slice(0, 40)}…` : i.value}"${i.reason ? ` (${i.reason})` : ""}`,
    );
  const more = ignored.length > shown.length ? ` and ${ignored.length - shown.length} more` : "";
  const unknown = ignored.some((i) => !i.reason) ? ": not a known value" : "";
  return `Ignored ${shown.join(", ")}${more} in the link${unknown}.`;
}
