"use client";

import { networkDisplay } from "@/lib/select/ego";
import type { Compare, EgoDepth, NetworkForm, ViewState } from "@/lib/view";

const EGO_CHOICES: { depth: EgoDepth | null; label: string }[] = [
  { depth: null, label: "All" },
  { depth: 1, label: "1 step" },
  { depth: 2, label: "2 steps" },
];

/**
 * How the network view draws: as a graph or a matrix (`network=`), and whether it compares the episodes
 * side by side (`compare=episodes`); with an actor selected and the graph shown, how far from it the graph
 * reaches (`ego=`). Sits in the view's head, beside Download. The pressed buttons are the form shown, which
 * on a phone may be a default the URL does not name (`networkDisplay`); picking that default leaves it unsaid.
 */
export function NetworkModeBar({
  view,
  narrow,
  onForm,
  onCompare,
  onEgo,
}: {
  view: Pick<ViewState, "networkForm" | "ego" | "selection" | "compare">;
  /** Whether the network's box is narrow (a phone): which form it shows by default. */
  narrow: boolean;
  onForm(form: NetworkForm | null): void;
  onCompare(compare: Compare | null): void;
  onEgo(ego: EgoDepth | null, form?: NetworkForm | null): void;
}) {
  const { compare } = view;
  const display = networkDisplay(view, narrow);
  // One change (the store's setNetworkForm leaves the comparison too): one Back undoes it.
  const pick = (form: NetworkForm) => onForm(form === display.defaultForm ? null : form);
  const pickEgo = (depth: EgoDepth | null) => {
    if (depth === display.ego) return;
    // The phone's default focus is undone by naming the graph: the whole network, on the graph.
    if (depth === null && view.ego === null) onEgo(null, "graph");
    else onEgo(depth);
  };
  return (
    <>
      <div className="network-mode" role="group" aria-label="Network display">
        <button
          type="button"
          className="toggle"
          aria-pressed={display.form === "graph" && compare === null}
          onClick={() => pick("graph")}
        >
          Graph
        </button>
        <button
          type="button"
          className="toggle"
          aria-pressed={display.form === "matrix" && compare === null}
          onClick={() => pick("matrix")}
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
      {display.actor !== null && display.form === "graph" && compare === null && (
        <div className="network-mode network-ego" role="group" aria-labelledby="network-ego-label">
          <span id="network-ego-label" className="network-ego-label">
            Neighbours:
          </span>
          {EGO_CHOICES.map(({ depth, label }) => (
            <button
              key={label}
              type="button"
              className="toggle"
              aria-pressed={display.ego === depth}
              data-ego={depth ?? "all"}
              onClick={() => pickEgo(depth)}
            >
              {label}
            </button>
          ))}
        </div>
      )}
    </>
  );
}
