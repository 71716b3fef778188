"use client";

import { useState } from "react";
import type { DatasetIndex } from "@/lib/data";
import type { Stance } from "@/lib/model";
import type { Selection } from "@/lib/view";
import type { EvidenceRef } from "../viewProps";
import { OutsideNote } from "../OutsideNote";
import { stanceLine } from "./describe";
import styles from "./Network.module.css";

/** Most sentences rendered; past this (generated datasets) the filters narrow the list. */
const MAX_SENTENCES = 400;

/**
 * The text alternative of the network: every shown stance as a sentence ("Russia condemns the United States —
 * January 2020, source: TASS"), each a button that focuses the stance and opens its evidence.
 */
export function StanceText({
  index,
  stances,
  selection,
  onSelect,
  onEvidence,
}: {
  index: DatasetIndex;
  /** The stances shown under the filters, in dataset order. */
  stances: readonly Stance[];
  selection: Selection | null;
  onSelect(selection: Selection): void;
  onEvidence(ref: EvidenceRef): void;
}) {
  // The sentences are built only while the disclosure is open: closed, nobody (screen readers included)
  // can read them, and rebuilding hundreds of buttons on every filter change costs a frame's budget.
  const [open, setOpen] = useState(false);
  return (
    <details className={styles.text} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>All {stances.length} shown stances as text</summary>
      {open && (
        <ol className={styles.sentences} aria-label="Shown stances">
          {stances.slice(0, MAX_SENTENCES).map((s) => {
            const current = selection?.kind === "stance" && selection.id === s.id;
            return (
              <li key={s.id} data-sentence={s.id}>
                <button
                  type="button"
                  className="link-button"
                  aria-current={current ? "true" : undefined}
                  onClick={() => {
                    if (!current) onSelect({ kind: "stance", id: s.id });
                    onEvidence({ kind: "stance", id: s.id });
                  }}
                >
                  {stanceLine(index, s)}
                </button>
                <OutsideNote record={s} />
              </li>
            );
          })}
          {stances.length > MAX_SENTENCES && (
            <li>…and {stances.length - MAX_SENTENCES} more: narrow the filters to list them.</li>
          )}
        </ol>
      )}
    </details>
  );
}
