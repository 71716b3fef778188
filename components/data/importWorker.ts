// The parsing of an opened file, off the main thread: a 100,000-event file takes seconds to read and check,
// and the page must stay responsive (and cancellable: terminating this worker stops it). Nothing here talks to
// the network: the files arrive as File objects and leave as the parsed dataset.
import { importFiles } from "@/lib/data/import";
import type { ImportFile, ImportResult } from "@/lib/data/import/types";

/** What the page sends: the files the user picked or dropped. */
export interface ImportRequest {
  files: File[];
}

/** What the worker sends back: progress (0–1), then the result with the files' hash. */
export type ImportMessage =
  | { type: "progress"; fraction: number }
  | { type: "done"; result: ImportResult; hash: string }
  | { type: "error"; message: string };

// The worker's global scope: posts to the page and receives from it, as a Worker object does from the page.
const scope = self as unknown as Worker;
const post = (message: ImportMessage) => scope.postMessage(message);

/**
 * The first 8 hex digits of the SHA-256 of the files' bytes, concatenated in the order given (by name): the
 * dataset's name in the URL (`data=local:1a2b3c4d`). The same files give the same hash in any browser.
 */
async function hashOf(files: readonly ImportFile[]): Promise<string> {
  const total = files.reduce((n, f) => n + f.bytes.length, 0);
  let bytes = files[0]?.bytes ?? new Uint8Array(0);
  if (files.length > 1) {
    bytes = new Uint8Array(total);
    let at = 0;
    for (const f of files) {
      bytes.set(f.bytes, at);
      at += f.bytes.length;
    }
  }
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>));
  return [...digest.slice(0, 4)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

scope.onmessage = async (e: MessageEvent<ImportRequest>) => {
  try {
    // Name order (code units), so that picking the same CSV files in another order gives the same hash.
    const picked = [...e.data.files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const files: ImportFile[] = [];
    for (const f of picked) files.push({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
    post({ type: "progress", fraction: 0.05 });
    const hash = await hashOf(files);
    let last = 0;
    const result = importFiles(files, (fraction) => {
      // Reading is the first 5 %; a message per percent is plenty for a progress bar.
      const f = 0.05 + 0.95 * fraction;
      if (f - last < 0.01 && fraction < 1) return;
      last = f;
      post({ type: "progress", fraction: f });
    });
    post({ type: "done", result, hash });
  } catch (err) {
    post({ type: "error", message: err instanceof Error ? err.message : String(err) });
  }
};
