// Loaded when Download is first opened (components/export/DownloadMenu.tsx), so none of this is in the first load.
import type { DatasetIndex } from "@/lib/data";
import { csvChunks } from "@/lib/export/csv";
import { composeImage, quotesDrawing, type ViewDrawing } from "@/lib/export/image";
import { exportBaseName, filtersInWords, sourcesShown } from "@/lib/export/naming";
import { eventTable, quoteTable, stanceTable, visibleDataset } from "@/lib/export/records";
import { zipStored } from "@/lib/export/zip";
import type { VisibleRecords } from "@/lib/select";
import { actorName, selectionLabel } from "@/lib/select/wording";
import { formatDate } from "@/lib/time";
import type { ViewName, ViewState } from "@/lib/view";
import { captureView } from "./capture";

/** What an export reads: the dataset, the view state, what it shows, and the link to it. */
export interface ExportContext {
  index: DatasetIndex;
  view: ViewState;
  visible: VisibleRecords;
  permalink: string;
}

/** What an image shows: the whole dashboard (every view the page shows), or one view. */
export type ImageScope = "dashboard" | ViewName;

const VIEW_TITLE: Record<ViewName, string> = {
  timeline: "Escalation timeline",
  network: "Condemnation network",
  quotes: "Quotes",
};

/** Hands a file to the browser's download. */
function save(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The export's SVG of the scope, with its caption (title, filters, selection, sources, dataset date, link). */
export function imageSvg(
  ctx: ExportContext,
  scope: ImageScope,
): { svg: string; width: number; height: number } {
  const { index, view, visible } = ctx;
  const names: ViewName[] =
    scope === "dashboard"
      ? (["timeline", "network", "quotes"] as const).filter(
          (v) => view.views.length === 0 || view.views.includes(v),
        )
      : [scope];
  const drawings: ViewDrawing[] = [];
  let width = 0;
  for (const name of names) {
    if (name === "quotes") continue;
    const region = document.getElementById(name);
    const d = region && captureView(region, VIEW_TITLE[name]);
    if (d) {
      drawings.push(d);
      width = Math.max(width, d.width);
    }
  }
  if (names.includes("quotes")) {
    const lines = visible.quotes.map((q) => ({
      speaker: actorName(index, q.speaker),
      date: formatDate(q.date, q.datePrecision),
      text: q.text,
    }));
    drawings.push(quotesDrawing(lines, Math.max(560, Math.min(width || 900, 900))));
  }
  const sources = sourcesShown(index, visible).map(
    (s) => `${s.publisher}, “${s.title}”, ${formatDate(s.published, s.datePrecision)}`,
  );
  const latest = index.data.sources.reduce((m, s) => (s.published > m ? s.published : m), "");
  return composeImage(drawings, {
    filters: filtersInWords(index, view),
    selection: view.selection ? selectionLabel(index, view.selection) : undefined,
    sources,
    datasetDate: latest ? `Data as of ${formatDate(latest, "day")} (the latest report)` : "",
    permalink: ctx.permalink,
  });
}

/** Downloads the SVG of the scope. */
export function downloadSvg(ctx: ExportContext, scope: ImageScope) {
  const { svg } = imageSvg(ctx, scope);
  save(
    `${exportBaseName(ctx.view)}${scope === "dashboard" ? "" : `_${scope}`}.svg`,
    new Blob([svg], { type: "image/svg+xml" }),
  );
}

/** Downloads the PNG of the scope at twice its CSS size, rasterised from the same SVG. */
export async function downloadPng(ctx: ExportContext, scope: ImageScope) {
  const { svg, width, height } = imageSvg(ctx, scope);
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const img = new Image();
    img.decoding = "async";
    img.src = url;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = width * 2;
    canvas.height = height * 2;
    const g = canvas.getContext("2d");
    if (!g) throw new Error("this browser cannot draw the image");
    g.scale(2, 2);
    g.drawImage(img, 0, 0, width, height);
    const png = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error("the image is too large to encode"))),
        "image/png",
      ),
    );
    save(`${exportBaseName(ctx.view)}${scope === "dashboard" ? "" : `_${scope}`}.png`, png);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Yields to the browser between chunks, so a large table never holds the page for more than a frame or so. */
const nextTask = () => new Promise<void>((resolve) => window.setTimeout(resolve, 0));

async function csvBytes<Row>(
  table: Parameters<typeof csvChunks<Row>>[0],
  rows: readonly Row[],
): Promise<Uint8Array> {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  for (const chunk of csvChunks(table, rows)) {
    parts.push(enc.encode(chunk));
    await nextTask();
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Downloads a ZIP of `events.csv`, `stances.csv` and `quotes.csv`: the visible records of each kind. */
export async function downloadCsv(ctx: ExportContext) {
  const { index, visible } = ctx;
  const files = [
    { name: "events.csv", data: await csvBytes(eventTable(index), visible.events) },
    { name: "stances.csv", data: await csvBytes(stanceTable(index), visible.stances) },
    { name: "quotes.csv", data: await csvBytes(quoteTable(index), visible.quotes) },
  ];
  save(
    `${exportBaseName(ctx.view)}_csv.zip`,
    new Blob([zipStored(files) as Uint8Array<ArrayBuffer>], { type: "application/zip" }),
  );
}

/** Downloads the visible records as a dataset file (the contract `STANCE_ATLAS_DATASET` reads). */
export function downloadJson(ctx: ExportContext) {
  const file = visibleDataset(ctx.index, ctx.visible);
  save(
    `${exportBaseName(ctx.view)}.json`,
    new Blob([JSON.stringify(file, null, 2)], { type: "application/json" }),
  );
}
