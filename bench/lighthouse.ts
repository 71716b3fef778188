// Lighthouse from the bench: runs `lighthouse@12.8.2` (fetched by npx on first use) against the bundled
// dataset's server with the Chromium the bench uses, mobile preset (Lighthouse's default), and reads the four
// category scores, LCP, TBT and CLS, and the estimated savings of its legacy-JavaScript and unused-JavaScript
// audits. Never throws: when npx or Lighthouse cannot run, it returns the reason and the bench skips its checks.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

export const LIGHTHOUSE = "lighthouse@12.8.2";

export interface LighthouseResult {
  /** Category scores, 0–100. */
  scores: { performance: number; accessibility: number; bestPractices: number; seo: number };
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** Estimated savings of the "legacy-javascript" audit, KiB (transferred). */
  legacyJsKib: number;
  /** Estimated savings of the "unused-javascript" audit, KiB (transferred). */
  unusedJsKib: number;
  /** Audits of the accessibility, best-practices and SEO categories that did not pass, by id. */
  failing: string[];
}

interface Audit {
  score: number | null;
  scoreDisplayMode?: string;
  numericValue?: number;
  details?: { overallSavingsBytes?: number };
}
interface Report {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, Audit>;
  runtimeError?: { code: string; message: string };
}

const TIMEOUT_MS = 300_000;

function run(cmd: string, args: string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    let stderr = "";
    let child;
    try {
      child = spawn(cmd, args, { cwd, stdio: ["ignore", "ignore", "pipe"], detached: true });
    } catch (err) {
      resolve({ code: null, stderr: String(err) });
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
      stderr += `\ntimed out after ${TIMEOUT_MS / 1000} s`;
    }, TIMEOUT_MS);
    child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", (err) => {
      clearTimeout(timer);
      resolve({ code: null, stderr: stderr + String(err) });
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

const kib = (bytes: number | undefined) => (bytes ?? 0) / 1024;

/** Runs Lighthouse on `url`; returns its figures, or `{ skipped }` with the reason it could not run. */
export async function runLighthouse(
  url: string,
  chromePath: string,
  tmpDir: string,
): Promise<LighthouseResult | { skipped: string }> {
  mkdirSync(tmpDir, { recursive: true });
  const out = path.join(tmpDir, "lighthouse.json");
  rmSync(out, { force: true });
  const { code, stderr } = await run(
    "npx",
    [
      "--yes",
      LIGHTHOUSE,
      url,
      `--chrome-path=${chromePath}`,
      "--chrome-flags=--headless=new --no-sandbox",
      "--output=json",
      `--output-path=${out}`,
      "--quiet",
    ],
    tmpDir,
  );
  let report: Report;
  try {
    report = JSON.parse(readFileSync(out, "utf8")) as Report;
  } catch {
    const tail = stderr.trim().split("\n").slice(-3).join(" / ");
    return { skipped: `npx ${LIGHTHOUSE} did not run (exit ${code}): ${tail || "no output"}` };
  }
  if (report.runtimeError) return { skipped: `Lighthouse: ${report.runtimeError.message}` };
  const score = (id: string) => Math.round((report.categories[id]?.score ?? NaN) * 100);
  const audit = (id: string): Audit | undefined => report.audits[id];
  const failing = ["accessibility", "best-practices", "seo"].flatMap((cat) =>
    (report.categories[cat]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0)
      .map((ref) => ({ id: ref.id, a: audit(ref.id) }))
      .filter(({ a }) => a && a.scoreDisplayMode === "binary" && a.score !== null && a.score < 1)
      .map(({ id }) => `${cat}:${id}`),
  );
  return {
    scores: {
      performance: score("performance"),
      accessibility: score("accessibility"),
      bestPractices: score("best-practices"),
      seo: score("seo"),
    },
    lcpMs: audit("largest-contentful-paint")?.numericValue ?? NaN,
    tbtMs: audit("total-blocking-time")?.numericValue ?? NaN,
    cls: audit("cumulative-layout-shift")?.numericValue ?? NaN,
    legacyJsKib: kib(audit("legacy-javascript")?.details?.overallSavingsBytes),
    unusedJsKib: kib(audit("unused-javascript")?.details?.overallSavingsBytes),
    failing,
  };
}
