"use client";

import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type FocusEvent as ReactFocusEvent,
  type KeyboardEvent as ReactKeyboardEvent,
  type MouseEvent as ReactMouseEvent,
  type PointerEvent as ReactPointerEvent,
} from "react";
import type { Episode, Event, EventKind } from "@/lib/model";
import { fromOutside } from "@/lib/model/provenance";
import type { VisibleRecords } from "@/lib/select";
import type { YearRange } from "@/lib/view";
import { eventLabelRank, layoutTimeline, type PlacedMark, type TimelineLayout } from "@/lib/layout/timeline";
import { cachedIn } from "@/lib/util/memo";
import { formatDate, formatYears } from "@/lib/time";
import type { LinkedViewProps } from "../viewProps";
import { markName } from "./describeEvent";
import { EpisodePanel } from "./EpisodePanel";
import { EventMark } from "./EventMark";
import { EventTable, TABLE_ROWS } from "./EventTable";
import { EventTooltip, type TipAnchor } from "./EventTooltip";
import { KIND_STYLE } from "./kindStyle";
import { markAt, MARK_SELECTOR } from "./markAt";
import { Overview } from "./Overview";
import { TimelineLegend } from "./TimelineLegend";
import { useElementWidth } from "../useElementWidth";
import styles from "./Timeline.module.css";

/** Props of the time axis: the linked-view props plus its own cross-filter context and controls. */
export interface TimelineProps extends LinkedViewProps {
  /** Records under every filter but the year range: the axis dims out-of-range marks instead of hiding them. */
  context: VisibleRecords;
  /** Picks an episode (clicking its band), or clears it with null. */
  onEpisode(id: string | null): void;
  /** Sets the year range from the brush; null clears it. `continuous` for every step of a drag but the first. */
  onYears(range: YearRange | null, continuous: boolean): void;
}

/**
 * Width laid out before the first measurement (server render, first paint): a phone's, where a wrong
 * guess would shift the page most (panels stack there, so their heights add up).
 */
const DEFAULT_WIDTH = 380;

/** The mark element an event happened in, if any. */
const markOf = (target: EventTarget | null): Element | null =>
  target instanceof Element ? target.closest(MARK_SELECTOR) : null;
const idOf = (mark: Element) => (mark.getAttribute("data-record") ?? "").slice("event:".length);
const yearOfIso = (iso: string) => Number(iso.slice(0, 4));

/** Layouts per list of events, by width and zoom; a list is dropped with the last reference to it. */
const layouts = new WeakMap<readonly Event[], Map<string, TimelineLayout>>();

/** A shown tooltip: which mark, where, how it was summoned, and the width it was placed at. */
interface Tip {
  id: string;
  anchor: TipAnchor;
  via: "pointer" | "focus";
  width: number;
}

/** The tooltip of a mark, anchored on its hit area in the root's coordinates. */
function tipFor(root: Element, mark: Element, via: Tip["via"], width: number): Tip {
  const r = root.getBoundingClientRect();
  const m = (mark.firstElementChild ?? mark).getBoundingClientRect();
  return {
    id: idOf(mark),
    anchor: { x: m.left + m.width / 2 - r.left, top: m.top - r.top, bottom: m.bottom - r.top },
    via,
    width,
  };
}

/** "1–30 Apr 2024", "28 Apr – 3 May 2024": an episode's days, as short as they read. */
function formatDays(start: string, end: string): string {
  const last = formatDate(end, "day", "short");
  if (start.slice(0, 7) === end.slice(0, 7)) return `${Number(start.slice(8, 10))}–${last}`;
  const first = formatDate(start, "day", "short");
  return `${start.slice(0, 4) === end.slice(0, 4) ? first.slice(0, -5) : first} – ${last}`;
}

/** The one-line status over the chart: the episode and the years the axis shows, as the view has them. */
function statusLine(years: YearRange | null, episode: Episode | undefined, span: YearRange): string {
  const shown = episode ? `Episode ${episode.label}, ${formatDays(episode.start, episode.end)}` : null;
  // Both: the click-to-clear hint gives way, so that the line stays one line.
  if (years && shown)
    return `${shown}; years ${formatYears(years)} selected: events outside them are dimmed.`;
  if (years)
    return `Years ${formatYears(years)} selected: events outside them are dimmed. Click the overview without dragging to clear.`;
  return shown ? `${shown}: only its events are shown.` : `All years shown, ${formatYears(span)}.`;
}

/**
 * The escalation time axis: an overview of the whole span with the episodes as bands (brush it to pick
 * years, click a band to pick the episode) over detail panels where each episode's days spread out. Marks
 * encode the event kind; clicking one focuses it everywhere. Keyboard: one tab stop, arrows move through
 * the events in time order, Enter selects, S opens the report excerpt.
 */
export function Timeline({
  index,
  view,
  linked,
  context,
  onSelect,
  onEvidence,
  onEpisode,
  onYears,
}: TimelineProps) {
  const { ref, elementRef: rootRef, width, measured } = useElementWidth<HTMLDivElement>(DEFAULT_WIDTH);
  const tipId = useId();
  const hintId = useId();
  const zoomed = view.episode !== null;
  const layout = useMemo(() => {
    const make = () =>
      layoutTimeline(context.events, index.data.episodes, {
        width,
        span: index.span,
        detailLabels: zoomed,
        labelRank: eventLabelRank(index),
        orderLimit: TABLE_ROWS,
      });
    // A list of events seen before (the unfiltered view's is the dataset's own array, so every reset) is laid
    // out once per width and zoom, for the last few widths (a resize passes through hundreds).
    let cached = layouts.get(context.events);
    if (!cached) layouts.set(context.events, (cached = new Map()));
    return cachedIn(cached, `${width}|${zoomed}`, make, 8);
  }, [context.events, index, width, zoomed]);
  // Drawn records are `context` (every filter but the years); of those, exactly the ones in `visible` (what
  // the summary counts) are inside the year range, so a year check decides the dimming without a set.
  const years = view.years;
  const inYears = useCallback(
    (id: string) => {
      const date = index.eventById.get(id)?.date;
      const year = date === undefined ? undefined : Number(date.slice(0, 4));
      return !years || (year !== undefined && year >= years.start && year <= years.end);
    },
    [index, years],
  );
  const interactive = !layout.aggregated;
  const position = useMemo(
    () => new Map(interactive ? layout.order.map((id, i) => [id, i]) : []),
    [layout.order, interactive],
  );
  // The legend lists what the chart draws now: the kinds of the drawn events in a fixed order (filters do
  // not reshuffle it), the bar of a month or year when one is drawn, the provenance dot when a drawn event
  // carries it.
  const legend = useMemo(() => {
    const present = new Set<EventKind>(context.events.map((e) => e.kind));
    return {
      kinds: (Object.keys(KIND_STYLE) as EventKind[]).filter((k) => present.has(k)),
      spans: !layout.aggregated && context.events.some((e) => e.datePrecision !== "day"),
      outside: !layout.aggregated && context.events.some(fromOutside),
    };
  }, [context.events, layout.aggregated]);

  const [active, setActive] = useState<string | null>(null);
  const [tip, setTip] = useState<Tip | null>(null);
  const [table, setTable] = useState(false);
  const pressed = useRef<string | null>(null);
  const touched = useRef(false);
  const tipRef = useRef<HTMLDivElement>(null);

  const focusedId = view.selection?.kind === "event" ? view.selection.id : null;
  // Roving tabindex: the last mark the user reached, else the selected event, else the first in time.
  const tabStop = !interactive
    ? null
    : active !== null && position.has(active)
      ? active
      : focusedId !== null && position.has(focusedId)
        ? focusedId
        : (layout.order[0] ?? null);
  const shownTip = tip && tip.width === width && position.has(tip.id) ? tip : null;

  const renderMark = useCallback(
    (m: PlacedMark, y: number) => {
      const e = index.eventById.get(m.id);
      if (!e) return null;
      const isLinked = linked.active && linked.events.has(m.id);
      return (
        <EventMark
          key={m.id}
          mark={m}
          y={y}
          kind={e.kind}
          name={markName(e)}
          describedBy={shownTip?.id === m.id ? tipId : undefined}
          focused={focusedId === m.id}
          linked={isLinked}
          dimmed={!inYears(m.id) || (linked.active && !isLinked)}
          tabbable={tabStop === m.id}
          outside={fromOutside(e)}
        />
      );
    },
    [index, linked, focusedId, inYears, tabStop, shownTip?.id, tipId],
  );

  const showTip = (mark: Element, via: Tip["via"]) => {
    if (rootRef.current) setTip(tipFor(rootRef.current, mark, via, width));
  };
  // A mark focused before hydration (a fast keyboard, a test) had no handler yet: give it its tooltip now.
  useEffect(() => {
    const el = rootRef.current;
    const mark = markOf(document.activeElement);
    if (!measured || !el || !mark || !el.contains(mark)) return;
    setTip(tipFor(el, mark, "focus", width));
  }, [measured, rootRef, width]);
  const focusMark = (id: string) => {
    const el = rootRef.current?.querySelector<SVGGElement>(`[data-record="event:${CSS.escape(id)}"]`);
    el?.focus();
  };

  const onClick = (e: ReactMouseEvent) => {
    const mark = markAt(e.target, e.clientX, e.clientY);
    if (!mark) return;
    const id = idOf(mark);
    if (mark !== markOf(e.target)) focusMark(id); // overlapping hit areas: focus went to the one drawn last
    setActive(id);
    // A second tap keeps the selection (touch has no hover to warn of a toggle); the summary chip's × clears it.
    if (!(touched.current && focusedId === id)) onSelect({ kind: "event", id });
  };
  const onKeyDown = (e: ReactKeyboardEvent) => {
    if (e.key === "Escape" && shownTip) {
      setTip(null);
      return;
    }
    const mark = markOf(e.target);
    if (!mark || e.altKey || e.ctrlKey || e.metaKey) return;
    const id = idOf(mark);
    const at = position.get(id) ?? 0;
    const last = layout.order.length - 1;
    let next: number;
    switch (e.key) {
      case "ArrowRight":
      case "ArrowDown":
        next = Math.min(last, at + 1);
        break;
      case "ArrowLeft":
      case "ArrowUp":
        next = Math.max(0, at - 1);
        break;
      case "Home":
        next = 0;
        break;
      case "End":
        next = last;
        break;
      case "Enter":
      case " ":
        e.preventDefault();
        onSelect({ kind: "event", id });
        return;
      case "s":
      case "S":
        e.preventDefault();
        onEvidence({ kind: "event", id });
        return;
      default:
        return;
    }
    e.preventDefault();
    const nextId = layout.order[next];
    if (nextId === undefined) return;
    setActive(nextId);
    focusMark(nextId);
  };
  const onPointerDown = (e: ReactPointerEvent) => {
    const mark = markAt(e.target, e.clientX, e.clientY);
    pressed.current = mark ? idOf(mark) : null;
    touched.current = e.pointerType === "touch";
  };
  const onPointerOver = (e: ReactPointerEvent) => {
    const mark = markOf(e.target);
    if (mark && shownTip?.id !== idOf(mark)) showTip(mark, "pointer");
  };
  const onPointerOut = (e: ReactPointerEvent) => {
    const from = markOf(e.target);
    if (!from || markOf(e.relatedTarget) === from) return;
    setTip((t) => (t && t.via === "pointer" ? null : t));
  };
  const onFocusIn = (e: ReactFocusEvent) => {
    const mark = markOf(e.target);
    if (!mark) return;
    const id = idOf(mark);
    setActive(id);
    // Focus that follows a press on the same mark comes from the pointer, whose hover tooltip is up already.
    const byPointer = pressed.current === id;
    pressed.current = null;
    if (!byPointer) showTip(mark, "focus");
  };
  const onFocusOut = (e: ReactFocusEvent) => {
    const inTip = (n: EventTarget | null) => n instanceof Node && !!tipRef.current?.contains(n);
    if (!markOf(e.target) && !inTip(e.target)) return;
    // Moving from the mark into its tooltip (to press Source) keeps the tooltip.
    if (inTip(e.relatedTarget)) return;
    setTip((t) => (t && t.via === "focus" ? null : t));
  };

  const tipEvent = shownTip ? index.eventById.get(shownTip.id) : undefined;
  const empty = context.events.length === 0;
  const episodeById = index.episodeById;

  return (
    <div
      ref={ref}
      className={styles.root}
      onClick={onClick}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerOver={onPointerOver}
      onPointerOut={onPointerOut}
      onFocus={onFocusIn}
      onBlur={onFocusOut}
      data-testid="timeline"
      data-measured={measured ? "true" : undefined}
    >
      <div className={styles.toolbar}>
        <p className={styles.hint} id={hintId}>
          {empty
            ? index.data.events.length === 0
              ? "This dataset has no events."
              : "No events match the current filters."
            : interactive
              ? "Drag along the overview to pick years; click a band to open its episode. Marks: arrow keys move in time order, Enter selects, S opens the report excerpt."
              : `${context.events.length.toLocaleString("en")} events: too many to draw one by one, so they are counted per period. Pick an episode or actors to see each event.`}
        </p>
        <button type="button" className="toggle" aria-pressed={table} onClick={() => setTable((t) => !t)}>
          Show as table
        </button>
      </div>
      {!empty && <TimelineLegend kinds={legend.kinds} spans={legend.spans} outside={legend.outside} />}
      {/* Always there, so that picking years rewrites a line instead of pushing the whole chart down
          (which repainted all of it). */}
      {!empty && (
        <p className={styles.status} data-testid="timeline-years-status">
          {statusLine(view.years, view.episode ? episodeById.get(view.episode) : undefined, index.span)}
        </p>
      )}
      {!empty && !table && (
        <div className={styles.chart}>
          <Overview
            track={layout.overview}
            episodes={episodeById}
            span={index.span}
            years={view.years}
            episode={view.episode}
            renderMark={renderMark}
            describedBy={hintId}
            onEpisode={onEpisode}
            onYears={onYears}
          />
          <div
            className={styles.panels}
            style={
              measured
                ? { gridTemplateColumns: `repeat(${layout.columns}, ${layout.panelWidth}px)` }
                : undefined
            }
          >
            {layout.episodes.map((track) => {
              const ep = track.episode;
              const outside =
                view.years !== null &&
                (yearOfIso(ep.end) < view.years.start || yearOfIso(ep.start) > view.years.end);
              return (
                <EpisodePanel
                  key={ep.id}
                  track={track}
                  title={episodeById.get(ep.id)?.title ?? ep.label}
                  selected={view.episode === ep.id}
                  dimmed={outside}
                  renderMark={renderMark}
                  onEpisode={onEpisode}
                />
              );
            })}
          </div>
        </div>
      )}
      {shownTip && tipEvent && !table && (
        <EventTooltip
          ref={tipRef}
          id={tipId}
          index={index}
          event={tipEvent}
          anchor={shownTip.anchor}
          rootWidth={width}
          interactive={shownTip.via === "focus"}
          onSource={() => onEvidence({ kind: "event", id: tipEvent.id })}
        />
      )}
      <EventTable index={index} order={layout.order} total={layout.total} inYears={inYears} shown={table} />
    </div>
  );
}
