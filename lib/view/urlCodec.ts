import { DEFAULT_VIEW, type ViewState } from "../model/viewState";
import { MAX_PARAM_LENGTH, PARAMS, VIEW_FIELDS, type ParseContext } from "./parsers";

/** The view state's field of each URL key (`focus` → `selection`). */
const FIELD_OF_KEY: ReadonlyMap<string, keyof ViewState> = new Map(
  VIEW_FIELDS.map((field) => [PARAMS[field].key, field]),
);

/** A URL value that was dropped, for the notice. */
export interface IgnoredParam {
  key: string;
  value: string;
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

/**
 * Reads a view state from search params. Never throws: unknown keys, unknown ids, malformed values and
 * repeated keys are dropped and listed in `ignored`; everything else still applies.
 */
export function parseViewState(input: SearchParamsInput, ctx: ParseContext): ParsedView {
  const state: { -readonly [K in keyof ViewState]: ViewState[K] } = { ...DEFAULT_VIEW };
  const ignored: IgnoredParam[] = [];
  const seen = new Set<string>();
  for (const [key, rawValue] of entries(input)) {
    const raw = rawValue.slice(0, MAX_PARAM_LENGTH);
    const k = FIELD_OF_KEY.get(key);
    if (k === undefined || seen.has(key)) {
      ignored.push({ key, value: raw });
      continue;
    }
    seen.add(key);
    try {
      const parsed = PARAMS[k].parse(raw, ctx);
      if (parsed.value !== null) (state as Record<string, unknown>)[k] = parsed.value;
      for (const value of parsed.ignored) ignored.push({ key, value });
    } catch {
      // Parsers are written not to throw; this guards the promise for any future one.
      ignored.push({ key, value: raw });
    }
  }
  return { state, ignored };
}

// Commas and colons are legal in a query value; leaving them readable keeps shared links legible.
const encode = (s: string) =>
  encodeURIComponent(s).replace(/%2C/g, ",").replace(/%3A/g, ":").replace(/%20/g, "+");

/** Writes a view state as a query string (no leading "?"), keys in canonical order, defaults left out. */
export function serializeViewState(state: ViewState, ctx: ParseContext): string {
  const parts: string[] = [];
  for (const field of VIEW_FIELDS) {
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
    .map((i) => `${i.key} "${i.value.length > 40 ? `${i.value.slice(0, 40)}…` : i.value}"`);
  const more = ignored.length > shown.length ? ` and ${ignored.length - shown.length} more` : "";
  return `Ignored ${shown.join(", ")}${more} in the link: not a known value.`;
}
