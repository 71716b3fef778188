import type { DatasetIndex } from "@/lib/data/indexDataset";
import { loadIndexedDataset } from "@/lib/data/loadDataset";
import type { ServedSource } from "@/lib/source/server";
import { MAX_PARAM_LENGTH, parseContextOf, type ParseContext } from "@/lib/view";

/** The index's parse context, once per index: copying its id sets per request costs more than the answer. */
const indexContexts = new WeakMap<DatasetIndex, ParseContext>();

/**
 * What the URL parsers check a view against: the source's ids and span (the routes take no selection). From
 * DuckDB only the actor ids the request names are looked up, since a dataset may have millions.
 */
export async function contextOf(source: ServedSource, params: URLSearchParams): Promise<ParseContext> {
  if (source.context) {
    const named = params
      .getAll("actors")
      .flatMap((raw) => raw.slice(0, MAX_PARAM_LENGTH).split(","))
      .map((id) => id.trim());
    const { actorIds, episodeIds, span } = await source.context(
      named.filter((id) => id.length > 0).slice(0, 200),
    );
    const none = new Set<string>();
    return {
      actorIds,
      episodeIds,
      span,
      selectionIds: { event: none, actor: actorIds, stance: none, quote: none },
      stories: new Map(),
    };
  }
  const index = loadIndexedDataset();
  let ctx = indexContexts.get(index);
  if (!ctx) indexContexts.set(index, (ctx = parseContextOf(index)));
  return ctx;
}
