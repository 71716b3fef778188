"use client";

import {
  memo,
  useCallback,
  useDeferredValue,
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
 * next name can be typed at once; picked ones show as chips. A tap also closes the list, which on a phone
 * covers what the pick changed.
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
          placeholder="Type a name: Russia, Lavrov…"
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
        <ul className="chip-list" aria-label="Selected actors">
          {selected.map((a) => (
            <li key={a}>
              <button
                type="button"
                className="chip"
                onClick={() => onToggle(a)}
                aria-label={`Remove actor ${byId.get(a)?.name ?? a}`}
              >
                {byId.get(a)?.name ?? a} <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});

/**
 * One option of the list. Memoised: a pick changes one row's tick, a key press one row's highlight, and
 * the other rows (up to fifty per kind) are left alone.
 */
const OptionRow = memo(function OptionRow({
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
