import type { Metadata } from "next";
import { Served } from "@/components/Dashboard";
import { servedEpisodes, serverSource, type ServerOnly } from "@/lib/source/server";
import { parseViewState, searchParamsOf, type SearchParamsInput } from "@/lib/view";
import { SkipLinks } from "./SkipLinks";
import { contextOf } from "./sourceContext";

/** The served dataset's size, for the title and the header. */
function sizeLine(events: number, stances: number, quotes: number): string {
  const n = (x: number) => x.toLocaleString("en-US");
  return `${n(events)} events · ${n(stances)} stances · ${n(quotes)} quotes`;
}

/** The page's title and description over a dataset served by DuckDB alone. */
export function servedMetadata(only: ServerOnly): Metadata {
  return {
    title: "Stance Atlas — who condemned, supported or defended whom",
    description: `Explore who condemned, supported or defended whom: ${sizeLine(only.events, only.stances, only.quotes)}, served through DuckDB.`,
  };
}

/**
 * The dashboard of a dataset too big for the browser, in place of the dashboard at `/` while the server's
 * start noted one (lib/source/server.ts `startDuckDataset`): the view is read from the URL against DuckDB's
 * ids, as the routes read it, and the views draw from the routes (components/served).
 */
export async function ServedPage({
  only,
  searchParams,
}: {
  only: ServerOnly;
  searchParams: SearchParamsInput;
}) {
  const params = searchParamsOf(searchParams);
  const source = await serverSource();
  const context = await contextOf(source, params);
  const { state, ignored } = parseViewState(params, context);
  const episodes = await servedEpisodes();
  return (
    <div className="app-shell">
      <SkipLinks />
      <header className="site-header">
        <h1>Stance Atlas</h1>
        <p className="lede">
          Who condemned, supported or defended whom — every count answered by DuckDB on the server, over a
          dataset too big to send to the browser.
        </p>
        <p className="dataset-meta" data-testid="dataset-meta">
          {context.span.start}–{context.span.end} · {sizeLine(only.events, only.stances, only.quotes)} ·
          served through DuckDB
        </p>
      </header>
      <Served
        initialView={state}
        ignored={ignored}
        episodes={episodes}
        span={context.span}
        totals={{ events: only.events, stances: only.stances, quotes: only.quotes }}
      />
    </div>
  );
}
