"use client";

import {
  memo,
  useCallback,
  useDeferredValue,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from "react";
import type { Actor } from "@/lib/model";
import { actorOptions } from "@/lib/select/actorOptions";
import type { ActorCounts } from "@/lib/select/filters";
import { ACTOR_KIND_LABEL } from "../theme";

/** Options drawn per group; with a hundred thousand actors the list would otherwise be the page's bottleneck. */
const MAX_PER_GROUP = 50;

const NO_COUNTS: ActorCounts = { get: () => 0, at: () => 0 };

/**
 * Actor picker: a type-ahead combobox (ARIA 1.2 pattern) whose options are grouped by kind and show how many
 * records each actor has under the other filters. Enter or click toggles an actor and clears the text, so the
 * next name can be typed at once; picked ones show as chips, each a button that removes its actor. A tap also
 * closes the list, which on a phone covers what the pick changed. In the wide screen's one-row filter bar the
 * chips sit beside the text field and scroll sideways when they outgrow the room the bar has, their strip's
 * edges fading where more chips lie (`data-more`); a focused chip scrolls into sight.
 */
export const ActorPicker = memo(function ActorPicker({
  actors,
  selected,
  getCounts,
  onToggle,
}: {
  /** Every actor of the dataset. */
  actors: readonly Actor[];
  /** Selected actor ids. */
  selected: readonly string[];
  /** Records per actor under every filter but the actor one; called only while the list is open. */
  getCounts(): ActorCounts;
  /** Adds or removes an actor from the selection. */
  onToggle(id: string): void;
}) {
  const id = useId();
  const listId = `${id}-list`;
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // The kind of pointer that pressed an option last; the pick itself happens on the mouse event that follows.
  const pointerType = useRef("mouse");

  // The counts follow a filter change in a deferred render right after the frame that updates the views:
  // recounting every shown record's actors grows with the dataset and must not hold up the views (the
  // picker is not one of them).
  const currentCounts = useDeferredValue(getCounts);
  const counts = open ? currentCounts() : NO_COUNTS;
  const groups = useMemo(
    () => (open ? actorOptions(actors, counts, query, MAX_PER_GROUP) : []),
    [actors, counts, query, open],
  );
  const flat = useMemo(() => groups.flatMap((g) => g.actors), [groups]);
  const activeIndex = Math.min(active, Math.max(0, flat.length - 1));
  const activeActor = open ? flat[activeIndex] : undefined;
  const byId = useMemo(() => new Map(actors.map((a) => [a.id, a])), [actors]);
  const { ref: chipsRef, hidden: hiddenChips, reveal: revealChips } = useChipStrip(selected.length);

  const pick = useCallback(
    (actorId: string) => {
      onToggle(actorId);
      setQuery("");
      setActive(0);
      if (pointerType.current === "touch") setOpen(false);
      pointerType.current = "mouse";
    },
    [onToggle],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    pointerType.current = "keyboard";
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!open) setOpen(true);
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((i) =>
        flat.length === 0 ? 0 : (Math.min(i, flat.length - 1) + step + flat.length) % flat.length,
      );
    } else if (e.key === "Enter") {
      if (open && activeActor) {
        e.preventDefault();
        pick(activeActor.id);
      }
    } else if (e.key === "Escape") {
      if (open) {
        e.preventDefault();
        setOpen(false);
      } else setQuery("");
    } else if (e.key === "Home" && open) {
      e.preventDefault();
      setActive(0);
    } else if (e.key === "End" && open) {
      e.preventDefault();
      setActive(flat.length - 1);
    }
  };

  return (
    <div className="actor-picker">
      <label htmlFor={`${id}-input`} className="control-label">
        Actors
      </label>
      <div className="combobox">
        <input
          id={`${id}-input`}
          ref={inputRef}
          type="text"
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeActor ? `${id}-opt-${activeActor.id}` : undefined}
          placeholder={selected.length > 0 ? "Add…" : "Type a name: Russia, Lavrov…"}
          autoComplete="off"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          // A tap on the input it kept focus in reopens the list a tapped pick closed.
          onClick={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        <div
          id={listId}
          role="listbox"
          aria-multiselectable="true"
          aria-label="Actors"
          className="combobox-list"
          hidden={!open}
          // A scrolling box is a Tab stop of its own in Chromium: Tab from the input would land here, the
          // input's blur would then hide it, and focus would fall to <body>. Options are reached with arrows.
          tabIndex={-1}
          onPointerDown={(e) => {
            pointerType.current = e.pointerType;
          }}
        >
          {flat.length === 0 && <div className="combobox-empty">No actor matches “{query}”.</div>}
          {groups.map((g) => (
            <div key={g.kind} role="group" aria-labelledby={`${id}-grp-${g.kind}`}>
              <div id={`${id}-grp-${g.kind}`} className="combobox-group" role="presentation">
                {ACTOR_KIND_LABEL[g.kind]}
              </div>
              {g.actors.map((a) => (
                <OptionRow
                  key={a.id}
                  id={`${id}-opt-${a.id}`}
                  actor={a}
                  selected={selected.includes(a.id)}
                  active={a === activeActor}
                  count={counts.get(a.id)}
                  onToggle={pick}
                />
              ))}
              {g.hidden > 0 && (
                <div className="combobox-more" role="presentation">
                  and {g.hidden.toLocaleString("en")} more — type to narrow
                </div>
              )}
            </div>
          ))}
        </div>
      </div>
      {selected.length > 0 && (
        <ul className="chip-list" aria-label="Selected actors" ref={chipsRef}>
          {selected.map((a) => (
            <li key={a}>
              <button
                type="button"
                className="chip"
                onClick={() => onToggle(a)}
                aria-label={`Remove actor ${byId.get(a)?.name ?? a}`}
                title={byId.get(a)?.name ?? a}
              >
                <span className="chip-text">{byId.get(a)?.name ?? a}</span> <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {hiddenChips > 0 && (
        // For the pointer: how many chips the strip hides, and a click brings them into sight. The keyboard
        // reaches each chip with Tab (a focused chip scrolls into sight), and the summary line names them all.
        <button
          type="button"
          className="chip-more"
          tabIndex={-1}
          aria-hidden="true"
          title="Show the other picked actors"
          onClick={revealChips}
        >
          +{hiddenChips}
        </button>
      )}
    </div>
  );
});

/**
 * The chip strip's sideways scroll, for a strip that holds more chips than its room: marks which of its ends
 * hide chips (`data-more="start end"`, for the fades), counts the chips not wholly in sight (`hidden`),
 * `reveal` scrolls to the next of them, and a mouse wheel's vertical turn over the strip scrolls it
 * sideways. Nothing to do while it fits (a wrapping strip, on a narrow screen, always does).
 */
function useChipStrip(count: number) {
  const ref = useRef<HTMLUListElement>(null);
  const [hidden, setHidden] = useState(0);
  useEffect(() => {
    const strip = ref.current;
    if (!strip) {
      setHidden(0);
      return;
    }
    const mark = () => {
      const room = strip.scrollWidth - strip.clientWidth;
      const more = [strip.scrollLeft > 1 && "start", strip.scrollLeft < room - 1 && "end"].filter(Boolean);
      if (more.length) strip.dataset.more = more.join(" ");
      else delete strip.dataset.more;
      const box = strip.getBoundingClientRect();
      setHidden(
        [...strip.children].filter((li) => {
          const r = li.getBoundingClientRect();
          return r.left < box.left - 1 || r.right > box.right + 1;
        }).length,
      );
    };
    const wheel = (e: WheelEvent) => {
      if (strip.scrollWidth <= strip.clientWidth || Math.abs(e.deltaY) <= Math.abs(e.deltaX)) return;
      e.preventDefault();
      strip.scrollLeft += e.deltaY;
    };
    // Marked from the observer's first report, which comes after the frame's layout: calling it here forced
    // a layout in the middle of picking an actor (React runs a click's effects before the paint).
    const resize = new ResizeObserver(mark);
    resize.observe(strip);
    strip.addEventListener("scroll", mark, { passive: true });
    strip.addEventListener("wheel", wheel, { passive: false });
    return () => {
      resize.disconnect();
      strip.removeEventListener("scroll", mark);
      strip.removeEventListener("wheel", wheel);
    };
  }, [count]);
  const reveal = useCallback(() => {
    const strip = ref.current;
    if (!strip) return;
    const right = strip.getBoundingClientRect().right;
    const next = [...strip.children].find((li) => li.getBoundingClientRect().right > right + 1);
    // The first chip past the strip's end brought to its end; at the end already, back to the start.
    strip.scrollTo({
      left: next ? strip.scrollLeft + next.getBoundingClientRect().right - right : 0,
      behavior: "smooth",
    });
  }, []);
  return { ref, hidden, reveal };
}

/**
 * One option of the list. Memoised: a pick changes one row's tick, a key press one row's highlight, and
 * the other rows (up to fifty per kind) are left alone.
 */
export const OptionRow = memo(function OptionRow({
  id,
  actor,
  selected,
  active,
  count,
  onToggle,
}: {
  id: string;
  actor: Actor;
  selected: boolean;
  active: boolean;
  /** Records of the actor under the other filters. */
  count: number;
  /** Picks or unpicks the row's actor. */
  onToggle(id: string): void;
}) {
  return (
    <div
      id={id}
      role="option"
      aria-selected={selected}
      className={`combobox-option${active ? " is-active" : ""}${count === 0 ? " is-empty" : ""}`}
      // mousedown, not click: the input keeps focus so the list stays open for more picks.
      onMouseDown={(e) => {
        e.preventDefault();
        onToggle(actor.id);
      }}
    >
      <span className="check" aria-hidden="true">
        {selected ? "✓" : ""}
      </span>
      <span className="option-name">{actor.name}</span>
      <span className="option-count" aria-label={`${count} records`}>
        {count}
      </span>
    </div>
  );
});
