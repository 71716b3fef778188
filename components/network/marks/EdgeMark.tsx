import { memo } from "react";
import { Group } from "@visx/group";
import type { StanceType } from "@/lib/model";
import { STANCE_COLOR, STANCE_FAMILY } from "../../theme";
import { round1 } from "./round1";
import styles from "../Network.module.css";

/** Props of one edge's marks: primitives (and a list kept by reference while unchanged), so memo holds. */
export interface EdgeMarkProps {
  /** Id of the edge, for the handlers on the drawing (`data-edge`). */
  id: string;
  /** SVG path of the line, on screen. */
  d: string;
  /** The middle of the curve, where the count sits. */
  midX: number;
  midY: number;
  /** Stance type of every stance it draws. */
  type: StanceType;
  /** The shown stances it draws, oldest first. */
  stanceIds: readonly string[];
  /** Stroke width of the line. */
  width: number;
  /** Whether the count of its stances is drawn on it. */
  badge: boolean;
  /** `url(#…)` of the arrowhead marker of its type. */
  arrow: string;
  /** Drawn faint: something else stands out. */
  dim: boolean;
  /** It draws the focused stance. */
  focused: boolean;
  /** It draws a stance linked to the focus. */
  linked: boolean;
  /** It draws a stance that rests on a fact from outside its report: the provenance dot at its middle. */
  outside: boolean;
}

/** One edge: hit area, halo when focused, the line with its arrowhead, and a count when it merges stances. */
export const EdgeMark = memo(function EdgeMark({
  id,
  d,
  midX,
  midY,
  type,
  stanceIds,
  width,
  badge,
  arrow,
  dim,
  focused,
  linked,
  outside,
}: EdgeMarkProps) {
  const n = stanceIds.length;
  return (
    <g
      className={`${styles.edge} ${dim ? styles.dim : ""}`}
      data-edge={id}
      data-record={n === 1 ? `stance:${stanceIds[0]}` : undefined}
      data-stances={stanceIds.join(" ")}
      data-type={type}
      data-focused={focused ? "true" : undefined}
      data-linked={linked ? "true" : undefined}
      data-outside={outside ? "true" : undefined}
    >
      <path d={d} className={styles.edgeHit} />
      {focused && <path d={d} className={styles.edgeHalo} strokeWidth={width + 5} />}
      <path
        d={d}
        className={styles.edgeLine}
        stroke={STANCE_COLOR[type]}
        strokeWidth={width}
        strokeDasharray={STANCE_FAMILY[type] === "neither" ? "5 3" : undefined}
        markerEnd={arrow}
      />
      {outside && (
        // Beside the count when there is one, on the line's middle otherwise.
        <circle
          className={styles.outsideDot}
          cx={round1(badge ? midX + 9 : midX)}
          cy={round1(badge ? midY - 9 : midY)}
          r={4}
        />
      )}
      {badge && (
        <Group left={round1(midX)} top={round1(midY)} className={styles.count}>
          <circle r={8} stroke={STANCE_COLOR[type]} />
          <text dy="0.35em">{n}</text>
        </Group>
      )}
    </g>
  );
});
