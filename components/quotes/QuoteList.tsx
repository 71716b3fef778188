"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { DatasetIndex } from "@/lib/data";
import type { Linked } from "@/lib/select";
import { prefixOffsets, rowOf, visibleRange, type QuoteGroup } from "@/lib/select/quotes";
import type { Selection } from "@/lib/view";
import type { EvidenceRef } from "../viewProps";
import { QuoteCard } from "./QuoteCard";
import { SpeakerHeader } from "./SpeakerHeader";
import styles from "./QuotePanel.module.css";
import { recordState } from "./recordState";

/** Props of the (optionally windowed) list of speaker groups. */
export interface QuoteListProps {
  index: DatasetIndex;
  groups: readonly QuoteGroup[];
  /** Where each group's rows start (`groupRowStarts`): a header row, then one row per quote. */
  starts: Int32Array;
  /** Render only the rows near the viewport (long lists). */
  windowed: boolean;
  /** The selected record, if any. */
  selection: Selection | null;
  /** What the selection links to. */
  linked: Linked;
  /** The row to bring into view when the selection changes; -1 for none. */
  target: number;
  /** Selects a quote or a speaker. */
  onSelect(selection: Selection): void;
  /** Opens the evidence panel on a record. */
  onEvidence(ref: EvidenceRef): void;
}

/** Rows rendered beyond each edge of the viewport, in pixels, so fast scrolling does not show blanks. */
const OVERSCAN = 600;
/** The viewport assumed before the first measurement (also on the server, so hydration agrees). */
const INITIAL_VIEWPORT = 820;
const INITIAL_WIDTH = 600;
const HEADER_ESTIMATE = 64;

/** A height guess for a quote row not yet measured; the measurement replaces it once it has rendered. */
function estimateQuote(group: QuoteGroup, entry: number, width: number): number {
  const quote = group.entries[entry]?.quote;
  if (!quote) return 160;
  const charsPerLine = Math.max(24, (width - 40) / 8.5);
  return 132 + Math.ceil(quote.text.length / charsPerLine) * 24 + (quote.claimId ? 140 : 0);
}

/** True when `el` sits in the list box: wholly, or from its top when it is taller than the box. */
function inView(box: HTMLElement, el: Element): boolean {
  const b = box.getBoundingClientRect();
  const r = el.getBoundingClientRect();
  return r.top >= b.top - 1 && (r.bottom <= b.bottom + 1 || r.top <= b.top + 12);
}

/** Scrolls the list box (never the page) to put `el` near its top. */
function scrollTo(box: HTMLElement, el: Element) {
  box.scrollTop += el.getBoundingClientRect().top - box.getBoundingClientRect().top - 8;
}

/** Scroll corrections allowed while a windowed row settles (estimates giving way to measurements). */
const MAX_ATTEMPTS = 12;

/**
 * The scrolling list of speaker groups. Short lists render every row; long ones render only the rows
 * near the viewport, between two paddings that stand for the rest, using measured row heights where
 * known and estimates elsewhere. When the selection changes, the first linked row is scrolled into view
 * inside the list (the page itself does not move).
 */
export function QuoteList({
  index,
  groups,
  starts,
  windowed,
  selection,
  linked,
  target,
  onSelect,
  onEvidence,
}: QuoteListProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(INITIAL_VIEWPORT);
  const [width, setWidth] = useState(INITIAL_WIDTH);
  // Measured heights by row index; a new list (other filters or order) starts over.
  const [measured, setMeasured] = useState<ReadonlyMap<number, number>>(() => new Map());
  const [measuredFor, setMeasuredFor] = useState(starts);
  if (measuredFor !== starts) {
    setMeasuredFor(starts);
    setMeasured(new Map());
  }
  const rowCount = starts[groups.length] ?? 0;

  // Estimated row heights, once per list and width; measurements arrive in batches as rows render, and
  // each batch then costs a copy and a prefix sum, not an estimate per row.
  const estimates = useMemo(() => {
    if (!windowed) return null;
    const heights = new Float64Array(rowCount);
    groups.forEach((g, gi) => {
      const s = starts[gi]!;
      heights[s] = HEADER_ESTIMATE;
      for (let e = 0; e < g.entries.length; e++) heights[s + 1 + e] = estimateQuote(g, e, width);
    });
    return heights;
  }, [windowed, groups, starts, rowCount, width]);
  const offsets = useMemo(() => {
    if (!estimates) return null;
    if (measured.size === 0) return prefixOffsets(estimates);
    const heights = estimates.slice();
    for (const [row, h] of measured) if (row < rowCount) heights[row] = h;
    return prefixOffsets(heights);
  }, [estimates, rowCount, measured]);
  const range = offsets ? visibleRange(offsets, scrollTop, viewport, OVERSCAN) : { start: 0, end: rowCount };

  // Row measuring: one observer for every rendered row; results are batched into one state update.
  const observer = useRef<ResizeObserver | null>(null);
  const measureRef = useCallback((el: HTMLElement | null) => {
    if (!el || typeof ResizeObserver === "undefined") return;
    observer.current ??= new ResizeObserver((entries) => {
      const updates: [number, number][] = [];
      for (const entry of entries) {
        const row = Number((entry.target as HTMLElement).dataset.row);
        const h = entry.borderBoxSize?.[0]?.blockSize ?? entry.target.getBoundingClientRect().height;
        if (Number.isInteger(row) && h > 0) updates.push([row, h]);
      }
      if (updates.length === 0) return;
      setMeasured((prev) => {
        if (updates.every(([k, h]) => Math.abs((prev.get(k) ?? -1) - h) < 0.5)) return prev;
        const next = new Map(prev);
        for (const [k, h] of updates) next.set(k, h);
        return next;
      });
    });
    const ro = observer.current;
    ro.observe(el);
    return () => ro.unobserve(el);
  }, []);
  useEffect(() => () => observer.current?.disconnect(), []);
  // Rows that stay mounted across a new list keep their size but change their index: observe them afresh
  // so the observer reports them under their new index.
  useEffect(() => {
    const ro = observer.current;
    const box = boxRef.current;
    if (!ro || !box || !windowed) return;
    ro.disconnect();
    box.querySelectorAll("[data-row]").forEach((el) => ro.observe(el));
  }, [starts, windowed]);

  // The box's own size: its height is the viewport; a new width re-wraps every row, so old heights go.
  useEffect(() => {
    const box = boxRef.current;
    if (!windowed || !box || typeof ResizeObserver === "undefined") return;
    let lastWidth = -1;
    const ro = new ResizeObserver(() => {
      setViewport(box.clientHeight || INITIAL_VIEWPORT);
      if (box.clientWidth !== lastWidth) {
        if (lastWidth !== -1) setMeasured(new Map());
        lastWidth = box.clientWidth;
        setWidth(box.clientWidth);
      }
    });
    ro.observe(box);
    return () => ro.disconnect();
  }, [windowed]);

  const frame = useRef(0);
  // The box's scroll position as of its last scroll event: reading or setting scrollTop forces a layout of
  // the freshly changed list inside the filter change's frame, so the reset below consults this instead.
  const lastScroll = useRef(0);
  const onScroll = useCallback(() => {
    lastScroll.current = boxRef.current?.scrollTop ?? 0;
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      if (boxRef.current) setScrollTop(boxRef.current.scrollTop);
    });
  }, []);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  // A new list (other filters or order) starts from its top; not on the first render, where a deep link
  // may scroll to its selection.
  const lastStarts = useRef(starts);
  // The row still to bring into view after a selection change (-1: none); row indexes die with their list.
  const pending = useRef(-1);
  useEffect(() => {
    if (lastStarts.current === starts) return;
    lastStarts.current = starts;
    pending.current = -1;
    if (boxRef.current && lastScroll.current !== 0) {
      boxRef.current.scrollTop = 0;
      lastScroll.current = 0;
    }
  }, [starts]);

  // Bring the first linked quote into view when the selection changes, and only then. A windowed row that is
  // not rendered yet is approached by its estimated offset, then corrected on the following renders while
  // measurements replace the estimates around it, until it sits in view.
  const selectionKey = selection ? `${selection.kind}:${selection.id}` : "";
  const lastSelection = useRef("");
  const attempts = useRef(0);
  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    if (selectionKey !== lastSelection.current) {
      lastSelection.current = selectionKey;
      pending.current = selectionKey ? target : -1;
      attempts.current = 0;
    }
    const row = pending.current;
    if (row < 0) return;
    if (++attempts.current > MAX_ATTEMPTS || row >= rowCount) {
      pending.current = -1;
      return;
    }
    // A windowed row carries its index; in a short list rows are found by the record they draw.
    let selector = `[data-row="${row}"]`;
    if (!windowed) {
      const { group, entry } = rowOf(starts, row);
      const g = groups[group];
      const record = entry < 0 ? `actor:${g?.speaker}` : `quote:${g?.entries[entry]?.quote.id}`;
      selector = `[data-record="${CSS.escape(record)}"]`;
    }
    const el = box.querySelector(selector);
    if (el && inView(box, el)) pending.current = -1;
    else if (el) {
      scrollTo(box, el);
      // Every row of a short list is rendered at its true height: one scroll is exact.
      if (!offsets) pending.current = -1;
    } else if (offsets) box.scrollTop = Math.max(0, offsets[row]! - 8);
    else pending.current = -1;
  }, [selectionKey, target, offsets, rowCount, scrollTop, windowed, starts, groups]);

  // Consecutive rows of one group render inside one group element (its header only if it is in range).
  const slices: { group: number; first: number; last: number; header: boolean }[] = [];
  let row = range.start;
  while (row < range.end) {
    const { group, entry } = rowOf(starts, row);
    const g = groups[group]!;
    const groupEnd = Math.min(range.end, starts[group + 1]!);
    slices.push({
      group,
      header: entry === -1,
      first: Math.max(0, entry),
      last: Math.min(g.entries.length, groupEnd - starts[group]! - 1),
    });
    row = groupEnd;
  }
  const total = offsets ? offsets[rowCount]! : 0;
  const padTop = offsets ? offsets[range.start]! : 0;
  const padBottom = offsets ? total - offsets[range.end]! : 0;
  const measure = windowed ? measureRef : undefined;

  return (
    <div
      ref={boxRef}
      className={styles.scroller}
      onScroll={windowed ? onScroll : undefined}
      data-testid="quote-list"
      data-windowed={windowed ? "true" : undefined}
    >
      <div style={windowed ? { paddingTop: padTop, paddingBottom: padBottom } : undefined}>
        {slices.map(({ group, header, first, last }) => {
          const g = groups[group]!;
          const base = starts[group]!;
          return (
            <div
              key={g.speaker}
              className={styles.group}
              data-testid="speaker-group"
              data-speaker={g.speaker}
            >
              {header && (
                <SpeakerHeader
                  index={index}
                  speaker={g.speaker}
                  count={g.entries.length}
                  state={recordState(
                    linked.active,
                    selection?.kind === "actor" && selection.id === g.speaker,
                    linked.actors.has(g.speaker),
                  )}
                  onSelect={onSelect}
                  measureRef={measure}
                  row={windowed ? base : undefined}
                />
              )}
              {last > first && (
                <ol className={styles.quoteList} aria-label={`Quotes by ${g.name}`}>
                  {g.entries.slice(first, last).map((entry, k) => {
                    const q = entry.quote;
                    return (
                      <QuoteCard
                        key={q.id}
                        index={index}
                        quote={q}
                        joined={entry.joined}
                        state={recordState(
                          linked.active,
                          selection?.kind === "quote" && selection.id === q.id,
                          linked.quotes.has(q.id),
                        )}
                        onSelect={onSelect}
                        onEvidence={onEvidence}
                        measureRef={measure}
                        row={windowed ? base + 1 + first + k : undefined}
                      />
                    );
                  })}
                </ol>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
