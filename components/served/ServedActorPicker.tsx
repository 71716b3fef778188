"use client";

import { memo, useDeferredValue, useId, useState, type KeyboardEvent } from "react";
import type { Actor } from "@/lib/model";
import { OptionRow } from "../filters/ActorPicker";
import { answerUrl, namesOf, useAnswer } from "./answers";

/** Options listed: the actors with the most records under the other filters (among those that match). */
const LISTED = 20;

/**
 * The actor filter over a dataset served by DuckDB, whose actors (millions) never come to the browser: a
 * type-ahead combobox (ARIA 1.2) whose options the actors route answers, the busiest first with their records
 * under every filter but the actor one; the picked actors are chips that remove them. The same keys and the
 * same semantics as the dashboard's picker (components/filters/ActorPicker.tsx).
 */
export const ServedActorPicker = memo(function ServedActorPicker({
  selected,
  named,
  query,
  onToggle,
}: {
  /** The actor filter's ids. */
  selected: readonly string[];
  /** Records of the selected actors (from the summary answer), for the chips. */
  named: readonly Actor[];
  /** The route query of every filter but the actor one. */
  query: string;
  onToggle(id: string): void;
}) {
  const id = useId();
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const match = useDeferredValue(text.trim());
  // Asked only while the list is open; a closed picker costs no request.
  const answer = useAnswer<"actors">(
    open ? answerUrl("actors", { limit: LISTED, ...(match ? { match } : {}) }, query) : "",
  );
  const options = open && answer.data ? answer.data.actors : [];
  const names = namesOf(answer.data?.named, named);
  const at = Math.min(active, Math.max(0, options.length - 1));
  const pick = (actorId: string) => {
    onToggle(actorId);
    setText("");
    setActive(0);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.max(0, Math.min(options.length - 1, a + (e.key === "ArrowDown" ? 1 : -1))));
    } else if (e.key === "Enter" && open && options[at]) {
      e.preventDefault();
      pick(options[at]!.id);
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      setOpen(false);
    }
  };
  const activeId = open ? options[at]?.id : undefined;
  return (
    <div className="actor-picker">
      <label htmlFor={`${id}-input`} className="control-label">
        Actors
      </label>
      <div className="combobox">
        <input
          id={`${id}-input`}
          type="text"
          role="combobox"
          aria-expanded={open}
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={activeId ? `${id}-opt-${activeId}` : undefined}
          placeholder={selected.length > 0 ? "Add…" : "Type a name…"}
          autoComplete="off"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onClick={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
          data-testid="served-actor-input"
        />
        <div
          id={`${id}-list`}
          role="listbox"
          aria-multiselectable="true"
          aria-label="Actors"
          className="combobox-list"
          hidden={!open}
          tabIndex={-1}
          aria-busy={answer.state === "loading"}
        >
          {options.length === 0 && (
            <div className="combobox-empty">
              {answer.state === "loading"
                ? "Searching…"
                : (answer.error ??
                  `No actor${match ? ` matching “${match}”` : ""} has records under the other filters.`)}
            </div>
          )}
          {options.map((o) => {
            const actor = names.get(o.id);
            return (
              actor && (
                <OptionRow
                  key={o.id}
                  id={`${id}-opt-${o.id}`}
                  actor={actor}
                  selected={selected.includes(o.id)}
                  active={o.id === activeId}
                  count={o.count}
                  onToggle={pick}
                />
              )
            );
          })}
        </div>
      </div>
      {selected.length > 0 && (
        <ul className="chip-list" aria-label="Selected actors">
          {selected.map((actorId) => (
            <li key={actorId}>
              <button
                type="button"
                className="chip"
                onClick={() => onToggle(actorId)}
                aria-label={`Remove actor ${names.get(actorId)?.name ?? actorId}`}
                title={names.get(actorId)?.name ?? actorId}
              >
                <span className="chip-text">{names.get(actorId)?.name ?? actorId}</span>{" "}
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});
