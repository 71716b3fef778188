import { memo } from "react";
import type { EventKind } from "@/lib/model";
import { EVENT_KIND_LABEL } from "../theme";
import { glyphPath, KIND_STYLE } from "./kindStyle";
import styles from "./Timeline.module.css";

/**
 * The legend of what the chart draws: one entry per event kind drawn, with the glyph its marks carry (on a
 * point, or on the bar of a month or year), how a vague date is drawn when one is, and an episode. Memoised
 * on primitives and a list that changes with the filters only.
 */
export const TimelineLegend = memo(function TimelineLegend({
  kinds,
  spans,
  outside,
}: {
  kinds: readonly EventKind[];
  /** Some drawn event is known to the month or year only: explain its bar. */
  spans: boolean;
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
      {spans && (
        <li data-legend="span">
          <svg width={26} height={14} viewBox="0 0 26 14" aria-hidden="true">
            <rect className={styles.legendBar} x={1} y={3} width={24} height={8} rx={2} />
            <path className={styles.legendBarGlyph} transform="translate(13 7)" d={glyphPath("circle", 4)} />
          </svg>
          Known to the month or year (a bar)
        </li>
      )}
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
