// Loaded when Download is first opened (components/export/DownloadMenu.tsx), so none of this is in the first load.
import type { DatasetIndex } from "@/lib/data";
import { csvChunks } from "@/lib/export/csv";
import { composeImage, quotesDrawing, type ViewDrawing } from "@/lib/export/image";
import { jsonChunks } from "@/lib/export/json";
import { csvReadme, exportBaseName, filtersInWords, localDataNote, sourcesShown } from "@/lib/export/naming";
import { eventTable, quoteTable, stanceTable, visibleDatasetSteps } from "@/lib/export/records";
import { crc32, zipParts, type ZipPartsEntry } from "@/lib/export/zip";
import type { VisibleRecords } from "@/lib/select";
import { actorName, selectionLabel } from "@/lib/select/wording";
import { formatDate } from "@/lib/time";
import type { ViewName, ViewState } from "@/lib/view";
import { captureView } from "./capture";
import { saveFile } from "./saveFile";

/** What an export reads: the dataset, the view state, what it shows, and the link to it. */
export interface ExportContext {
  index: DatasetIndex;
  view: ViewState;
  visible: VisibleRecords;
  permalink: string;
  /** The story step shown, in words, when the view is one ("<story> — step 3 of 8: <title>"). */
  story?: string;
}

/** What an image shows: the whole dashboard (every view the page shows), or one view. */
export type ImageScope = "dashboard" | ViewName;

const VIEW_TITLE: Record<ViewName, string> = {
  timeline: "Escalation timeline",
  network: "Condemnation network",
  quotes: "Quotes",
};

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
  return composeImage(drawings, {
    filters: filtersInWords(index, view),
    selection: view.selection ? selectionLabel(index, view.selection) : undefined,
    story: ctx.story,
    sources,
    datasetDate: view.data ? localDataNote(view.data) : dataAsOf(index),
    permalink: ctx.permalink,
  });
}

/** "Data as of 23 June 2025 (the latest report)": the date of the newest report the dataset draws on. */
function dataAsOf(index: DatasetIndex): string {
  const latest = index.data.sources.reduce((m, s) => (s.published > m ? s.published : m), "");
  return latest ? `Data as of ${formatDate(latest, "day")} (the latest report)` : "";
}

/** Downloads the SVG of the scope. */
export function downloadSvg(ctx: ExportContext, scope: ImageScope) {
  const { svg } = imageSvg(ctx, scope);
  saveFile(
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
    // Twice the CSS size, unless that passes what a canvas holds everywhere (16,384 px a side; 16.7 million
    // pixels on iOS): then as large as fits, rather than a canvas toBlob refuses.
    const scale = Math.min(2, 16_384 / width, 16_384 / height, Math.sqrt(16_777_216 / (width * height)));
    const canvas = document.createElement("canvas");
    canvas.width = Math.floor(width * scale);
    canvas.height = Math.floor(height * scale);
    const g = canvas.getContext("2d");
    if (!g) throw new Error("this browser cannot draw the image");
    g.scale(scale, scale);
    g.drawImage(img, 0, 0, width, height);
    const png = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error("the image is too large to encode"))),
        "image/png",
      ),
    );
    saveFile(`${exportBaseName(ctx.view)}${scope === "dashboard" ? "" : `_${scope}`}.png`, png);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Yields to the browser between chunks, so a large table never holds the page for more than a frame or so. */
const nextTask = () => new Promise<void>((resolve) => window.setTimeout(resolve, 0));

/**
 * Text written in chunks, as UTF-8 parts with their size (and, for a ZIP entry, CRC), yielding to the browser
 * before each chunk.
 */
async function encodeChunks(name: string, chunks: Iterable<string>, withCrc = true): Promise<ZipPartsEntry> {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  let size = 0;
  let crc = 0;
  for (const chunk of chunks) {
    await nextTask();
    const bytes = enc.encode(chunk);
    parts.push(bytes);
    size += bytes.length;
    if (withCrc) crc = crc32(bytes, crc);
  }
  return { name, parts, size, crc };
}

/**
 * Downloads a ZIP of `events.csv`, `stances.csv` and `quotes.csv` (the visible records of each kind) and a
 * `README.txt` saying which view they come from and how to read them as text.
 */
export async function downloadCsv(ctx: ExportContext) {
  const { index, visible } = ctx;
  const filters = ctx.story
    ? `${ctx.story} (${filtersInWords(index, ctx.view)})`
    : filtersInWords(index, ctx.view);
  const readme = csvReadme(
    filters,
    ctx.permalink,
    dataAsOf(index).replace(/^Data as of /, ""),
    ctx.view.data ?? undefined,
  );
  const files = [
    await encodeChunks("README.txt", [readme]),
    await encodeChunks("events.csv", csvChunks(eventTable(index), visible.events, 2000)),
    await encodeChunks("stances.csv", csvChunks(stanceTable(index), visible.stances, 2000)),
    await encodeChunks("quotes.csv", csvChunks(quoteTable(index), visible.quotes, 2000)),
  ];
  saveFile(
    `${exportBaseName(ctx.view)}_csv.zip`,
    new Blob(zipParts(files) as Uint8Array<ArrayBuffer>[], { type: "application/zip" }),
  );
}

/** Downloads the visible records as a dataset file (the contract `STANCE_ATLAS_DATASET` reads). */
export async function downloadJson(ctx: ExportContext) {
  const steps = visibleDatasetSteps(ctx.index, ctx.visible);
  let step = steps.next();
  while (!step.done) {
    await nextTask();
    step = steps.next();
  }
  const file = step.value;
  const { parts } = await encodeChunks("", jsonChunks(file), false);
  saveFile(
    `${exportBaseName(ctx.view)}.json`,
    new Blob(parts as Uint8Array<ArrayBuffer>[], { type: "application/json" }),
  );
}
