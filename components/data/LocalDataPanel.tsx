"use client";

// Loaded lazily (components/Dashboard.tsx) when a file is picked or dropped, or a link names a dataset opened
// from a file: the worker that reads the files, the report of what was skipped, the banner saying which
// dataset is open, and IndexedDB. Nothing here sends anything to a server.
import { useEffect, useId, useRef, useState } from "react";
import { formatProblem, problemsCsv } from "@/lib/data/import";
import type { ImportProblem } from "@/lib/data/import/types";
import type { NodePlacer } from "@/lib/layout/network";
import { forcePlace } from "@/lib/layout/networkForces";
import { dataParam } from "@/lib/view";
import { saveFile } from "../export/saveFile";
import type { ImportMessage } from "./importWorker";
import { loadDataset, saveDataset, type StoredDataset } from "./localStore";
import styles from "./LocalData.module.css";

/** A dataset opened from files, ready to show: as kept in IndexedDB, with the network's (force) layout. */
export interface OpenedDataset extends StoredDataset {
  placer: NodePlacer;
}

/** Positions come from the force layout: a dataset opened in the browser has none computed on the server. */
const placeForces: NodePlacer = () => forcePlace;

/** The most problems listed in the page; the CSV report has all of them. */
const MAX_LISTED = 500;

/** What the report dialog shows: the files' name, what was rejected, and why nothing opened (if so). */
interface Report {
  name: string;
  problems: readonly ImportProblem[];
  warnings: readonly ImportProblem[];
  fatal: string | null;
}

/** Writes a history entry without Next's router noticing (as lib/view/urlSync.ts does). */
function pushUrl(url: string) {
  History.prototype.pushState.call(window.history, null, "", url);
}

/** The hash the URL names (`data=local:<hash>`), or null for the bundled dataset. */
function urlHash(): string | null {
  const raw = new URLSearchParams(window.location.search).get("data");
  return raw === null ? null : dataParam.parse(raw, undefined as never).value;
}

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** "40 events, 60 stances, 12 quotes, 30 actors". */
function counts({ dataset: d }: StoredDataset): string {
  return [
    plural(d.events.length, "event"),
    plural(d.stances.length, "stance"),
    plural(d.quotes.length, "quote"),
    plural(d.actors.length, "actor"),
  ].join(", ");
}

/** "See the report", in the banner and in the status line of a file that opened nothing. */
function ReportButton({ onOpen }: { onOpen(): void }) {
  return (
    <button type="button" className="link-button" onClick={onOpen}>
      See the report
    </button>
  );
}

/** The opening of files and the banner of the dataset opened from them. */
export default function LocalDataPanel({
  files,
  wanted,
  local,
  onShow,
  onPick,
}: {
  /** The files picked or dropped last (a new array each time), or null before any. */
  files: File[] | null;
  /** The hash the page's URL named when it loaded (`data=local:<hash>`), restored from IndexedDB. */
  wanted: string | null;
  /** The dataset opened from a file that the page shows, or null for the bundled one. */
  local: OpenedDataset | null;
  /** Shows a dataset opened from a file, or the bundled dataset (null). */
  onShow(local: OpenedDataset | null): void;
  /** Opens the file picker. */
  onPick(): void;
}) {
  const [job, setJob] = useState<{ name: string; fraction: number } | null>(null);
  const worker = useRef<Worker | null>(null);
  const [failed, setFailed] = useState<Report | null>(null);
  const [reportOpen, setReportOpen] = useState(false);
  const [missing, setMissing] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  // The hash of a dataset still being written to IndexedDB.
  const [saving, setSaving] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  // The latest callbacks and shown dataset, for the listeners set once.
  const latest = useRef({ onShow, local });
  useEffect(() => {
    latest.current = { onShow, local };
  });

  const show = (stored: StoredDataset, push: boolean) => {
    if (push)
      pushUrl(`${window.location.pathname}?data=${dataParam.serialize(stored.hash, undefined as never)}`);
    setMissing(null);
    latest.current.onShow({ ...stored, placer: placeForces });
  };
  const restore = (hash: string) => {
    void loadDataset(hash).then((stored) => {
      // The URL moved on while IndexedDB answered: the newer URL wins.
      if (urlHash() !== hash) return;
      if (stored) show(stored, false);
      else {
        setMissing(hash);
        latest.current.onShow(null);
      }
    });
  };

  // A link naming a dataset opened from a file: this browser has it, or the bundled one shows with a notice.
  useEffect(() => {
    if (wanted !== null) restore(wanted);
    // Back and forward across a change of dataset: show the dataset the URL names.
    const onPop = () => {
      const hash = urlHash();
      if (hash === (latest.current.local?.hash ?? null)) return;
      if (hash === null) {
        setMissing(null);
        latest.current.onShow(null);
      } else restore(hash);
    };
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
    // Once, for the URL the page loaded with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Files picked or dropped: read and checked in a worker, the valid records opened, the rest reported. A new
  // array is a new request (the same array again is not): its state is reset while rendering, the worker
  // started by the effect below.
  const [request, setRequest] = useState<File[] | null>(null);
  const name = (files ?? [])
    .map((f) => f.name)
    .sort()
    .join(", ");
  if (files !== request) {
    setRequest(files);
    if (files && files.length > 0) {
      setJob({ name, fraction: 0 });
      setStatus("");
      setFailed(null);
      setReportOpen(false);
    }
  }
  useEffect(() => {
    if (!files || files.length === 0) return;
    worker.current?.terminate();
    const w = new Worker(new URL("./importWorker.ts", import.meta.url));
    worker.current = w;
    const finish = () => {
      w.terminate();
      if (worker.current === w) worker.current = null;
      setJob(null);
    };
    w.onmessage = (e: MessageEvent<ImportMessage>) => {
      const m = e.data;
      if (m.type === "progress") {
        setJob((j) => (j ? { ...j, fraction: m.fraction } : j));
        return;
      }
      finish();
      if (m.type === "error") {
        setStatus(`Could not open ${name}: ${m.message}`);
        return;
      }
      const { result, hash } = m;
      if (!result.dataset) {
        // Nothing valid: nothing opens, and the report says why.
        setFailed({ name, problems: result.problems, warnings: result.warnings, fatal: result.fatal });
        setStatus(`Nothing opened from ${name}: ${result.fatal ?? "no valid record"}`);
        setReportOpen(true);
        return;
      }
      const stored: StoredDataset = {
        hash,
        name,
        openedAt: new Date().toISOString(),
        format: result.format,
        dataset: result.dataset,
        problems: result.problems,
        warnings: result.warnings,
      };
      // Shown at once; the banner says "saving" until IndexedDB holds it (a reload before then cannot restore it).
      setSaving(hash);
      saveDataset(stored).then(
        () => setSaving((h) => (h === hash ? null : h)),
        () => {
          setSaving((h) => (h === hash ? null : h));
          setStatus(
            `${name} could not be kept in this browser (IndexedDB refused it): a reload will not restore it.`,
          );
        },
      );
      show(stored, true);
    };
    w.onerror = (e) => {
      e.preventDefault();
      finish();
      setStatus(`Could not open ${name}: ${e.message || "the reader stopped"}`);
    };
    w.postMessage({ files });
    return () => w.terminate();
    // `name` follows `files`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [files]);

  const cancel = () => {
    worker.current?.terminate();
    worker.current = null;
    setJob(null);
    setStatus("Opening cancelled: nothing was opened.");
  };
  const back = () => {
    pushUrl(window.location.pathname);
    setMissing(null);
    setFailed(null);
    onShow(null);
  };

  const report: Report | null =
    failed ??
    (local && { name: local.name, problems: local.problems, warnings: local.warnings, fatal: null });
  const hasDialog = report !== null;
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (reportOpen && !d.open) d.showModal();
    if (!reportOpen && d.open) d.close();
  }, [reportOpen, hasDialog]);
  const hasReport =
    report !== null && (report.fatal !== null || report.problems.length + report.warnings.length > 0);

  return (
    <>
      {local && (
        <section className={styles.bar} aria-label="Your data" data-local-dataset="" data-testid="local-data">
          <p>
            <strong>Your data: {local.name}</strong>{" "}
            <span className={styles.id} data-testid="local-kept">
              (local:{local.hash},{" "}
              {saving === local.hash ? "saving in this browser…" : "kept in this browser only"}, never
              uploaded)
            </span>
          </p>
          <p data-testid="local-summary">
            {/* The files are named on the line above: here what they gave. */}
            Shown: {counts(local)}
            {local.problems.length > 0 && ` · ${plural(local.problems.length, "record")} skipped`}
            {local.warnings.length > 0 && ` · ${plural(local.warnings.length, "warning")}`}
            {hasReport && (
              <>
                {" "}
                <ReportButton onOpen={() => setReportOpen(true)} />
              </>
            )}
          </p>
          <button type="button" className="button" onClick={back}>
            Back to the bundled dataset
          </button>
        </section>
      )}
      {missing && !local && (
        <p className="notice" role="status" data-testid="local-missing">
          The shared view uses a dataset opened from a file (local:{missing}) that this browser does not have.
          Open the file to see it.{" "}
          <button type="button" className="button" onClick={onPick}>
            Open your data
          </button>
        </p>
      )}
      {job && (
        <div className={styles.bar} data-testid="local-progress">
          <p id={`${id}-job`}>Opening {job.name}…</p>
          <progress
            className={styles.progress}
            aria-label={`Opening ${job.name}`}
            max={1}
            value={job.fraction}
          />
          <button type="button" className="button" onClick={cancel}>
            Cancel
          </button>
        </div>
      )}
      <p role="status" className={status ? "notice" : "visually-hidden"} data-testid="local-status">
        {status}
        {status && failed && !reportOpen && (
          <>
            {" "}
            <ReportButton onOpen={() => setReportOpen(true)} />
          </>
        )}
      </p>
      {report && (
        <dialog
          ref={dialog}
          className={styles.report}
          aria-labelledby={`${id}-report`}
          onClose={() => setReportOpen(false)}
          data-testid="import-report"
        >
          <h2 id={`${id}-report`}>Report: {report.name}</h2>
          {report.fatal !== null && (
            <p className={styles.fatal} data-testid="import-fatal">
              Nothing opened: {report.fatal}
            </p>
          )}
          <h3>{plural(report.problems.length, "record")} skipped</h3>
          {report.problems.length > 0 && (
            <ProblemList problems={report.problems} label="Skipped records" testId="import-problems" />
          )}
          {report.warnings.length > 0 && (
            <>
              <h3>{plural(report.warnings.length, "warning")}</h3>
              <ProblemList problems={report.warnings} label="Warnings" testId="import-warnings" />
            </>
          )}
          <div className={styles.actions}>
            {report.problems.length + report.warnings.length > 0 && (
              <button
                type="button"
                className="button button-primary"
                onClick={() =>
                  saveFile(
                    `${report.name.split(",")[0]!.replace(/\.[^.]*$/, "")}_report.csv`,
                    new Blob([problemsCsv(report.problems, report.warnings)], {
                      type: "text/csv;charset=utf-8",
                    }),
                  )
                }
              >
                Download the report (CSV)
              </button>
            )}
            <button type="button" className="button" onClick={() => setReportOpen(false)}>
              Close
            </button>
          </div>
        </dialog>
      )}
    </>
  );
}

/** Every problem, one line each (the first {@link MAX_LISTED}; the CSV has the rest), as text only. */
function ProblemList({
  problems,
  label,
  testId,
}: {
  problems: readonly ImportProblem[];
  label: string;
  testId: string;
}) {
  const more = problems.length - MAX_LISTED;
  return (
    <>
      <ol className={styles.list} aria-label={label} tabIndex={0} data-testid={testId}>
        {problems.slice(0, MAX_LISTED).map((p, i) => (
          <li key={i}>{formatProblem(p)}</li>
        ))}
      </ol>
      {more > 0 && <p>and {plural(more, "more")}: the CSV report lists them all.</p>}
    </>
  );
}
