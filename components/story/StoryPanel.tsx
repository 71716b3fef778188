"use client";

import { useEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent } from "react";
import type { DatasetIndex } from "@/lib/data";
import { captionParts, captionText, parseCite, type Story } from "@/lib/story/steps";
import { describeEvidence } from "../evidence/describe";
import type { EvidenceRef } from "../viewProps";

/**
 * The region named "Story": "Step N of M", the step's title and caption, its cited records as links that
 * open the evidence panel, Previous / Next (← and → while the region has focus), and "Explore from here".
 * Loaded only on a page that shows a story (DashboardBody imports it lazily).
 */
export default function StoryPanel({
  index,
  story,
  step,
  embed,
  onStep,
  onLeave,
  onEvidence,
}: {
  /** The dataset, to name a cited record that has no words of its own in the caption. */
  index: DatasetIndex;
  story: Story;
  /** The shown step, 1-based. */
  step: number;
  /** In the embed, links open the full site in a new tab instead of navigating the frame. */
  embed: boolean;
  /** Shows another step of the story. */
  onStep(step: number): void;
  /** Leaves the story, keeping its step's view. */
  onLeave(): void;
  /** Opens the evidence panel on a cited record. */
  onEvidence(ref: EvidenceRef): void;
}) {
  const total = story.steps.length;
  const current = story.steps[step - 1]!;
  const parts = captionParts(current.caption);
  const inline = new Set(parts.flatMap((p) => (p.cite ? [`${p.cite.kind}:${p.cite.id}`] : [])));
  const others = current.cites.filter((c) => !inline.has(c)).flatMap((c) => parseCite(c) ?? []);
  // One polite announcement per step the reader moves to (none for the step the page opened on).
  const [announced, setAnnounced] = useState("");
  const shown = useRef(`${story.id}:${step}`);
  useEffect(() => {
    const key = `${story.id}:${step}`;
    if (shown.current === key) return;
    shown.current = key;
    setAnnounced(`Step ${step} of ${total}: ${current.title}. ${captionText(current.caption)}`);
  }, [story.id, step, total, current]);
  const region = useRef<HTMLElement>(null);
  // True once the band's code runs in the page (it hydrates on its own, after its chunk loads): until then
  // its buttons are server HTML that does nothing, and tests wait for it. False on the server.
  const hydrated = useSyncExternalStore(noSubscription, clientSnapshot, serverSnapshot);
  /** Shows step `n`; a button about to be disabled by it (Next on the last step) hands focus to the band. */
  const go = (n: number) => {
    if ((n === 1 || n === total) && document.activeElement?.tagName === "BUTTON") region.current?.focus();
    onStep(n);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const next = e.key === "ArrowRight" ? step + 1 : e.key === "ArrowLeft" ? step - 1 : 0;
    if (next < 1 || next > total) return;
    e.preventDefault();
    go(next);
  };
  const newTab = embed ? { target: "_blank", rel: "noopener" } : {};
  const cite = (ref: EvidenceRef, text: string, key: number | string) => (
    // A link (it wraps with the sentence, and opens the record's view in a new tab); a plain click opens
    // the record's evidence in the panel instead.
    <a
      key={key}
      href={citeHref(index, ref)}
      {...newTab}
      className="story-cite"
      data-cite={`${ref.kind}:${ref.id}`}
      onClick={(e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        onEvidence(ref);
      }}
    >
      {text}
    </a>
  );
  return (
    <section
      ref={region}
      className="story-band"
      aria-label="Story"
      aria-describedby="story-keys"
      data-testid="story"
      data-step={step}
      data-hydrated={hydrated ? "true" : undefined}
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <div className="story-head">
        <p className="story-kicker">
          <a href="/stories" className="story-all" {...newTab}>
            {story.title}
          </a>{" "}
          ·{" "}
          <span data-testid="story-count">
            Step {step} of {total}
          </span>
        </p>
        <div className="story-controls">
          <button type="button" className="button" disabled={step <= 1} onClick={() => go(step - 1)}>
            Previous
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={step >= total}
            onClick={() => go(step + 1)}
          >
            Next
          </button>
          <button type="button" className="button" onClick={onLeave}>
            Explore from here
          </button>
          <span id="story-keys" className="visually-hidden">
            Left and right arrow keys step through the story.
          </span>
        </div>
      </div>
      <div className="story-body">
        <h2 className="story-title" id="story-title">
          {current.title}
        </h2>
        <p className="story-caption" data-testid="story-caption">
          {parts.map((p, i) => (p.cite ? cite(p.cite, p.text, i) : p.text))}
        </p>
        {others.length > 0 && (
          <details className="story-also">
            <summary>
              {others.length} more {others.length === 1 ? "record" : "records"} cited
            </summary>
            <ul>
              {others.map((ref) => (
                <li key={`${ref.kind}:${ref.id}`}>
                  {cite(ref, describeEvidence(index, ref)?.heading ?? ref.id, `${ref.kind}:${ref.id}`)}
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
      <div className="visually-hidden" aria-live="polite" data-testid="story-announce">
        {announced}
      </div>
    </section>
  );
}

const noSubscription = () => () => {};
const clientSnapshot = () => true;
const serverSnapshot = () => false;

/**
 * Where a citation's link goes when opened in a new tab: the dashboard with the record selected (a claim,
 * which is not selectable, through the quote it is about).
 */
function citeHref(index: DatasetIndex, ref: EvidenceRef): string {
  if (ref.kind !== "claim") return `/?focus=${ref.kind}:${encodeURIComponent(ref.id)}`;
  const quote = index.data.quotes.find((q) => q.claimId === ref.id);
  return quote ? `/?focus=quote:${encodeURIComponent(quote.id)}` : "/about";
}
