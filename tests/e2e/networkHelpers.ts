import type { Locator, Page } from "@playwright/test";
import { filterRecords } from "@/lib/select";
import { DEFAULT_VIEW, type ViewState } from "@/lib/view";
import { expect } from "./fixtures";
import { index } from "./dataset";

/** The network view's region. */
export const network = (page: Page) => page.getByRole("region", { name: "Condemnation network" });
/** The stances the app shows under a view (the default view patched). */
export const visibleStances = (patch: Partial<ViewState> = {}) =>
  filterRecords(index, { ...DEFAULT_VIEW, ...patch }).stances;
/** Sorted ids of some records. */
export const ids = (records: readonly { id: string }[]) => records.map((r) => r.id).sort();

/**
 * Waits until the drawing has been measured on the client: the server renders it at a default width, and
 * positions are only final once it matches its box (in whole pixels, rounded down: `widthUpdate`).
 */
export async function settled(region: Locator) {
  await expect
    .poll(() =>
      region
        .getByTestId("network-svg")
        .evaluate(
          (svg) =>
            Number(svg.getAttribute("width")) ===
            Math.floor(svg.parentElement!.getBoundingClientRect().width),
        ),
    )
    .toBe(true);
}

/** Every stance id the drawn edges stand for. */
export async function drawnStances(region: Locator): Promise<string[]> {
  const lists = await region
    .locator("[data-edge]")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-stances") ?? ""));
  return lists.flatMap((l) => l.split(" ")).sort();
}

/** Size of every drawn actor mark, by actor id. */
export async function nodeSizes(region: Locator): Promise<Record<string, { width: number; height: number }>> {
  return region.locator("[data-node]").evaluateAll((els) =>
    Object.fromEntries(
      els.map((el) => {
        const { width, height } = el.querySelector("path")!.getBoundingClientRect();
        return [el.getAttribute("data-node"), { width, height }];
      }),
    ),
  );
}

/** The path drawn for every edge, by edge id. */
export async function edgePaths(region: Locator): Promise<Record<string, string>> {
  return region
    .locator("[data-edge]")
    .evaluateAll((els) =>
      Object.fromEntries(
        els.map((el) => [
          el.getAttribute("data-edge"),
          el.querySelector("path[marker-end]")!.getAttribute("d"),
        ]),
      ),
    );
}

/** Centre of every drawn actor mark within the drawing, by actor id. */
export async function nodeCentres(region: Locator): Promise<Record<string, { x: number; y: number }>> {
  return region.locator("[data-node]").evaluateAll((els) =>
    Object.fromEntries(
      els.map((el) => {
        // Relative to the drawing, so a legend that changes height above it does not count as a move.
        const origin = (el as SVGGElement).ownerSVGElement!.getBoundingClientRect();
        const r = el.querySelector("path")!.getBoundingClientRect();
        return [
          el.getAttribute("data-node"),
          { x: r.x + r.width / 2 - origin.x, y: r.y + r.height / 2 - origin.y },
        ];
      }),
    ),
  );
}

/** A point halfway along an edge, in the viewport, that nothing else covers, with the edge's first stance. */
export function uncoveredEdgeMidpoint(region: Locator) {
  return region.locator("[data-edge]").evaluateAll((els) => {
    for (const el of els) {
      const path = el.querySelector("path") as SVGPathElement;
      const p = path.getPointAtLength(path.getTotalLength() / 2).matrixTransform(path.getScreenCTM()!);
      if (el.contains(document.elementFromPoint(p.x, p.y)))
        return { x: p.x, y: p.y, stance: (el.getAttribute("data-stances") ?? "").split(" ")[0]! };
    }
    return null;
  });
}
