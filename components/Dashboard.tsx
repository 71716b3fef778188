"use client";

import { useEffect, useMemo, useState } from "react";
import type { DatasetFile } from "@/lib/model";
import { indexDataset } from "@/lib/data/indexDataset";
import { parseContextOf, type IgnoredParam, type ViewState } from "@/lib/view";
import { ViewStoreProvider } from "./ViewStoreProvider";
import { DashboardBody } from "./DashboardBody";

/** The client root: indexes the dataset once, creates the view store, and lays out the linked views. */
export function Dashboard({
  dataset,
  datasetUrl,
  initialView,
  ignored,
}: {
  /** The validated dataset, when small enough to travel inside the page; null when it is fetched. */
  dataset: DatasetFile | null;
  /** Where to fetch the dataset when it is not inlined. */
  datasetUrl: string;
  /** The view parsed from the URL on the server. */
  initialView: ViewState;
  /** URL values the server dropped, for the notice. */
  ignored: IgnoredParam[];
}) {
  const [fetched, setFetched] = useState<DatasetFile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (dataset) return;
    const controller = new AbortController();
    fetch(datasetUrl, { signal: controller.signal })
      .then((res) => {
        if (!res.ok) throw new Error(`the server answered ${res.status}`);
        return res.json() as Promise<DatasetFile>;
      })
      .then(setFetched)
      .catch((err: Error) => {
        if (err.name !== "AbortError") setError(err.message);
      });
    return () => controller.abort();
  }, [dataset, datasetUrl, attempt]);

  const data = dataset ?? fetched;
  if (!data)
    return (
      <div className="loading" role="status" aria-live="polite">
        {error ? (
          <>
            Could not load the dataset: {error}.{" "}
            <button
              type="button"
              className="button"
              onClick={() => {
                setError(null);
                setAttempt((n) => n + 1);
              }}
            >
              Try again
            </button>
          </>
        ) : (
          "Loading the dataset…"
        )}
      </div>
    );
  return <IndexedDashboard data={data} initialView={initialView} ignored={ignored} />;
}

function IndexedDashboard({
  data,
  initialView,
  ignored,
}: {
  data: DatasetFile;
  initialView: ViewState;
  ignored: IgnoredParam[];
}) {
  const index = useMemo(() => indexDataset(data), [data]);
  const parseContext = useMemo(() => parseContextOf(index), [index]);
  useEffect(() => {
    // The benchmark's "first render" ends here: views drawn from the dataset and hydrated.
    performance.mark("stance-atlas:ready");
  }, []);
  return (
    <ViewStoreProvider initialView={initialView} parseContext={parseContext}>
      <DashboardBody index={index} ignored={ignored} />
    </ViewStoreProvider>
  );
}
