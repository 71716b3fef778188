import { memo } from "react";
import type { EventKind } from "@/lib/model";
import { EVENT_KIND_LABEL } from "../theme";
import { glyphPath, KIND_STYLE } from "./kindStyle";
import styles from "./Timeline.module.css";

/**
 * The legend: one entry per event kind in the dataset, plus how a vague date and an episode are drawn.
 * Memoised: its kinds are fixed per dataset.
 */
export const TimelineLegend = memo(function TimelineLegend({
  kinds,
  outside,
}: {
  kinds: readonly EventKind[];
  /** The dataset has events resting on a fact from outside their report: explain their dot. */
  outside: boolean;
}) {
  return (
    <ul className={styles.legend} aria-label="Legend">
      {kinds.map((k) => (
        <li key={k}>
          <svg width={14} height={14} viewBox="-7 -7 14 14" aria-hidden="true">
            <path d={glyphPath(KIND_STYLE[k].glyph, 5.5)} fill={KIND_STYLE[k].color} fillRule="evenodd" />
          </svg>
          {EVENT_KIND_LABEL[k]}
        </li>
      ))}
      <li>
        <svg width={22} height={14} viewBox="0 0 22 14" aria-hidden="true">
          <rect className={styles.legendBar} x={1} y={3} width={20} height={8} rx={2} />
        </svg>
        Date known to the month or year (drawn over the whole span)
      </li>
      <li>
        <svg width={14} height={14} viewBox="0 0 14 14" aria-hidden="true">
          <rect className={styles.legendBand} x={1} y={1} width={12} height={12} />
        </svg>
        Episode
      </li>
      {outside && (
        <li data-legend="outside">
          <svg width={14} height={14} viewBox="-7 -7 14 14" aria-hidden="true">
            <circle className={styles.outside} r={4.5} />
          </svg>
          A fact from outside the reports (see its note)
        </li>
      )}
    </ul>
  );
});
