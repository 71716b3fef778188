"use client";

import { memo, type Ref } from "react";
import type { DatasetIndex } from "@/lib/data";
import { speakerInitials } from "@/lib/select/quotes";
import { actorName } from "@/lib/select/wording";
import type { Selection } from "@/lib/view";
import styles from "./QuotePanel.module.css";
import type { RecordState } from "./recordState";

/**
 * Badge colours, one per camp (the state a speaker ultimately speaks for), so Lavrov and Peskov share
 * Russia's. All dark enough for white initials at 4.5:1; the camp's name is always written next to it.
 */
const BADGE_COLORS = ["#1f4fa3", "#7a2e8e", "#1b6e5a", "#8b3a1a", "#0f5e7a", "#6b4e00", "#3d4a8a", "#8a1c4a"];

const colorOf = (camp: string) => {
  let h = 0;
  for (let i = 0; i < camp.length; i++) h = (h * 31 + camp.charCodeAt(i)) >>> 0;
  return BADGE_COLORS[h % BADGE_COLORS.length]!;
};

/** Props of one speaker group's header. */
export interface SpeakerHeaderProps {
  index: DatasetIndex;
  /** The speaker's actor id. */
  speaker: string;
  /** How many of the speaker's quotes the list shows. */
  count: number;
  /** The speaker's selection state in the linked views. */
  state: RecordState;
  /** Selects the speaker (a click on the name). */
  onSelect(selection: Selection): void;
  /** Row measuring for the windowed list. */
  measureRef?: Ref<HTMLElement>;
  /**
   * The index of this row in the flattened list, for the windowed list's measuring; unset in a short
   * list, where a filter shifts every row's index and would re-render every card for nothing.
   */
  row?: number;
}

/** A speaker group's header: initials badge, name (selects the actor), role and affiliation. */
export const SpeakerHeader = memo(function SpeakerHeader({
  index,
  speaker,
  count,
  state,
  onSelect,
  measureRef,
  row,
}: SpeakerHeaderProps) {
  const actor = index.actorById.get(speaker);
  const name = actorName(index, speaker);
  // Only actors the dataset knows are named on the role line: an unknown id is no affiliation to show.
  const known = (id: string | null | undefined) => (id && index.actorById.has(id) ? id : undefined);
  const affiliation = known(actor?.affiliation);
  const campId = index.campOf.get(speaker) ?? speaker;
  const camp = campId !== speaker && campId !== affiliation ? known(campId) : undefined;
  const role = actor?.role ?? (actor ? actor.kind : undefined);
  const line = [
    role,
    affiliation && `${actorName(index, affiliation)}${camp ? `, ${actorName(index, camp)}` : ""}`,
  ].filter(Boolean);
  return (
    <header
      ref={measureRef}
      data-row={row}
      data-record={`actor:${speaker}`}
      data-focused={state.selected ? "true" : undefined}
      data-linked={state.linked ? "true" : undefined}
      data-testid="speaker-header"
      className={`${styles.header} ${state.dim ? styles.dim : ""}`}
    >
      <span className={styles.initials} style={{ background: colorOf(campId) }} aria-hidden="true">
        {speakerInitials(name)}
      </span>
      <div className={styles.headerText}>
        <h3>
          <button
            type="button"
            className={styles.speakerButton}
            aria-pressed={state.selected}
            onClick={() => onSelect({ kind: "actor", id: speaker })}
          >
            {name}
            <span className="visually-hidden">: highlight in all views</span>
          </button>
        </h3>
        {line.length > 0 && <p className={styles.role}>{line.join(" · ")}</p>}
      </div>
      <span className={styles.count}>
        {count} {count === 1 ? "quote" : "quotes"}
      </span>
    </header>
  );
});
