/**
 * The network's layout, one concern per module: the seeded force layout (`networkForces`), the one layout of
 * a dataset (`networkDataset`), screen geometry and fitting (`networkGeometry`), the lanes and shapes of edges
 * (`networkLanes`), label sizes and placement (`labels`), what stands out for a focus or hover
 * (`networkSpotlight`) and the keyboard's moves between actors (`networkRoving`). Re-exported here so a
 * caller imports the network's layout from one place.
 */
// Not re-exported: `networkForces` (d3-force), which the browser loads only for a dataset sent without its
// layout; import it from "./networkForces" where it is needed.
export type { ForceLayoutOptions, LayoutLinkInput, LayoutNodeInput, NetworkLayout } from "./networkForces";
export * from "./networkDataset";
export * from "./networkGeometry";
export * from "./networkLanes";
export * from "./networkLabels";
export * from "./networkSpotlight";
export * from "./networkRoving";
export {
  LABEL_FONT_PX,
  labelBox,
  labelWidth,
  lineCrossesBox,
  placeLabels,
  textWidth,
  type LabelInput,
  type LabelObstacle,
  type LabelSide,
} from "./labels";
