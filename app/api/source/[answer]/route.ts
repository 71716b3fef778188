import { MAX_DRAWN_EDGES } from "@/lib/select/graphEdges";
import type { FilterView } from "@/lib/select/filters";
import { serverSource } from "@/lib/source/server";
import type { Quote } from "@/lib/model";
import {
  MAX_QUOTE_PAGE,
  MAX_TOP,
  PERIOD_UNITS,
  type ActorCount,
  type DataSource,
  type EdgeCount,
  type PeriodUnit,
} from "@/lib/source/types";
import { parseViewState } from "@/lib/view";
import { contextOf } from "@/app/sourceContext";

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...headers },
  });

/** The keys of a request that are the route's own, not the view's. */
const OWN_KEYS = new Set(["unit", "offset", "limit", "match", "named"]);

/** Which answers read each of the route's own keys: one given to another answer is a mistake, said so. */
const KEY_ANSWERS: Record<string, readonly string[]> = {
  unit: ["periods"],
  offset: ["quotes"],
  limit: ["edges", "quotes", "actors"],
  match: ["actors"],
  named: ["summary", "edges", "quotes", "actors"],
};

/** A whole number in [min, max] from a query value, the default when absent, or null when malformed. */
function wholeNumber(raw: string | null, fallback: number, min: number, max: number): number | null {
  if (raw === null) return fallback;
  if (!/^\d{1,9}$/.test(raw)) return null;
  const n = Number(raw);
  return n >= min && n <= max ? n : null;
}

/** Longest actor search the `actors` answer reads; a longer one is cut (no actor's text is this long). */
const MAX_MATCH = 200;

type Answer = (source: DataSource, view: FilterView, params: URLSearchParams) => Promise<unknown> | Response;

/**
 * The actors each answer names, whose records `named=1` adds (`named`), for a view to label them: the
 * summary's the view's own actor filter. Opt-in: a client after counts (the bench's peers ask thousands of
 * edges) need not pay for thousands of records.
 */
const NAMES: Record<string, (body: Record<string, unknown>, view: FilterView) => string[]> = {
  summary: (_body, view) => [...view.actors],
  periods: () => [],
  edges: (body) => (body.edges as EdgeCount[]).flatMap((e) => [e.from, e.to]),
  quotes: (body) => (body.quotes as Quote[]).map((q) => q.speaker),
  actors: (body) => (body.actors as ActorCount[]).map((a) => a.id),
};

/** The answers, one per path segment: what each view needs (lib/source/types.ts). */
const ANSWERS: Record<string, Answer> = {
  summary: (source, view) => source.summary(view),
  periods: async (source, view, params) => {
    const unit = params.get("unit") ?? "month";
    if (!(PERIOD_UNITS as readonly string[]).includes(unit))
      return json({ error: `unit must be one of ${PERIOD_UNITS.join(", ")}.` }, 400);
    return { unit, periods: await source.periods(view, unit as PeriodUnit) };
  },
  edges: async (source, view, params) => {
    const limit = wholeNumber(params.get("limit"), MAX_DRAWN_EDGES, 1, MAX_TOP);
    if (limit === null) return json({ error: `limit must be a whole number from 1 to ${MAX_TOP}.` }, 400);
    const { total, items } = await source.edges(view, { limit });
    return { total, edges: items };
  },
  quotes: async (source, view, params) => {
    const offset = wholeNumber(params.get("offset"), 0, 0, 1e9);
    const limit = wholeNumber(params.get("limit"), 50, 1, MAX_QUOTE_PAGE);
    if (offset === null) return json({ error: "offset must be a whole number, 0 or more." }, 400);
    if (limit === null)
      return json({ error: `limit must be a whole number from 1 to ${MAX_QUOTE_PAGE}.` }, 400);
    return source.quotes(view, { offset, limit });
  },
  actors: async (source, view, params) => {
    const limit = wholeNumber(params.get("limit"), 100, 1, MAX_TOP);
    if (limit === null) return json({ error: `limit must be a whole number from 1 to ${MAX_TOP}.` }, 400);
    const match = (params.get("match") ?? "").slice(0, MAX_MATCH);
    return { actors: await source.actorCounts(view, { limit, match }) };
  },
};

/**
 * The data-source routes: `/api/source/{summary,periods,edges,quotes,actors}?<the dashboard's URL keys>`
 * answer what a view needs for that view state, from the in-browser index's twin in the server's memory or
 * from DuckDB (lib/source/server.ts says which). The view is parsed by the URL's own parsers, so a value the
 * dashboard would drop is dropped here too and listed in `ignored`; no request text ever becomes SQL.
 * Bad input is a 4xx with a message, never a 5xx.
 */
export async function GET(request: Request, { params }: { params: Promise<{ answer: string }> }) {
  const { answer } = await params;
  const respond = Object.hasOwn(ANSWERS, answer) ? ANSWERS[answer]! : null;
  if (!respond)
    return json({ error: `No such answer "${answer}": one of ${Object.keys(ANSWERS).join(", ")}.` }, 404);
  const search = new URL(request.url).searchParams;
  const viewParams = new URLSearchParams([...search].filter(([key]) => !OWN_KEYS.has(key)));
  for (const key of OWN_KEYS) {
    if (search.getAll(key).length > 1) return json({ error: `${key} is given more than once.` }, 400);
    if (search.has(key) && !KEY_ANSWERS[key]!.includes(answer))
      return json({ error: `${key} applies to ${KEY_ANSWERS[key]!.join(", ")}, not ${answer}.` }, 400);
  }
  const withNames = search.get("named");
  if (withNames !== null && withNames !== "0" && withNames !== "1")
    return json({ error: "named must be 1 (add the named actors' records) or 0." }, 400);
  // From the request's start: parsing the view against the dataset is part of the answer's cost.
  const started = performance.now();
  const source = await serverSource();
  const { state, ignored } = parseViewState(viewParams, await contextOf(source, viewParams));
  const body = await respond(source, state, search);
  if (body instanceof Response) return body;
  if (withNames === "1") {
    const ids = NAMES[answer]!(body as Record<string, unknown>, state);
    (body as Record<string, unknown>).named = await source.actorRecords([...new Set(ids)]);
  }
  const took = performance.now() - started;
  return json(ignored.length > 0 ? { ...(body as object), ignored } : body, 200, {
    "X-Source": source.kind,
    "Server-Timing": `query;dur=${took.toFixed(1)}`,
  });
}

export const dynamic = "force-dynamic";
