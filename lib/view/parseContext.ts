import type { DatasetIndex } from "../data/indexDataset";
import type { ParseContext } from "./parsers";

/**
 * The {@link ParseContext} of a dataset: its ids and its year span, and no story (lib/story's `withStories`
 * adds the ones that fit it).
 */
export function parseContextOf(index: DatasetIndex): ParseContext {
  // The index's own lookups, read when a value is checked: the lookups of events, stances and quotes are
  // built on first use (indexDataset), and copying 340,000 ids into sets cost the first render at 100,000
  // events a quarter of a second.
  return {
    actorIds: index.actorById,
    episodeIds: index.episodeById,
    span: index.span,
    selectionIds: {
      event: { has: (id) => index.eventById.has(id) },
      actor: index.actorById,
      stance: { has: (id) => index.stanceById.has(id) },
      quote: { has: (id) => index.quoteById.has(id) },
    },
    stories: new Map(),
  };
}
