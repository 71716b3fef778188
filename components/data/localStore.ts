// The datasets opened from files, kept in this browser's IndexedDB (database "stance-atlas", store
// "datasets", keyed by the hash the URL carries), so that a reload or a `data=local:<hash>` link restores one.
import type { DatasetFile } from "@/lib/model";
import type { ImportFormat, ImportProblem } from "@/lib/data/import/types";

/** A dataset opened from files, as kept in this browser. */
export interface StoredDataset {
  /** First 8 hex digits of the SHA-256 of the files' bytes (in name order): `data=local:<hash>`. */
  hash: string;
  /** The file's name, or the files' names joined by ", " in name order. */
  name: string;
  /** When it was opened, ISO 8601. */
  openedAt: string;
  format: ImportFormat;
  /** The valid records. */
  dataset: DatasetFile;
  /** The rejected records and the warnings, for the report after a reload. */
  problems: ImportProblem[];
  warnings: ImportProblem[];
}

const DB_NAME = "stance-atlas";
const STORE = "datasets";

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: "hash" });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error("IndexedDB refused to open"));
  });
}

function run<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return openDb().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const req = act(tx.objectStore(STORE));
        tx.oncomplete = () => {
          db.close();
          resolve(req.result);
        };
        tx.onerror = tx.onabort = () => {
          db.close();
          reject(tx.error ?? new Error("IndexedDB transaction failed"));
        };
      }),
  );
}

/** Keeps an opened dataset (replacing one with the same hash). */
export function saveDataset(record: StoredDataset): Promise<unknown> {
  return run("readwrite", (store) => store.put(record));
}

/** The dataset kept under this hash, or null when this browser does not have it (or has no IndexedDB). */
export async function loadDataset(hash: string): Promise<StoredDataset | null> {
  try {
    return ((await run("readonly", (store) => store.get(hash))) as StoredDataset | undefined) ?? null;
  } catch {
    return null;
  }
}
