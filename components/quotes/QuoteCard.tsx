"use client";

import { memo, type MouseEvent, type Ref } from "react";
import type { DatasetIndex } from "@/lib/data";
import type { Quote } from "@/lib/model";
import { fromOutside, outsideLine } from "@/lib/model/provenance";
import { actorName } from "@/lib/select/wording";
import { formatDate } from "@/lib/time";
import type { Selection } from "@/lib/view";
import { OutsideNote } from "../OutsideNote";
import type { EvidenceRef } from "../viewProps";
import styles from "./QuotePanel.module.css";
import type { RecordState } from "./recordState";

/** Props of one quote card. */
export interface QuoteCardProps {
  index: DatasetIndex;
  quote: Quote;
  /** The quote continues the card above it (one quotation the report splits in parts). */
  joined: boolean;
  /** The quote's selection state in the linked views. */
  state: RecordState;
  /** Selects the quote (a click on the card or "Highlight"). */
  onSelect(selection: Selection): void;
  /** Opens the evidence panel ("Source", "Fact-check source"). */
  onEvidence(ref: EvidenceRef): void;
  /** Row measuring for the windowed list. */
  measureRef?: Ref<HTMLLIElement>;
  /**
   * The index of this row in the flattened list, for the windowed list's measuring; unset in a short
   * list, where a filter shifts every row's index and would re-render every card for nothing.
   */
  row?: number;
}

/**
 * The quoted words, or, for a short fragment ("mirror response") that carries its sentence from the report,
 * that sentence with the quoted words marked, so the card reads as what was said.
 */
export function InSentence({ quote }: { quote: Quote }) {
  const { text, sentence } = quote;
  const at = sentence ? sentence.indexOf(text) : -1;
  if (!sentence || at < 0) return text;
  return (
    <>
      <span className={styles.around}>{sentence.slice(0, at)}</span>
      <mark className={styles.quoted}>{text}</mark>
      <span className={styles.around}>{sentence.slice(at + text.length)}</span>
    </>
  );
}

/**
 * One quote: a figure with the verbatim text, the fact-check verdict where the quote carries a reviewed
 * claim, and a caption naming speaker, date, context and source. Clicking the card (or "Highlight")
 * selects it in every view; "Source" opens the evidence panel.
 */
export const QuoteCard = memo(function QuoteCard({
  index,
  quote,
  joined,
  state,
  onSelect,
  onEvidence,
  measureRef,
  row,
}: QuoteCardProps) {
  const speaker = actorName(index, quote.speaker);
  const source = index.sourceById.get(quote.sourceId);
  const claim = quote.claimId ? index.claimById.get(quote.claimId) : undefined;
  const event = quote.eventId ? index.eventById.get(quote.eventId) : undefined;
  const reviewer = claim ? actorName(index, claim.reviewer) : "";
  const date = formatDate(quote.date, quote.datePrecision);
  const select = () => onSelect({ kind: "quote", id: quote.id });
  const onCardClick = (e: MouseEvent<HTMLLIElement>) => {
    // Buttons do their own thing, and selecting text to copy it is not a click on the card.
    if ((e.target as Element).closest("button, a, input")) return;
    if (window.getSelection()?.toString()) return;
    select();
  };
  const className = [styles.card, joined ? styles.joined : "", state.dim ? styles.dim : ""].join(" ");
  return (
    <li
      ref={measureRef}
      data-row={row}
      data-record={`quote:${quote.id}`}
      data-focused={state.selected ? "true" : undefined}
      data-linked={state.linked ? "true" : undefined}
      data-outside={fromOutside(quote) ? "true" : undefined}
      className={className}
      onClick={onCardClick}
    >
      <figure>
        <blockquote className="quote-text" data-sentence={quote.sentence ? "true" : undefined}>
          <InSentence quote={quote} />
        </blockquote>
        {claim && (
          <div className={styles.verdict} data-testid="verdict">
            <strong className={`verdict-badge ${styles.verdictBadge}`}>
              Rated {claim.rating} by {reviewer}
            </strong>
            <p className={styles.reasoning}>
              <span className={styles.reasoningLabel}>{reviewer}:</span> “{claim.evidence}”
            </p>
            <button
              type="button"
              className="link-button"
              onClick={() => onEvidence({ kind: "claim", id: claim.id })}
            >
              Fact-check source<span className="visually-hidden"> for the claim by {speaker}</span>
            </button>
          </div>
        )}
        <figcaption className={styles.caption}>
          <span>
            <span className={styles.who}>
              {joined && <span className={styles.continued}>continued · </span>}
              {speaker}
            </span>
            , <time dateTime={quote.date}>{date}</time>
            {quote.dateNote ? " (date inferred)" : ""}
          </span>
          <span>{quote.context}</span>
          <OutsideNote record={quote} />
          {event && outsideLine(event) !== outsideLine(quote) && (
            <OutsideNote record={event} lead={`Its event, “${event.title}”: `} />
          )}
          {source && (
            <span>
              Source: {source.publisher}, <cite>{source.title}</cite>,{" "}
              {formatDate(source.published, source.datePrecision)}
            </span>
          )}
        </figcaption>
      </figure>
      <div className={styles.actions}>
        {/* Names that say whose quote, as labels rather than hidden spans: two elements fewer a card. */}
        <button
          type="button"
          className="toggle"
          aria-pressed={state.selected}
          aria-label={`Highlight the quote by ${speaker}, ${date}`}
          onClick={select}
        >
          Highlight
        </button>
        <button
          type="button"
          className="button"
          aria-label={`Source of the quote by ${speaker}, ${date}`}
          onClick={() => onEvidence({ kind: "quote", id: quote.id })}
        >
          Source
        </button>
      </div>
    </li>
  );
});
