"use client";

import { useEffect, useState } from "react";
import type { Actor } from "@/lib/model";
import { DEFAULT_VIEW } from "@/lib/model/viewState";
import type { FilterView } from "@/lib/select/filters";
import { FILTERS } from "@/lib/select/filterTable";
import type { ActorCount, EdgeCount, PeriodCount, PeriodUnit, SummaryCounts } from "@/lib/source/types";
import type { Quote } from "@/lib/model";
import { serializeViewState, type IgnoredParam, type ParseContext, type ViewState } from "@/lib/view";

/** What every answer of the data-source routes may carry besides its own. */
interface Common {
  /** URL values the route dropped (an actor id the dataset lacks), for the notice. */
  ignored?: IgnoredParam[];
  /** The records of the actors the answer names, for their labels. */
  named?: Actor[];
}

/** The routes' answers (app/api/source/[answer]/route.ts), by path. */
export interface Answers {
  summary: SummaryCounts & Common;
  periods: { unit: PeriodUnit; periods: PeriodCount[] } & Common;
  edges: { total: number; edges: EdgeCount[] } & Common;
  quotes: { total: number; quotes: Quote[] } & Common;
  actors: { actors: ActorCount[] } & Common;
}

/**
 * The route query of a view's filters (the URL's own keys and values; the selection and the page's layout
 * keys left out, since no answer reads them): the same text for the same filters, so it keys the fetches.
 */
export function filterQuery(view: FilterView, ctx: ParseContext): string {
  const filters = Object.fromEntries(FILTERS.map((row) => [row.key, view[row.key]]));
  return serializeViewState({ ...DEFAULT_VIEW, ...filters } as ViewState, ctx);
}

/** The URL of one answer: its own keys (and `named=1`: the views label the actors they show), then the view's. */
export function answerUrl(
  answer: keyof Answers,
  own: Record<string, string | number>,
  query: string,
): string {
  const params = Object.entries({ ...own, ...(answer === "periods" ? {} : { named: 1 }) }).map(
    ([k, v]) => `${k}=${encodeURIComponent(String(v))}`,
  );
  return `/api/source/${answer}?${[...params, query].filter((p) => p !== "").join("&")}`;
}

/** One answer as it arrives: the latest data (kept while the next loads), and what went wrong if anything. */
export interface AnswerState<T> {
  data: T | null;
  /** `loading` while a request is out; `error` when the last one failed (`data` is then the one before). */
  state: "loading" | "ready" | "error";
  error: string | null;
  /** Asks again (after an error). */
  retry(): void;
}

/** One answer of the data-source routes; a failure throws the route's own message (its `error`). */
export async function fetchAnswer<K extends keyof Answers>(
  url: string,
  signal?: AbortSignal,
): Promise<Answers[K]> {
  const res = await fetch(url, { signal });
  const body = (await res.json().catch(() => null)) as (Answers[K] & { error?: string }) | null;
  if (!res.ok || body === null)
    throw new Error(body?.error ?? `the server answered ${res.status} ${res.statusText}`.trim());
  return body;
}

/**
 * Fetches an answer of the data-source routes whenever its URL changes, cancelling the one before: an answer
 * to an older view never overwrites a newer one. The last data stays shown while the next loads. An empty URL
 * asks nothing.
 */
export function useAnswer<K extends keyof Answers>(url: string): AnswerState<Answers[K]> {
  const [attempt, setAttempt] = useState(0);
  // The last settled request's key, and its data or error (an error keeps the data before it).
  const [settled, setSettled] = useState<{ key: string; data: Answers[K] | null; error: string | null }>({
    key: "",
    data: null,
    error: null,
  });
  const key = `${attempt}\u0000${url}`;
  useEffect(() => {
    if (url === "") return;
    const controller = new AbortController();
    fetchAnswer<K>(url, controller.signal)
      .then((data) => setSettled({ key, data, error: null }))
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        const error = err instanceof Error ? err.message : String(err);
        setSettled((s) => ({ key, data: s.data, error }));
      });
    return () => controller.abort();
  }, [url, key]);
  const state = url === "" || settled.key === key ? (settled.error === null ? "ready" : "error") : "loading";
  return { data: settled.data, state, error: settled.error, retry: () => setAttempt((n) => n + 1) };
}

/** Names by id from the actor records answers carry. */
export function namesOf(...lists: (readonly Actor[] | undefined)[]): Map<string, Actor> {
  const byId = new Map<string, Actor>();
  for (const list of lists) for (const a of list ?? []) byId.set(a.id, a);
  return byId;
}

/** A count as the page writes it: 1,234,567. */
export const formatCount = (n: number) => n.toLocaleString("en-US");
