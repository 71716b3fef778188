import type { DatasetIndex } from "../data/indexDataset";
import type { ParseContext } from "./parsers";

/**
 * The {@link ParseContext} of a dataset: its ids and its year span, and no story (lib/story's `withStories`
 * adds the ones that fit it).
 */
export function parseContextOf(index: DatasetIndex): ParseContext {
  const ids = (m: ReadonlyMap<string, unknown>) => new Set(m.keys());
  return {
    actorIds: ids(index.actorById),
    episodeIds: ids(index.episodeById),
    span: index.span,
    selectionIds: {
      event: ids(index.eventById),
      actor: ids(index.actorById),
      stance: ids(index.stanceById),
      quote: ids(index.quoteById),
    },
    stories: new Map(),
  };
}
