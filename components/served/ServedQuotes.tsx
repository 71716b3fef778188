"use client";

import { memo, useId, useRef, useState } from "react";
import type { Quote } from "@/lib/model";
import { formatDate } from "@/lib/time";
import { InSentence } from "../quotes/QuoteCard";
import { answerUrl, fetchAnswer, formatCount, namesOf, type Answers, type AnswerState } from "./answers";
import { AnswerStatus } from "./AnswerStatus";
import styles from "./Served.module.css";

/** The pause in typing after which the search asks the server. */
const SEARCH_PAUSE_MS = 250;

/** Quotes per page: one answer of the quotes route. */
export const QUOTE_PAGE = 50;

/**
 * The quotes of a dataset served by DuckDB, a page at a time in dataset order: the first page follows the
 * filters, "Show more" appends the next (its own request), and the search box is the view's `q`, as in the
 * dashboard. The pages shown go when the filters change.
 */
export const ServedQuotes = memo(function ServedQuotes({
  answer,
  query,
  q,
  onQuery,
}: {
  /** The first page under the filters. */
  answer: AnswerState<Answers["quotes"]>;
  /** The filters' route query, for the pages after the first. */
  query: string;
  /** The quote search. */
  q: string;
  onQuery(q: string, continuous: boolean): void;
}) {
  const id = useId();
  const [more, setMore] = useState<{ query: string; pages: Answers["quotes"][] }>({ query, pages: [] });
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [text, setText] = useState(q);
  // The box follows the view when it changes from elsewhere (Back, Reset).
  const [seen, setSeen] = useState(q);
  if (q !== seen) {
    setSeen(q);
    setText(q);
  }
  // Typing asks the server once the typist pauses, not for every key.
  const typing = useRef<number | undefined>(undefined);
  const pages = more.query === query ? more.pages : [];
  const first = answer.data;
  const quotes: Quote[] = first ? [...first.quotes, ...pages.flatMap((p) => p.quotes)] : [];
  const names = namesOf(first?.named, ...pages.map((p) => p.named));
  const total = first?.total ?? 0;
  const showMore = async () => {
    setLoading(true);
    setError(null);
    try {
      const page = await fetchAnswer<"quotes">(
        answerUrl("quotes", { offset: quotes.length, limit: QUOTE_PAGE }, query),
      );
      setMore({ query, pages: [...pages, page] });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setLoading(false);
    }
  };
  return (
    <div className={styles.quotes} data-state={answer.state} data-testid="served-quotes">
      <div className="control">
        <label htmlFor={`${id}-q`} className="control-label">
          Search the quotes
        </label>
        <input
          id={`${id}-q`}
          type="search"
          className={styles.search}
          value={text}
          onChange={(e) => {
            const value = e.target.value;
            setText(value);
            window.clearTimeout(typing.current);
            typing.current = window.setTimeout(() => onQuery(value, true), SEARCH_PAUSE_MS);
          }}
          data-testid="served-quote-search"
        />
      </div>
      <AnswerStatus answer={answer} what="the quotes" />
      {first && (
        <>
          <p className={styles.caption} data-testid="served-quote-count">
            {total === 0
              ? "No quotes under these filters."
              : `${formatCount(quotes.length)} of ${formatCount(total)} ${total === 1 ? "quote" : "quotes"}, in the order of the dataset.`}
          </p>
          <ol className={styles.quoteList}>
            {quotes.map((quote) => (
              <li key={quote.id} className={styles.quote} data-quote={quote.id}>
                <blockquote>
                  <InSentence quote={quote} />
                </blockquote>
                <p className={styles.byline}>
                  — {names.get(quote.speaker)?.name ?? quote.speaker},{" "}
                  {formatDate(quote.date, quote.datePrecision)}
                  {quote.context ? ` · ${quote.context}` : ""}
                </p>
              </li>
            ))}
          </ol>
          {quotes.length < total && (
            <button type="button" className="button" onClick={showMore} disabled={loading}>
              {loading ? "Loading…" : `Show ${Math.min(QUOTE_PAGE, total - quotes.length)} more`}
            </button>
          )}
          {error && (
            <p role="alert" className="notice">
              Could not load more quotes: {error}
            </p>
          )}
        </>
      )}
    </div>
  );
});
