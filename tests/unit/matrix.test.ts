import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { indexDataset } from "@/lib/data";
import type { DatasetFile, Stance } from "@/lib/model";
import { buildMatrix, cellKey, matrixCellLabel, MAX_MATRIX_ACTORS } from "@/lib/select/matrix";
import { miniIndex } from "./helpers";

const mini = miniIndex();
const bundled = JSON.parse(readFileSync("data/escalations.json", "utf8")) as DatasetFile;
const index = indexDataset(bundled);

/** The top of an actor's affiliation chain, walked plainly over the JSON. */
function campOf(data: DatasetFile, id: string): string {
  const affiliation = new Map(data.actors.map((a) => [a.id, a.affiliation]));
  const seen = new Set([id]);
  let at = id;
  for (
    let next = affiliation.get(at);
    next && affiliation.has(next) && !seen.has(next);
    next = affiliation.get(at)
  ) {
    seen.add(next);
    at = next;
  }
  return at;
}
/** Whether an actor is `id` or affiliated to it, directly or not. */
function inChain(data: DatasetFile, actor: string, id: string): boolean {
  const affiliation = new Map(data.actors.map((a) => [a.id, a.affiliation]));
  for (let at: string | undefined = actor, n = 0; at && n < 50; at = affiliation.get(at), n++)
    if (at === id) return true;
  return false;
}

describe("buildMatrix on the mini fixture", () => {
  // mini.json: turkey → united-states condemn (2020); sergey-lavrov → iran condole (2020) and support (2024).
  // Lavrov's chain: russian-foreign-ministry → russia (camp russia, degree 2); Turkey and the US: degree 1.
  const m = buildMatrix(mini.index, mini.data.stances);

  it("puts sources on rows and targets on columns, busiest camp first", () => {
    expect(m.rows).toEqual(["sergey-lavrov", "turkey"]);
    expect(m.cols).toEqual(["iran", "united-states"]);
    expect(m.capped).toEqual({ actors: 0, stances: 0 });
  });

  it("groups a pair's stances in one cell, types by count then vocabulary order", () => {
    const cell = m.cells.get(cellKey("sergey-lavrov", "iran"));
    expect(cell?.stanceIds).toEqual(["lavrov-condoles-iran-2020", "russia-supports-iran-2024"]);
    // A tie (1 and 1): support comes before condole in the vocabulary.
    expect(cell?.types).toEqual([
      { type: "support", count: 1 },
      { type: "condole", count: 1 },
    ]);
    expect(m.cells.get(cellKey("turkey", "iran"))).toBeUndefined();
    expect(m.cells.size).toBe(2);
  });

  it("names cells as they are read", () => {
    const cell = m.cells.get(cellKey("sergey-lavrov", "iran"));
    expect(matrixCellLabel(mini.index, "sergey-lavrov", "iran", cell)).toBe(
      "Sergey Lavrov → Iran: support ×1, condole ×1",
    );
    expect(matrixCellLabel(mini.index, "turkey", "iran", undefined)).toBe("Turkey → Iran: no stance");
  });

  it("is empty when no stance is shown", () => {
    const empty = buildMatrix(mini.index, []);
    expect(empty.rows).toEqual([]);
    expect(empty.cols).toEqual([]);
    expect(empty.cells.size).toBe(0);
  });
});

describe("buildMatrix on the bundled dataset", () => {
  it("orders Russia's 2025 stances by camp, degree, then name", () => {
    // The stances of 2025 involving Russia or an actor affiliated to it (the `actors=russia&years=2025`
    // filter), read from data/escalations.json: 13 stances. Degrees: russia 6, united-states 8, iran 3,
    // russian-foreign-ministry 2, vladimir-putin 2, dmitry-peskov 2, abbas-araqchi 2, kremlin 1.
    // Camps: russia 13, united-states 8, iran 5 (iran 3 + araqchi 2).
    const stances = bundled.stances.filter(
      (s) =>
        s.date.startsWith("2025") && (inChain(bundled, s.from, "russia") || inChain(bundled, s.to, "russia")),
    );
    expect(stances).toHaveLength(13);
    const m = buildMatrix(index, stances);
    expect(m.rows).toEqual([
      "russia",
      "dmitry-peskov",
      "russian-foreign-ministry",
      "vladimir-putin",
      "kremlin",
      "abbas-araqchi",
    ]);
    expect(m.cols).toEqual(["russia", "united-states", "iran"]);
    expect(
      matrixCellLabel(index, "russia", "united-states", m.cells.get(cellKey("russia", "united-states"))),
    ).toBe("Russia → United States: condemn ×1, criticize ×1, warn ×1");
    expect(
      matrixCellLabel(index, "abbas-araqchi", "russia", m.cells.get(cellKey("abbas-araqchi", "russia"))),
    ).toBe("Abbas Araqchi → Russia: praise ×1, thank ×1");
  });

  it("holds every Russia → United States stance of all years in one cell", () => {
    const expected = bundled.stances.filter((s) => s.from === "russia" && s.to === "united-states");
    const counts = new Map<string, number>();
    for (const s of expected) counts.set(s.type, (counts.get(s.type) ?? 0) + 1);
    const cell = buildMatrix(index, bundled.stances).cells.get(cellKey("russia", "united-states"));
    expect(cell?.stanceIds).toEqual(expected.map((s) => s.id));
    expect(new Map(cell?.types.map((t) => [t.type, t.count]))).toEqual(counts);
    // Most frequent first.
    const n = cell!.types.map((t) => t.count);
    expect(n).toEqual([...n].sort((a, b) => b - a));
  });

  it("keeps camps together, busiest camp first, and degree descending inside a camp", () => {
    const all = bundled.stances;
    const m = buildMatrix(index, all);
    const degree = new Map<string, number>();
    for (const s of all) {
      degree.set(s.from, (degree.get(s.from) ?? 0) + 1);
      if (s.to !== s.from) degree.set(s.to, (degree.get(s.to) ?? 0) + 1);
    }
    const sources = new Set(all.map((s) => s.from));
    const targets = new Set(all.map((s) => s.to));
    expect(new Set(m.rows)).toEqual(sources);
    expect(new Set(m.cols)).toEqual(targets);
    const union = [...new Set([...sources, ...targets])];
    const campDegree = new Map<string, number>();
    for (const a of union)
      campDegree.set(campOf(bundled, a), (campDegree.get(campOf(bundled, a)) ?? 0) + degree.get(a)!);
    for (const axis of [m.rows, m.cols]) {
      const camps = axis.map((a) => campOf(bundled, a));
      // Contiguous: once a camp is left, it never comes back.
      const left = new Set<string>();
      camps.forEach((c, i) => {
        if (i > 0 && camps[i - 1] !== c) left.add(camps[i - 1]!);
        expect(left.has(c)).toBe(false);
      });
      for (let i = 1; i < axis.length; i++) {
        const [a, b] = [axis[i - 1]!, axis[i]!];
        if (camps[i - 1] !== camps[i])
          expect(campDegree.get(camps[i - 1]!)).toBeGreaterThanOrEqual(campDegree.get(camps[i]!)!);
        else expect(degree.get(a)).toBeGreaterThanOrEqual(degree.get(b)!);
      }
    }
    // Russia's camp is together on the rows: Russia, then its people and bodies.
    const russian = m.rows.filter((a) => campOf(bundled, a) === "russia");
    const at = m.rows.indexOf(russian[0]!);
    expect(m.rows.slice(at, at + russian.length)).toEqual(russian);
  });

  it("keeps the busiest actors when an axis would hold too many", () => {
    const template = bundled.stances[0]!;
    const stances: Stance[] = Array.from({ length: MAX_MATRIX_ACTORS + 5 }, (_, i) => ({
      ...template,
      id: `gen-${i}`,
      from: `gen-actor-${i}`,
      to: "iran",
    }));
    const m = buildMatrix(index, stances);
    expect(m.rows).toHaveLength(MAX_MATRIX_ACTORS);
    expect(m.capped).toEqual({ actors: 5, stances: 5 });
  });
});
