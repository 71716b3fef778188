import { memo } from "react";
import type { StanceType } from "@/lib/model";
import type { Graph } from "@/lib/select/graph";
import { STANCE_TYPES } from "@/lib/view";
import { STANCE_COLOR, STANCE_FAMILY, STANCE_LABEL } from "../theme";
import { showsCount } from "./edgeStyle";
import { nodeShape, SHAPE_LABEL } from "./shapes";
import styles from "./Network.module.css";

const FAMILIES = [
  { family: "against", label: "Against:" },
  { family: "for", label: "For:" },
  { family: "neither", label: "Other:" },
] as const;

const KINDS = ["state", "person", "organization", "media", "group", "others"] as const;

// The swatches are memoised (on one primitive prop, or none): the legend re-renders with every filtered
// graph, and its rows would otherwise diff every swatch's SVG again.

/** A short arrow in a stance type's colour and dash. */
const EdgeSwatch = memo(function EdgeSwatch({ type }: { type: StanceType }) {
  return (
    <svg width="20" height="10" aria-hidden="true" className={styles.swatch}>
      <line
        x1="1"
        y1="5"
        x2="13"
        y2="5"
        stroke={STANCE_COLOR[type]}
        strokeWidth="2.5"
        strokeDasharray={STANCE_FAMILY[type] === "neither" ? "5 3" : undefined}
      />
      <path d="M12,1L19,5L12,9Z" fill={STANCE_COLOR[type]} />
    </svg>
  );
});

/** A node shape of the given kind. */
const KindSwatch = memo(function KindSwatch({ kind }: { kind: (typeof KINDS)[number] }) {
  return (
    <svg width="16" height="16" viewBox="-8 -8 16 16" aria-hidden="true" className={styles.swatch}>
      <path
        d={nodeShape(kind, 5.5)}
        className={`${styles.mark} ${kind === "others" ? styles.othersMark : ""}`}
      />
    </svg>
  );
});

/** The disc that carries a count on merged arrows. */
const CountSwatch = memo(function CountSwatch() {
  return (
    <svg width="18" height="18" viewBox="-9 -9 18 18" aria-hidden="true" className={styles.swatch}>
      <circle r="8" className={styles.countDisc} />
      <text dy="0.35em" textAnchor="middle" className={styles.countText}>
        n
      </text>
    </svg>
  );
});

/**
 * The key of the network, compact (a few lines over the drawing): the stance types drawn, by family (against,
 * for, other), the node shapes drawn, and what size means.
 * Memoised: a focus change leaves the graph as it is.
 */
export const NetworkLegend = memo(function NetworkLegend({
  graph,
  outside,
}: {
  graph: Graph;
  /** Some edge shown draws a stance resting on a fact from outside its report: explain its dot. */
  outside: boolean;
}) {
  const types = new Set(graph.edges.map((e) => e.type));
  const kinds = new Set(graph.nodes.map((n) => n.kind));
  const counted = graph.edges.some(showsCount);
  return (
    <div className={styles.legend} aria-label="Legend" role="group">
      {/* One list that wraps as a line of text: the families' names lead their types. */}
      <ul className={styles.legendList}>
        {FAMILIES.map(({ family, label }) => {
          const shown = STANCE_TYPES.filter((t) => STANCE_FAMILY[t] === family && types.has(t));
          return shown.map((t, i) => (
            <li key={t} data-legend-type={t}>
              {i === 0 && <span className={styles.legendHeading}>{label} </span>}
              <EdgeSwatch type={t} />
              {STANCE_LABEL[t]}
            </li>
          ));
        })}
        {KINDS.filter((k) => kinds.has(k)).map((k) => (
          <li key={k}>
            <KindSwatch kind={k} />
            {SHAPE_LABEL[k]}
          </li>
        ))}
        <li className={styles.legendNote}>size: stances in the dataset</li>
        {counted && (
          <li className={styles.legendNote}>
            <CountSwatch />
            stances merged into one arrow
          </li>
        )}
        {outside && (
          <li className={styles.legendNote} data-legend="outside">
            <svg width="12" height="12" viewBox="-6 -6 12 12" aria-hidden="true" className={styles.swatch}>
              <circle r="4" className={styles.outsideDot} />
            </svg>
            a fact from outside the reports
          </li>
        )}
      </ul>
    </div>
  );
});
