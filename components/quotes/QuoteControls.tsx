"use client";

import { memo, useId, useRef, useState } from "react";
import type { QuoteSort } from "@/lib/select/quotes";
import { normalizeQuery } from "@/lib/view";
import styles from "./QuotePanel.module.css";

/** Props of the quote panel's search box and sort switch. */
export interface QuoteControlsProps {
  /** The search in the view state (`q` in the URL). */
  q: string;
  /** Sets the search; `continuous` while typing (replaces the history entry instead of adding one). */
  onQuery(q: string, continuous: boolean): void;
  sort: QuoteSort;
  onSort(sort: QuoteSort): void;
}

const SORTS: { value: QuoteSort; label: string }[] = [
  { value: "date", label: "By date" },
  { value: "speaker", label: "By speaker" },
];

/**
 * Search over quote text and speakers (name and role) and the group order. The box keeps its own draft so that a trailing space being
 * typed survives (the URL value is normalised), and follows `q` when it changes from outside (a chip,
 * back / forward). The first keystroke of an edit adds a history entry; the rest replace it.
 */
export const QuoteControls = memo(function QuoteControls({ q, onQuery, sort, onSort }: QuoteControlsProps) {
  const id = useId();
  const [draft, setDraft] = useState(q);
  const [seen, setSeen] = useState(q);
  if (seen !== q) {
    setSeen(q);
    if (normalizeQuery(draft) !== q) setDraft(q);
  }
  const editing = useRef(false);
  const inputRef = useRef<HTMLInputElement>(null);

  return (
    <div className={styles.controls}>
      <div className={styles.search} role="search">
        <label htmlFor={id} className="control-label">
          Search quote text and speakers
        </label>
        <div className={styles.searchRow}>
          <input
            ref={inputRef}
            id={id}
            type="search"
            className={styles.searchInput}
            value={draft}
            placeholder="e.g. defense, Lavrov, Foreign Minister"
            autoComplete="off"
            spellCheck={false}
            maxLength={200}
            onChange={(e) => {
              setDraft(e.target.value);
              onQuery(e.target.value, editing.current);
              editing.current = true;
            }}
            onBlur={() => {
              editing.current = false;
            }}
          />
          {draft.length > 0 && (
            <button
              type="button"
              className="button"
              onClick={() => {
                setDraft("");
                editing.current = false;
                onQuery("", false);
                inputRef.current?.focus();
              }}
            >
              Clear<span className="visually-hidden"> the quote search</span>
            </button>
          )}
        </div>
      </div>
      <div className={styles.sort} role="group" aria-labelledby={`${id}-sort`}>
        <span id={`${id}-sort`} className="control-label">
          Order speakers
        </span>
        {SORTS.map((s) => (
          <button
            key={s.value}
            type="button"
            className="toggle"
            aria-pressed={sort === s.value}
            onClick={() => onSort(s.value)}
          >
            {s.label}
          </button>
        ))}
      </div>
    </div>
  );
});
