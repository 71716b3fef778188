import type { DatasetIndex } from "../data/indexDataset";
import type { Stance } from "../model/schema";
import { datasetGraph } from "./datasetGraph";
import { filterGraph, type FilterGraphOptions, type Graph } from "./graphFilter";

// The network's selectors: the dataset graph built once (datasetGraph.ts), its edges merged and laned
// (graphEdges.ts), its nodes and the "others" grouping (graphNodes.ts), the per-view cut (graphFilter.ts).
export { computeDatasetGraph, datasetGraph } from "./datasetGraph";
export type { DatasetGraph, DatasetGraphOptions } from "./datasetGraph";
export { MAX_DRAWN_EDGES, type GraphEdge } from "./graphEdges";
export { filterGraph } from "./graphFilter";
export type { FilterGraphOptions, Graph, StanceEdges } from "./graphFilter";
export { byCountThenLabel, GRAPH_OTHERS_ID, othersLabel, type GraphNode } from "./graphNodes";

/** Options of {@link buildGraph}. */
export interface GraphOptions extends FilterGraphOptions {
  /** Actors drawn one by one; the others are grouped into one node. Null = every actor. */
  keep?: ReadonlySet<string> | null;
}

/** The graph of some of the dataset's stances: {@link filterGraph} over the memoised {@link datasetGraph}. */
export function buildGraph(
  index: DatasetIndex,
  stances: readonly Stance[],
  { keep = null, ...options }: GraphOptions = {},
): Graph {
  return filterGraph(datasetGraph(index, keep), stances, options);
}
