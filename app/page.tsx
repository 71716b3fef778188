import { preload } from "react-dom";
import { Dashboard } from "@/components/Dashboard";
import { COLUMNS_ROUTE, DATASET_LINES_ROUTE, inlinesDataset } from "@/lib/data";
import { datasetBody } from "@/lib/data/datasetBody";
import { loadIndexedDataset } from "@/lib/data/loadDataset";
import { sentLayouts } from "@/lib/layout/network";
import { forcePlace } from "@/lib/layout/networkForces";
import { servedStories } from "@/lib/story/load";
import { withStories } from "@/lib/story/steps";
import { formatDate } from "@/lib/time";
import { parseContextOf, parseViewState, type SearchParamsInput } from "@/lib/view";
import { serverOnlyDataset } from "@/lib/source/server";
import { ServedPage, servedMetadata } from "./servedPage";
import { SkipLinks } from "./SkipLinks";
import { viewMetadata } from "./viewMetadata";

/** Each view state's own link preview (title, description, og:image): app/viewMetadata.ts. */
export async function generateMetadata({ searchParams }: { searchParams: Promise<SearchParamsInput> }) {
  const only = serverOnlyDataset();
  return only ? servedMetadata(only) : viewMetadata(searchParams);
}

/** The dashboard reads the URL on the server so a shared link paints the right view first time. */
export default async function Home({ searchParams }: { searchParams: Promise<SearchParamsInput> }) {
  // A dataset too big for the browser: the dashboard whose views draw from the data-source routes.
  const only = serverOnlyDataset();
  if (only) return <ServedPage only={only} searchParams={await searchParams} />;
  const index = loadIndexedDataset();
  // A story's step is applied here, so a shared step link paints that step first time.
  const stories = servedStories(index);
  const { state, ignored } = parseViewState(await searchParams, withStories(parseContextOf(index), stories));
  const { data } = index;
  const body = datasetBody(data);
  const inline = inlinesDataset(body.json.byteLength);
  // A dataset fetched by the browser is asked for by the page's head, while the scripts load and hydrate,
  // not after hydration by the dashboard's effect (whose fetch then takes the preloaded answer). Its index
  // columns are asked for later, and only over a fast connection (lib/data/fetchIndexable.ts).
  if (!inline) preload(DATASET_LINES_ROUTE, { as: "fetch", crossOrigin: "anonymous" });
  const first = data.events.reduce((min, e) => (e.date < min.date ? e : min), data.events[0]!);
  const last = data.events.reduce((max, e) => (e.date > max.date ? e : max), data.events[0]!);
  // Rendered with the page, not in a Suspense boundary of its own: nothing in it waits, and a boundary made
  // React stream it apart (in <div hidden>) and reveal it by script, batched a few hundred milliseconds after
  // the first paint: the timeline's hint, the page's largest text, painted that much later (Lighthouse's
  // LCP on a phone 2.7 s against 2.0 s).
  const dashboard = (
    <Dashboard
      dataset={inline ? data : null}
      // The network's layouts (a few hundred numbers and ids, computed once per dataset) come with the page,
      // inlined dataset or not, so the browser neither runs a force simulation nor lays out every stance again.
      layout={sentLayouts(index, forcePlace)}
      datasetUrl={DATASET_LINES_ROUTE}
      columnsUrl={COLUMNS_ROUTE}
      datasetKey={body.etag}
      initialView={state}
      ignored={ignored}
      stories={stories}
    />
  );
  // The embed: the views alone (no skip links, header or filters), framable by other sites (proxy.ts).
  if (state.embed) return <div className="app-shell embed-shell">{dashboard}</div>;
  return (
    // On a screen the page is one screen tall: the views scroll inside their panels (globals.css).
    <div className="app-shell">
      <SkipLinks />
      <header className="site-header">
        <h1>Stance Atlas</h1>
        <p className="lede">
          Who condemned, supported or defended whom — Russia, Iran and four escalations, every mark traced to
          the sentence of the report it came from.
        </p>
        <p className="dataset-meta" data-testid="dataset-meta">
          {data.events.length > 0 && (
            <>
              {formatDate(first.date, first.datePrecision)} – {formatDate(last.date, last.datePrecision)}{" "}
              ·{" "}
            </>
          )}
          {data.events.length} events · {data.stances.length} stances · {data.quotes.length} quotes ·{" "}
          {data.actors.length} actors · {data.sources.length} reports
        </p>
        <p className="about-link">
          <a href="/stories">Stories</a> · <a href="/about">About the data</a>
          <span className="about-more">
            : the {data.sources.length} reports, how statements are coded, what comes from outside the
            reports, and how to cite it.
          </span>
        </p>
      </header>
      {dashboard}
    </div>
  );
}
