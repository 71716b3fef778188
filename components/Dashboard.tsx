"use client";

import { lazy, Suspense, useEffect, useMemo, useRef, useState, type ComponentProps } from "react";
import type { DatasetFile } from "@/lib/model";
import type { FetchProgress } from "@/lib/data/fetchDataset";
import type { FetchedDataset } from "@/lib/data/fetchIndexable";
import type { PrecomputedIndex } from "@/lib/data/columnsCodec";
import { indexDatasetOnce } from "@/lib/data/indexOnce";
import { adoptSentLayouts, placedAt, type NodePlacer, type SentLayouts } from "@/lib/layout/network";
import { parseContextOf, parseViewState, type IgnoredParam, type ViewState } from "@/lib/view";
import { withStories, type Story } from "@/lib/story/steps";
import { ViewStoreProvider } from "./ViewStoreProvider";
import { DashboardBody } from "./DashboardBody";
import { ACCEPTED_FILES, LocalDataContext } from "./data/localData";
import type { OpenedDataset } from "./data/LocalDataPanel";

// The opening of a file (worker, report, IndexedDB) loads only when a file is picked or dropped, or when the
// URL names a dataset opened from a file (`data=local:<hash>`).
const LocalDataPanel = lazy(() => import("./data/LocalDataPanel"));

// The dashboard over a dataset served by DuckDB loads only where it is rendered. It is reached from this
// module, which `/` loads anyway: a page's client modules are all in its first load, rendered or not.
const ServedDashboard = lazy(() => import("./served/ServedDashboard"));

/** `/` over a dataset too big for the browser: the dashboard whose views draw from the routes, as its own chunk. */
export function Served(props: ComponentProps<typeof ServedDashboard>) {
  return (
    <Suspense fallback={<p role="status">Loading the views…</p>}>
      <ServedDashboard {...props} />
    </Suspense>
  );
}

/** The client root: indexes the dataset once, creates the view store, and lays out the linked views. */
export function Dashboard({
  dataset,
  layout,
  datasetUrl,
  columnsUrl,
  datasetKey,
  initialView,
  ignored,
  stories,
}: {
  /** The validated dataset, when small enough to travel inside the page; null when it is fetched. */
  dataset: DatasetFile | null;
  /** The network's layouts, computed on the server (the page ships no force simulation). */
  layout: SentLayouts;
  /** Where to fetch the dataset when it is not inlined. */
  datasetUrl: string;
  /** Where to fetch its index columns, which spare the browser building them. */
  columnsUrl: string;
  /** The dataset's entity tag: the same content is indexed once, not once per render of the page. */
  datasetKey: string;
  /** The view parsed from the URL on the server. */
  initialView: ViewState;
  /** URL values the server dropped, for the notice. */
  ignored: IgnoredParam[];
  /** The stories that fit the dataset (checked on the server). */
  stories: readonly Story[];
}) {
  const [fetched, setFetched] = useState<FetchedDataset | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<FetchProgress | null>(null);
  const [attempt, setAttempt] = useState(0);
  // The download's code has loaded and the download (with its stall timer) is running.
  const [started, setStarted] = useState(false);
  const sent = useMemo(() => placedAt(layout), [layout]);
  useEffect(() => {
    if (dataset) return;
    const controller = new AbortController();
    // The bar shows the last count each frame: a render per chunk of a 100 MB download kept the main thread
    // busy while the bytes came.
    let frame = 0;
    let latest: FetchProgress | null = null;
    const onProgress = (p: FetchProgress) => {
      latest = p;
      frame ||= requestAnimationFrame(() => {
        frame = 0;
        setProgress(latest);
      });
    };
    // The download's code loads only here (the page's head has already asked for the bytes); the index
    // columns come beside the records, and without them the browser builds its own.
    import("@/lib/data/fetchIndexable")
      .then(({ fetchIndexable }) => {
        setStarted(true);
        return fetchIndexable(datasetUrl, columnsUrl, { signal: controller.signal, onProgress });
      })
      .then(setFetched)
      .catch((err: unknown) => {
        // A DatasetFetchError's message is written for the page; its class stays in the lazy module.
        if (err instanceof Error && err.name === "DatasetFetchError") setError(err.message);
        else if (!controller.signal.aborted) setError(String(err));
      });
    return () => {
      controller.abort();
      cancelAnimationFrame(frame);
    };
  }, [dataset, datasetUrl, columnsUrl, attempt]);

  // A dataset opened from a file (in this browser only), shown in place of the bundled one; `resolved` is
  // false while a `data=local:<hash>` link is looked up in IndexedDB, so no other dataset flashes first.
  const [local, setLocal] = useState<OpenedDataset | null>(null);
  const [resolved, setResolved] = useState(initialView.data === null);
  const [files, setFiles] = useState<File[] | null>(null);
  const [drag, setDrag] = useState(false);
  // After a switch of dataset the view is read again from the URL, against the dataset now shown.
  const [switched, setSwitched] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const controls = useMemo(() => ({ pick: () => input.current?.click() }), []);
  const embed = initialView.embed;
  useEffect(() => {
    if (embed) return;
    // Files dragged anywhere over the page: an overlay while they hover, opened when dropped.
    let depth = 0;
    const files = (e: DragEvent) => e.dataTransfer?.types.includes("Files") === true;
    const onDrag = (e: DragEvent) => {
      if (!files(e)) return;
      e.preventDefault();
      if (e.type === "dragenter") depth++;
      if (e.type === "dragleave") depth--;
      setDrag(depth > 0);
    };
    const onDrop = (e: DragEvent) => {
      if (!files(e)) return;
      e.preventDefault();
      depth = 0;
      setDrag(false);
      if (e.dataTransfer!.files.length > 0) setFiles([...e.dataTransfer!.files]);
    };
    const types = ["dragenter", "dragover", "dragleave"] as const;
    for (const t of types) window.addEventListener(t, onDrag);
    window.addEventListener("drop", onDrop);
    return () => {
      for (const t of types) window.removeEventListener(t, onDrag);
      window.removeEventListener("drop", onDrop);
    };
  }, [embed]);

  const data = local?.dataset ?? dataset ?? fetched?.data;
  const placer = local?.placer ?? sent;
  const panel = (files !== null || initialView.data !== null) && (
    <Suspense>
      <LocalDataPanel
        files={files}
        wanted={initialView.data}
        local={local}
        onShow={(opened) => {
          setLocal(opened);
          setSwitched((s) => s || opened !== null || local !== null);
          setResolved(true);
        }}
        onPick={controls.pick}
      />
    </Suspense>
  );
  const opener = !embed && (
    <>
      {panel}
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPTED_FILES}
        hidden
        onChange={(e) => {
          if (e.target.files?.length) setFiles([...e.target.files]);
          e.target.value = "";
        }}
      />
      {drag && <div className="drop-overlay">Drop the files to open them in this browser</div>}
    </>
  );
  const key = local ? `local:${local.hash}` : datasetKey;
  return (
    <LocalDataContext.Provider value={embed ? null : controls}>
      {/* First and always here, so the panel keeps its state (a running import) while the body changes. */}
      {embed ? panel : opener}
      {data && resolved ? (
        <IndexedDashboard
          // Another dataset, another store: the provider remounts and reads the URL against the new ids.
          key={key}
          data={data}
          pre={data === fetched?.data ? fetched.pre : null}
          // The server's layouts are of its dataset, not of one opened from a file.
          layouts={local ? null : layout}
          placer={placer}
          datasetKey={key}
          // The bundled dataset's view never names a local one (a link naming one this browser lacks).
          initialView={initialView.data === null ? initialView : { ...initialView, data: null }}
          ignored={ignored}
          stories={local ? NO_STORIES : stories}
          reread={switched}
        />
      ) : (
        <div
          className="loading"
          role="status"
          aria-live="polite"
          data-testid="dataset-loading"
          data-download={started ? "started" : undefined}
        >
          {error ? (
            <>
              Could not load the dataset: {error}.{" "}
              <button
                type="button"
                className="button"
                onClick={() => {
                  setError(null);
                  setProgress(null);
                  setAttempt((n) => n + 1);
                }}
              >
                Try again
              </button>
            </>
          ) : !resolved ? (
            "Opening your data from this browser…"
          ) : (
            <LoadingProgress progress={progress} />
          )}
        </div>
      )}
    </LocalDataContext.Provider>
  );
}

/** A dataset opened from a file has none of the bundled stories. */
const NO_STORIES: readonly Story[] = [];

const MB = 1_000_000;

/** "Loading the dataset… 12.3 of 96.7 MB" with a bar, once bytes arrive; the bare line before. */
function LoadingProgress({ progress }: { progress: FetchProgress | null }) {
  if (!progress) return <>Loading the dataset…</>;
  const { received, total } = progress;
  const mb = (n: number) => (n / MB).toFixed(1);
  return (
    <>
      Loading the dataset… {mb(received)}
      {total ? ` of ${mb(total)}` : ""} MB{" "}
      <progress
        aria-label="Dataset download"
        max={total ?? undefined}
        value={total ? Math.min(received, total) : undefined}
      />
    </>
  );
}

function IndexedDashboard({
  data,
  pre,
  layouts,
  placer,
  datasetKey,
  initialView,
  ignored,
  stories,
  reread,
}: {
  data: DatasetFile;
  /** The server's index columns of a fetched dataset, when they came and fit it. */
  pre: PrecomputedIndex | null;
  /** The network's layouts the server sent for this dataset, taken as they are; null to work them out. */
  layouts: SentLayouts | null;
  placer: NodePlacer;
  datasetKey: string;
  initialView: ViewState;
  ignored: IgnoredParam[];
  stories: readonly Story[];
  /** True after a switch of dataset: the view is parsed from the URL here, against this dataset. */
  reread: boolean;
}) {
  const index = useMemo(() => {
    const index = indexDatasetOnce(datasetKey, data, pre);
    if (layouts) adoptSentLayouts(index, layouts);
    return index;
  }, [datasetKey, data, pre, layouts]);
  const parseContext = useMemo(() => withStories(parseContextOf(index), stories), [index, stories]);
  const [parsed] = useState(() =>
    reread
      ? parseViewState(new URLSearchParams(window.location.search), parseContext)
      : { state: initialView, ignored },
  );
  useEffect(() => {
    // The benchmark's "first render" ends here: views drawn from the dataset and hydrated.
    performance.mark("stance-atlas:ready");
  }, []);
  return (
    <ViewStoreProvider initialView={parsed.state} parseContext={parseContext}>
      <DashboardBody
        index={index}
        parseContext={parseContext}
        stories={stories}
        placer={placer}
        ignored={parsed.ignored}
      />
    </ViewStoreProvider>
  );
}
