import type { StanceType } from "../model/schema";
import {
  COMPARE_EPISODES,
  type Compare,
  EGO_DEPTHS,
  type EgoDepth,
  NETWORK_FORMS,
  type NetworkForm,
  canonicalActors,
  canonicalStances,
  canonicalViews,
  normalizeYears,
  overlapsSpan,
  PROVENANCE_REPORTS,
  type Provenance,
  SELECTION_KINDS,
  STANCE_TYPES,
  type Selection,
  type SelectionKind,
  VIEW_NAMES,
  type ViewName,
  type ViewState,
  type YearRange,
} from "../model/viewState";

/** A set of known ids, as the parsers ask it: a Set, a Map by id, or a lookup built on first use. */
export interface IdSet {
  has(id: string): boolean;
}

/** What the parsers need to know about the dataset to tell a valid value from a stale or made-up one. */
export interface ParseContext {
  actorIds: IdSet;
  episodeIds: IdSet;
  /** The dataset's full year span: the default of `years`. */
  span: YearRange;
  /** Known ids per selectable kind. */
  selectionIds: Readonly<Record<SelectionKind, IdSet>>;
  /** The stories that fit the dataset: each one's steps as the views they show (lib/story). */
  stories: ReadonlyMap<string, readonly ViewState[]>;
}

/**
 * The result of parsing one URL value: the usable part (null when nothing in it is usable, i.e. the
 * default) and the pieces that were dropped, for the notice. Parsers never throw.
 */
export interface Parsed<T> {
  value: T | null;
  ignored: string[];
}

/** One URL key: its name, parser and serializer. `serialize` returns null for the default, which stays out of the URL. */
export interface Param<T> {
  /** The key in the URL: the view state's field name, except `focus` for the selection. */
  key: string;
  parse(raw: string, ctx: ParseContext): Parsed<T>;
  serialize(value: T, ctx: ParseContext): string | null;
}

/** Longest accepted value of any key; longer input is cut before parsing so a huge URL costs nothing. */
export const MAX_PARAM_LENGTH = 2000;
/** Longest quote search accepted. */
export const MAX_QUERY_LENGTH = 200;

const list = (raw: string) =>
  raw
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

const ok = <T>(value: T | null, ignored: string[] = []): Parsed<T> => ({ value, ignored });
/** Nothing usable: the default applies, and `ignored` says what was dropped. */
const drop = (ignored: string[] = []): Parsed<never> => ({ value: null, ignored });

const LOCAL_DATA_RE = /^local:([0-9a-f]{8})$/i;

/**
 * `data=local:1a2b3c4d`: a dataset opened from a file in this browser, named by the first 8 hex digits of its
 * SHA-256. The server cannot check it (the dataset lives in the browser's IndexedDB): any well-formed hash is
 * kept, and the page says when this browser does not have it. Absent = the bundled dataset.
 */
export const dataParam: Param<string> = {
  key: "data",
  parse(raw) {
    const m = LOCAL_DATA_RE.exec(raw.trim());
    return m ? ok(m[1]!.toLowerCase()) : drop([raw]);
  },
  serialize: (value) => `local:${value}`,
};

/** `actors=russia,iran`: known actor ids, sorted. */
export const actorsParam: Param<readonly string[]> = {
  key: "actors",
  parse(raw, ctx) {
    const ids = list(raw);
    const known = ids.filter((id) => ctx.actorIds.has(id));
    const ignored = ids.filter((id) => !ctx.actorIds.has(id));
    return ok(known.length > 0 ? canonicalActors(known) : null, ignored);
  },
  serialize: (value) => (value.length > 0 ? canonicalActors(value).join(",") : null),
};

const YEARS_RE = /^(\d{4})(?:-(\d{4}))?$/;

/** `years=2024` or `years=2020-2024`, inclusive, clipped to the dataset's span. */
export const yearsParam: Param<YearRange> = {
  key: "years",
  parse(raw, ctx) {
    const m = YEARS_RE.exec(raw.trim());
    if (!m) return drop([raw]);
    const start = Number(m[1]);
    const range = { start, end: m[2] === undefined ? start : Number(m[2]) };
    // Years wholly outside the dataset name nothing in it: dropped, and said so.
    if (!overlapsSpan(range, ctx.span)) return drop([raw]);
    return ok(normalizeYears(range, ctx.span));
  },
  serialize(value, ctx) {
    const years = normalizeYears(value, ctx.span);
    if (!years) return null;
    return years.start === years.end ? String(years.start) : `${years.start}-${years.end}`;
  },
};

/** `episode=april-2024`: one known episode id. */
export const episodeParam: Param<string> = {
  key: "episode",
  parse: (raw, ctx) => (ctx.episodeIds.has(raw.trim()) ? ok(raw.trim()) : drop([raw])),
  serialize: (value) => value,
};

const STANCE_SET: ReadonlySet<string> = new Set(STANCE_TYPES);

/** `stances=condemn,support`: known stance types, in schema order. */
export const stancesParam: Param<readonly StanceType[]> = {
  key: "stances",
  parse(raw) {
    const types = list(raw);
    const known = types.filter((t): t is StanceType => STANCE_SET.has(t));
    const ignored = types.filter((t) => !STANCE_SET.has(t));
    return ok(known.length > 0 ? canonicalStances(known) : null, ignored);
  },
  serialize: (value) => (value.length > 0 ? canonicalStances(value).join(",") : null),
};

/**
 * The selection, under the URL key `focus` (the name links already shared carry): `focus=event:<id>` (or
 * actor:, stance:, quote:), one known record.
 */
export const selectionParam: Param<Selection> = {
  key: "focus",
  parse(raw, ctx) {
    // `focus=none`: no selection, where a story's step has one (urlCodec); elsewhere the default.
    if (raw.trim() === "none") return ok<Selection>(null);
    const at = raw.indexOf(":");
    const kind = raw.slice(0, at) as SelectionKind;
    const id = raw.slice(at + 1);
    if (at < 0 || !SELECTION_KINDS.includes(kind) || !ctx.selectionIds[kind].has(id)) return drop([raw]);
    return ok({ kind, id });
  },
  serialize: (value) => `${value.kind}:${value.id}`,
};

/** Normalises a quote search: control characters dropped, white space folded, length capped. */
export function normalizeQuery(raw: string): string {
  return raw
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, MAX_QUERY_LENGTH)
    .trim();
}

/** `q=legitimate defense`: a free-text search over quotes and their speakers' names and roles. */
export const queryParam: Param<string> = {
  key: "q",
  parse(raw) {
    const q = normalizeQuery(raw);
    return ok(q.length > 0 ? q : null);
  },
  serialize: (value) => (value.length > 0 ? value : null),
};

/** `provenance=reports`: only the records that rest on their report alone. Any other value is dropped. */
export const provenanceParam: Param<Provenance> = {
  key: "provenance",
  parse: (raw) => (raw.trim() === PROVENANCE_REPORTS ? ok(PROVENANCE_REPORTS) : drop([raw])),
  serialize: (value) => value,
};

const VIEW_SET: ReadonlySet<string> = new Set(VIEW_NAMES);

/** `views=timeline,network`: which views show, in canonical order; all three is the default, left out. */
export const viewsParam: Param<readonly ViewName[]> = {
  key: "views",
  parse(raw) {
    const names = list(raw);
    const known = names.filter((v): v is ViewName => VIEW_SET.has(v));
    const views = canonicalViews(known);
    return ok(
      views.length > 0 ? views : null,
      names.filter((v) => !VIEW_SET.has(v)),
    );
  },
  serialize: (value) => (value.length > 0 ? canonicalViews(value).join(",") || null : null),
};

/** `embed=1`: the embed (the views without the site's chrome). Any other value is dropped. */
export const embedParam: Param<boolean> = {
  key: "embed",
  parse: (raw) => (raw.trim() === "1" ? ok(true) : drop([raw])),
  serialize: (value) => (value ? "1" : null),
};

/** `compare=episodes`: the network as small multiples, one per episode. Any other value is dropped. */
export const compareParam: Param<Compare> = {
  key: "compare",
  parse: (raw) => (raw.trim() === COMPARE_EPISODES ? ok(COMPARE_EPISODES) : drop([raw])),
  serialize: (value) => value,
};

/**
 * `network=matrix` or `network=graph`: the form the link chooses for the network. Absent (the default) lets
 * the page choose by its width, so an explicit `graph` is kept: it keeps a phone on the graph.
 */
export const networkFormParam: Param<NetworkForm> = {
  key: "network",
  parse(raw) {
    const form = NETWORK_FORMS.find((f) => f === raw.trim());
    return form ? ok(form) : drop([raw]);
  },
  serialize: (value) => value,
};

/** `ego=1` or `ego=2`: the graph shows the selected actor and its neighbours that many steps away. */
export const egoParam: Param<EgoDepth> = {
  key: "ego",
  parse(raw) {
    const depth = EGO_DEPTHS.find((d) => String(d) === raw.trim());
    return depth ? ok(depth) : drop([raw]);
  },
  serialize: (value) => String(value),
};

/** `story=russia-iran`: one known story (the stories that fit the dataset, lib/story). */
export const storyParam: Param<string> = {
  key: "story",
  parse: (raw, ctx) => (ctx.stories.has(raw.trim()) ? ok(raw.trim()) : drop([raw])),
  serialize: (value) => value,
};

const STEP_RE = /^[1-9]\d{0,3}$/;

/** `step=3`: a 1-based step number; whether the story has it is checked with the story (urlCodec). */
export const stepParam: Param<number> = {
  key: "step",
  parse: (raw) => (STEP_RE.test(raw.trim()) ? ok(Number(raw.trim())) : drop([raw])),
  serialize: (value) => String(value),
};

/** Exactly one parser per field of the view state, in the canonical URL order. */
export const PARAMS: { readonly [K in keyof ViewState]: Param<NonNullable<ViewState[K]>> } = {
  data: dataParam,
  actors: actorsParam,
  years: yearsParam,
  episode: episodeParam,
  stances: stancesParam,
  selection: selectionParam,
  q: queryParam,
  provenance: provenanceParam,
  views: viewsParam,
  embed: embedParam,
  compare: compareParam,
  networkForm: networkFormParam,
  ego: egoParam,
  story: storyParam,
  step: stepParam,
};

/** Fields of the view state in canonical URL order. */
export const VIEW_FIELDS = Object.keys(PARAMS) as (keyof ViewState)[];

/** URL keys in canonical order. */
export const PARAM_KEYS: readonly string[] = VIEW_FIELDS.map((field) => PARAMS[field].key);
