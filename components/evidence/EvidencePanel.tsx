"use client";

import { useEffect, useRef, useState } from "react";
import type { DatasetIndex } from "@/lib/data";
import { outsideFacts, type WithOutside } from "@/lib/model/provenance";
import { formatDate } from "@/lib/time";
import { webLink } from "@/lib/util/webLink";
import type { Selection } from "@/lib/view";
import type { EvidenceRef } from "../viewProps";
import { actorName } from "@/lib/select/wording";
import { describeEvidence } from "./describe";

/** A record's facts from outside its report (or a source's, from outside its document), each with its note. */
function OutsideFacts({ record, heading, testId }: { record: WithOutside; heading: string; testId: string }) {
  const facts = outsideFacts(record);
  if (facts.length === 0) return null;
  return (
    <div className="evidence-outside" data-testid={testId}>
      <p className="evidence-outside-head">
        <span className="outside-dot" aria-hidden="true" />
        {heading}
      </p>
      <ul>
        {facts.map((f, i) => (
          <li key={i}>
            <strong>{f.label}:</strong> {f.note}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** How many records of the same report the panel lists before "Show all". */
const OTHERS_SHOWN = 25;

/**
 * The shared evidence panel: the verbatim excerpt behind a record, its source's metadata, and the other
 * records drawn from the same source. Opened by "Source" from any view; Escape, Close or Back returns focus
 * to where the user was. On a wide screen it lies over one view, the one the user is not looking at, and
 * moves nothing; on a narrow one it is a sheet over the shown view.
 */
export function EvidencePanel({
  index,
  target,
  over,
  onClose,
  onOpen,
  onSelect,
}: {
  /** The dataset with its lookups. */
  index: DatasetIndex;
  /** The record to show; null = closed. */
  target: EvidenceRef | null;
  /** The view the drawer lies over on a wide screen: the one the user did not open it from. */
  over: "network" | "quotes";
  /** Closes the panel (Escape or Close). */
  onClose(): void;
  /** Shows another record in the panel (one from the same report). */
  onOpen(ref: EvidenceRef): void;
  /** Selects the record in the views ("Highlight in the views"); the drawer then closes, so it hides none of it. */
  onSelect(selection: Selection): void;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const opener = useRef<Element | null>(null);
  const details = target ? describeEvidence(index, target) : null;
  // A report of a large dataset can hold thousands of records: list the first few, the rest on demand.
  const [showAll, setShowAll] = useState(false);
  const targetKey = target ? `${target.kind}:${target.id}` : "";
  const [seenTarget, setSeenTarget] = useState(targetKey);
  if (seenTarget !== targetKey) {
    setSeenTarget(targetKey);
    setShowAll(false);
  }

  useEffect(() => {
    if (!target) return;
    if (!opener.current) opener.current = document.activeElement;
    headingRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") onClose();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [target, onClose]);

  useEffect(() => {
    if (target || !opener.current) return;
    const el = opener.current as HTMLElement;
    opener.current = null;
    if (el.isConnected) el.focus?.();
  }, [target]);

  if (!target || !details) return null;
  const source = index.sourceById.get(details.sourceId);
  const same = index.recordsBySource.get(details.sourceId);
  const others: { ref: EvidenceRef; label: string }[] = [];
  if (same) {
    for (const e of same.events)
      if (!(target.kind === "event" && target.id === e.id))
        others.push({ ref: { kind: "event", id: e.id }, label: `Event: ${e.title}` });
    for (const s of same.stances)
      if (!(target.kind === "stance" && target.id === s.id))
        others.push({
          ref: { kind: "stance", id: s.id },
          label: `Stance: ${actorName(index, s.from)} → ${actorName(index, s.to)} (${s.type})`,
        });
    for (const q of same.quotes)
      if (!(target.kind === "quote" && target.id === q.id))
        others.push({
          ref: { kind: "quote", id: q.id },
          label: `Quote: ${actorName(index, q.speaker)} — “${q.text.length > 70 ? `${q.text.slice(0, 70)}…` : q.text}”`,
        });
  }
  return (
    <aside
      className="evidence-panel"
      aria-labelledby="evidence-heading"
      data-testid="evidence-panel"
      data-over={over}
    >
      <div className="evidence-head">
        <p className="evidence-kind">Evidence · {target.kind}</p>
        <button type="button" className="button" onClick={onClose} aria-label="Close evidence panel">
          Close
        </button>
      </div>
      <h2 id="evidence-heading" tabIndex={-1} ref={headingRef}>
        {details.heading}
      </h2>
      {details.context && <p className="evidence-note">{details.context}</p>}
      <figure className="evidence-excerpt">
        <blockquote data-testid="evidence-excerpt">{details.excerpt}</blockquote>
        <figcaption>Verbatim from the report · {formatDate(details.date, details.datePrecision)}</figcaption>
      </figure>
      {details.dateNote && <p className="evidence-note">Date: {details.dateNote}</p>}
      <OutsideFacts record={details} heading="From outside the reports" testId="evidence-outside" />
      {details.verdict && (
        <p className="verdict">
          <span className="verdict-badge">
            Rated {details.verdict.rating} by {details.verdict.reviewer}
          </span>{" "}
          “{details.verdict.reasoning}”
        </p>
      )}
      {source && (
        <dl className="source-meta" data-testid="evidence-source">
          <dt>Publisher</dt>
          <dd>{source.publisher}</dd>
          <dt>Title</dt>
          <dd>{source.title}</dd>
          <dt>Published</dt>
          <dd>
            {formatDate(source.published, source.datePrecision)}
            {source.dateNote ? ` (${source.dateNote})` : ""}
          </dd>
          <dt>Document</dt>
          <dd>
            <code>{source.document}</code>
          </dd>
          {source.note && (
            <>
              <dt>Note</dt>
              <dd>{source.note}</dd>
            </>
          )}
        </dl>
      )}
      {source && (
        <>
          <OutsideFacts
            record={source}
            heading="Not stated in the document"
            testId="evidence-source-outside"
          />
          <p className="source-links">
            <a href={`/about#source-${source.id}`} data-testid="evidence-about-link">
              About this report<span className="visually-hidden">: {source.title}</span>
            </a>
            {source.url &&
              (webLink(source.url) ? (
                <a href={source.url} rel="noopener noreferrer" data-testid="evidence-original-link">
                  Original article<span className="visually-hidden">: {source.title}</span>
                </a>
              ) : (
                // Not a web address (a `javascript:` URL in an opened file): shown, never a link.
                <span data-testid="evidence-original-text">
                  Original article (not a web link): {source.url}
                </span>
              ))}
          </p>
        </>
      )}
      {details.selection && (
        <p>
          <button
            type="button"
            className="button button-primary"
            onClick={() => onSelect(details.selection!)}
          >
            Highlight in the views
          </button>
        </p>
      )}
      {others.length > 0 && (
        <>
          <h3>Also from this report ({others.length})</h3>
          <ul className="evidence-others">
            {(showAll ? others : others.slice(0, OTHERS_SHOWN)).map((o) => (
              <li key={`${o.ref.kind}:${o.ref.id}`}>
                <button type="button" className="link-button" onClick={() => onOpen(o.ref)}>
                  {o.label}
                </button>
              </li>
            ))}
          </ul>
          {!showAll && others.length > OTHERS_SHOWN && (
            <button type="button" className="button" onClick={() => setShowAll(true)}>
              Show all {others.length}
            </button>
          )}
        </>
      )}
    </aside>
  );
}
