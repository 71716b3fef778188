import { memo } from "react";
import { Group } from "@visx/group";
import type { NodeLabel } from "@/lib/layout/network";
import { GRAPH_OTHERS_ID, type GraphNode } from "@/lib/select/graph";
import { TARGET_SIZE } from "../../theme";
import { nodeShape } from "../shapes";
import { round1 } from "./round1";
import styles from "../Network.module.css";

/** Props of one actor's mark. */
export interface NodeMarkProps {
  /** Actor id, or the grouped node's. */
  id: string;
  /** Centre of the mark on screen. */
  x: number;
  y: number;
  /** Radius of the mark. */
  r: number;
  /** What the shape says. */
  kind: GraphNode["kind"];
  /** Text of the label. */
  label: string;
  /** Where the label's baseline centre sits relative to the mark (and on a plate?); null = no room for it. */
  labelAt: NodeLabel | null;
  /** Font size of the label. */
  fontPx: number;
  /** Accessible name (for the grouped node, its tooltip). */
  description: string;
  /** Drawn faint: something else stands out. */
  dim: boolean;
  /** The focused actor. */
  focused: boolean;
  /** Linked to the focus. */
  linked: boolean;
  /** Hovered or keyboard-focused: drawn bolder. */
  lit: boolean;
  /** Keyboard-focused: ringed. */
  ring: boolean;
  /** The one tab stop of the drawing. */
  tabStop: boolean;
}

/** One actor (or the grouped "others"): its shape, sized by its stances in the dataset, and its label. */
export const NodeMark = memo(function NodeMark({
  id,
  x,
  y,
  r,
  kind,
  label,
  labelAt,
  fontPx,
  description,
  dim,
  focused,
  linked,
  lit,
  ring,
  tabStop,
}: NodeMarkProps) {
  const others = id === GRAPH_OTHERS_ID;
  const common = {
    left: round1(x),
    top: round1(y),
    className: [styles.node, dim && styles.dim, focused && styles.focusedNode, lit && styles.litNode]
      .filter(Boolean)
      .join(" "),
    "data-node": id,
  };
  const body = (
    <>
      <circle r={Math.max(r, TARGET_SIZE / 2)} className={styles.hit} data-part="hit" />
      {ring && <circle r={r + 6} className={styles.ring} />}
      <path d={nodeShape(kind, r)} className={`${styles.mark} ${others ? styles.othersMark : ""}`} />
      {labelAt?.plate && (
        // No place near the mark is clear of the arrows: a plate over them keeps them out of the letters.
        <rect
          className={styles.labelPlate}
          x={round1(labelAt.box.x0 - x - 1)}
          y={round1(labelAt.box.y0 - y)}
          width={round1(labelAt.box.x1 - labelAt.box.x0 + 2)}
          height={round1(labelAt.box.y1 - labelAt.box.y0)}
          rx={3}
        />
      )}
      {labelAt && (
        <text
          x={labelAt.x.toFixed(1)}
          y={labelAt.y.toFixed(1)}
          textAnchor="middle"
          className={styles.label}
          fontSize={fontPx}
        >
          {label}
        </text>
      )}
    </>
  );
  if (others)
    return (
      <Group {...common}>
        <title>{description}</title>
        {body}
      </Group>
    );
  return (
    <Group
      {...common}
      data-record={`actor:${id}`}
      data-focused={focused ? "true" : undefined}
      data-linked={linked ? "true" : undefined}
      role="button"
      tabIndex={tabStop ? 0 : -1}
      aria-pressed={focused}
      aria-label={description}
    >
      {body}
    </Group>
  );
});
