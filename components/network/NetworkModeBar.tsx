"use client";

import type { Compare, NetworkForm } from "@/lib/view";

/**
 * How the network view draws: as a graph or a matrix (`network=`), and whether it compares the episodes
 * side by side (`compare=episodes`). Sits in the view's head, beside Download.
 */
export function NetworkModeBar({
  form,
  compare,
  onForm,
  onCompare,
}: {
  form: NetworkForm;
  compare: Compare | null;
  onForm(form: NetworkForm): void;
  onCompare(compare: Compare | null): void;
}) {
  return (
    <div className="network-mode" role="group" aria-label="Network display">
      <button
        type="button"
        className="toggle"
        aria-pressed={form === "graph" && compare === null}
        onClick={() => {
          onCompare(null);
          onForm("graph");
        }}
      >
        Graph
      </button>
      <button
        type="button"
        className="toggle"
        aria-pressed={form === "matrix" && compare === null}
        onClick={() => {
          onCompare(null);
          onForm("matrix");
        }}
      >
        Matrix
      </button>
      <button
        type="button"
        className="toggle"
        aria-pressed={compare === "episodes"}
        onClick={() => onCompare(compare === "episodes" ? null : "episodes")}
      >
        By episode
      </button>
    </div>
  );
}
