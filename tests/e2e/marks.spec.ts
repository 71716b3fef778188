import type { Locator, Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { test, expect } from "./fixtures";
import { index } from "./dataset";
import { network, settled } from "./networkHelpers";
import { glyphPath, KIND_STYLE } from "@/components/timeline/kindStyle";

// Issue 15, "Marks you can read and touch": labels in the episode strips, one row of episode names on the
// overview, arrows picked by distance at a crossing and naming their event, network labels clear of arrows
// and of each other, legends of what is drawn with the marks' own symbols, quote fragments in their sentence.

const timeline = (page: Page) => page.getByRole("region", { name: "Escalation timeline" });
const quotes = (page: Page) => page.getByRole("region", { name: "Quotes" });
const mark = (page: Page, id: string) => timeline(page).locator(`[data-record="event:${id}"]`);

async function open(page: Page, url: string) {
  await page.goto(url);
  await expect(timeline(page).getByTestId("timeline")).toHaveAttribute("data-measured", "true");
}

/** Pairs of boxes (of the matched elements inside `scope`) that overlap by more than a pixel. */
function overlaps(scope: Locator, selector: string): Promise<string[]> {
  return scope.evaluate((root, sel) => {
    const boxes = [...root.querySelectorAll(sel)].map((el) => ({ el, r: el.getBoundingClientRect() }));
    const out: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!.r;
        const b = boxes[j]!.r;
        if (a.left + 1 < b.right && b.left + 1 < a.right && a.top + 1 < b.bottom && b.top + 1 < a.bottom)
          out.push(`${boxes[i]!.el.textContent} × ${boxes[j]!.el.textContent}`);
      }
    return out;
  }, selector);
}

test.use({ viewport: { width: 1280, height: 800 } });

test("episode strips label their marks where they fit, strikes first, none over another", async ({
  page,
}) => {
  await open(page, "/");
  const panels = timeline(page).locator("[data-episode-panel]");
  await expect(panels).toHaveCount(4);
  // The strikes that open the 2020 and 2024 episodes (events[] kind "strike", the first of their panels)
  // are labelled with the start of their titles.
  for (const id of ["soleimani-killing", "damascus-consulate-strike"]) {
    const label = mark(page, id).locator("text");
    await expect(label, id).toHaveCount(1);
    const text = (await label.textContent())!.replace(/…$/, "");
    expect(index.eventById.get(id)!.title.startsWith(text), `${id}: ${text}`).toBe(true);
    expect(text.length).toBeGreaterThan(5);
  }
  for (const ep of index.data.episodes) {
    const panel = timeline(page).locator(`[data-episode-panel="${ep.id}"] svg`);
    expect(await panel.locator("[data-record] text").count(), ep.id).toBeGreaterThan(0);
    expect(await overlaps(panel, "[data-record] text"), ep.id).toEqual([]);
    expect(await overlaps(panel, '[data-record] text, [data-part="glyph"]'), ep.id).toEqual([]);
  }
  // A label selects its mark (it is part of the mark's target).
  await mark(page, "soleimani-killing").locator("text").click();
  await expect(mark(page, "soleimani-killing")).toHaveAttribute("data-focused", "true");
});

/**
 * The labelled marks of a view whose visible label is not, word for word, in their accessible name. Words as
 * axe's label-content-name-mismatch (axe-core 4.14, Lighthouse 12.8) counts them: parentheticals dropped,
 * split at anything but a letter or digit, the label's words a run of the name's.
 */
function labelsNotInName(view: Locator): Promise<string[]> {
  return view.evaluate((root) => {
    const words = (s: string) => {
      let t = s.normalize("NFKD");
      for (let prev = ""; prev !== t;) [prev, t] = [t, t.replace(/\([^()]*\)/g, "")];
      return t
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean);
    };
    const bad: string[] = [];
    for (const el of root.querySelectorAll('[role="button"][aria-label]')) {
      const text = el.textContent?.trim() ?? "";
      if (!text) continue;
      const label = words(text);
      const name = words(el.getAttribute("aria-label")!);
      const run = name.some((_, i) => label.every((w, j) => name[i + j] === w));
      if (!run) bad.push(`${text} ∉ ${el.getAttribute("aria-label")}`);
    }
    return bad;
  });
}

test("a labelled mark's name holds its visible label word for word (WCAG 2.5.3 label in name)", async ({
  page,
}) => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(viewport);
    await open(page, "/");
    // Labels cut to fit end at a word: "US air strike at…", never "US air strike at B…".
    expect(await timeline(page).locator('[role="button"] text').count()).toBeGreaterThan(10);
    expect(await labelsNotInName(timeline(page)), `${viewport.width} px`).toEqual([]);
    // The network's short labels ("US", "Russian MFA") lead their actors' names (on a phone the network
    // is another tab).
    if (viewport.width >= 1024) {
      expect(await network(page).locator('[role="button"] text').count()).toBeGreaterThan(5);
      expect(await labelsNotInName(network(page)), `network, ${viewport.width} px`).toEqual([]);
    }
    const axe = await new AxeBuilder({ page })
      .include("#timeline")
      .include("#network")
      .withRules(["label-content-name-mismatch"])
      .analyze();
    expect(axe.violations.map((v) => v.nodes.map((n) => n.target.join(" "))).flat()).toEqual([]);
  }
});

test("the overview names its four episodes in one row, each joined to its band", async ({ page }) => {
  await open(page, "/");
  const strip = timeline(page).getByTestId("timeline-overview");
  const boxes = await strip.locator("[data-episode] text").evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { text: el.textContent, top: Math.round(r.top), left: r.left, right: r.right };
    }),
  );
  expect(boxes.map((b) => b.text)).toEqual(index.data.episodes.map((e) => e.label));
  // One row: every label at the same height, none over another.
  expect(new Set(boxes.map((b) => b.top)).size).toBe(1);
  expect(await overlaps(strip, "[data-episode] text")).toEqual([]);
  expect(
    await strip.locator("[data-leader]").evaluateAll((els) => els.map((e) => e.getAttribute("data-leader"))),
  ).toEqual(index.data.episodes.map((e) => e.id));
});

test("where two arrows cross, a click selects the one nearer the pointer, not the one drawn last", async ({
  page,
}) => {
  await page.goto("/");
  const region = network(page);
  await settled(region);
  await region.getByTestId("network-svg").scrollIntoViewIfNeeded();
  // A real crossing of the bundled data: two drawn paths whose pieces intersect at a good angle, away from
  // actors, counts and labels. Then a point 4 px along the arrow drawn first, still inside the hit area of
  // the one drawn last (which lies on top there).
  const found = await region.evaluate((root) => {
    type P = { x: number; y: number };
    const groups = [...root.querySelectorAll<SVGGElement>("[data-edge]")];
    const lines = groups.map((g) => {
      const path = g.querySelector<SVGPathElement>("path[marker-end]")!;
      const ctm = path.getScreenCTM()!;
      const n = Math.max(2, Math.ceil(path.getTotalLength() / 3));
      const pts: P[] = [];
      for (let i = 0; i <= n; i++) {
        const p = path.getPointAtLength((path.getTotalLength() * i) / n).matrixTransform(ctm);
        pts.push({ x: p.x, y: p.y });
      }
      return { id: g.getAttribute("data-edge")!, g, pts };
    });
    const blockers = [...root.querySelectorAll("[data-node], [data-edge] circle, [data-edge] g, text")].map(
      (el) => el.getBoundingClientRect(),
    );
    const nearBlocker = (p: P) =>
      blockers.some((r) => p.x > r.left - 8 && p.x < r.right + 8 && p.y > r.top - 8 && p.y < r.bottom + 8);
    for (let i = 0; i < lines.length; i++)
      for (let j = i + 1; j < lines.length; j++) {
        const a = lines[i]!;
        const b = lines[j]!;
        for (let s = 1; s < a.pts.length; s++)
          for (let t = 1; t < b.pts.length; t++) {
            const p0 = a.pts[s - 1]!;
            const p1 = a.pts[s]!;
            const q0 = b.pts[t - 1]!;
            const q1 = b.pts[t]!;
            const d = (p1.x - p0.x) * (q1.y - q0.y) - (p1.y - p0.y) * (q1.x - q0.x);
            if (Math.abs(d) < 1e-9) continue;
            const u = ((q0.x - p0.x) * (q1.y - q0.y) - (q0.y - p0.y) * (q1.x - q0.x)) / d;
            const v = ((q0.x - p0.x) * (p1.y - p0.y) - (q0.y - p0.y) * (p1.x - p0.x)) / d;
            if (u < 0 || u > 1 || v < 0 || v > 1) continue;
            const la = Math.hypot(p1.x - p0.x, p1.y - p0.y);
            const lb = Math.hypot(q1.x - q0.x, q1.y - q0.y);
            const sin = Math.abs(d) / (la * lb);
            if (sin < 0.6) continue;
            const cross = { x: p0.x + u * (p1.x - p0.x), y: p0.y + u * (p1.y - p0.y) };
            // 4 px along the first arrow from the crossing: 0 px from it, 4 × sin (2.4–4 px) from the other.
            const at = { x: cross.x + ((p1.x - p0.x) / la) * 4, y: cross.y + ((p1.y - p0.y) / la) * 4 };
            if (nearBlocker(cross) || nearBlocker(at)) continue;
            const top = document.elementFromPoint(at.x, at.y)?.closest("[data-edge]");
            if (top !== b.g) continue; // the arrow drawn last is the one the browser would hit
            return { first: a.id, last: b.id, x: at.x, y: at.y };
          }
      }
    return null;
  });
  expect(found, "a crossing of two arrows in the bundled data").not.toBeNull();
  await page.mouse.click(found!.x, found!.y);
  await expect(region.locator(`[data-edge="${found!.first}"]`)).toHaveAttribute("data-focused", "true");
  await expect(region.locator(`[data-edge="${found!.last}"]`)).not.toHaveAttribute("data-focused", "true");
});

test("an arrow names the event its stance is about, in its tooltip and the evidence heading", async ({
  page,
}) => {
  // stances[] united-states-condemns-iran-attack-2024: eventId western-condemnations-of-iran-attack, "US,
  // UK, France and Germany condemn Iran's strikes", 2024-04-14 (day).
  const about =
    "The United States condemns Iran — US, UK, France and Germany condemn Iran's strikes, 14 Apr 2024";
  await page.goto("/?episode=april-2024");
  const region = network(page);
  await settled(region);
  await region.getByTestId("network-svg").scrollIntoViewIfNeeded();
  const edge = region.locator('[data-record="stance:united-states-condemns-iran-attack-2024"]');
  const at = await edge.evaluate((g) => {
    const path = g.querySelector<SVGPathElement>("path[marker-end]")!;
    for (const f of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
      const p = path.getPointAtLength(path.getTotalLength() * f).matrixTransform(path.getScreenCTM()!);
      if (g.contains(document.elementFromPoint(p.x, p.y))) return { x: p.x, y: p.y };
    }
    return null;
  });
  expect(at).not.toBeNull();
  await page.mouse.move(at!.x, at!.y);
  const tip = region.getByText("Click for the evidence").locator("..");
  await expect(tip).toContainText(`${about}, source: Anadolu Agency`);
  await page.mouse.click(at!.x, at!.y);
  await expect(page.getByTestId("evidence-panel").getByRole("heading", { level: 2 })).toHaveText(about);
});

test("at 1280 px no network label is crossed by an arrow or overlaps another label", async ({ page }) => {
  await page.goto("/");
  const region = network(page);
  await settled(region);
  const problems = await region.getByTestId("network-svg").evaluate((svg) => {
    const labels = [...svg.querySelectorAll<SVGTextElement>("[data-node] > text")].map((t) => {
      const r = t.getBoundingClientRect();
      // On a plate, the arrows pass under the label, not through its letters.
      const plate = t.previousElementSibling?.tagName === "rect";
      return { name: t.textContent ?? "", r, plate };
    });
    const out: string[] = [];
    for (let i = 0; i < labels.length; i++)
      for (let j = i + 1; j < labels.length; j++) {
        const a = labels[i]!.r;
        const b = labels[j]!.r;
        if (a.left + 1 < b.right && b.left + 1 < a.right && a.top + 1 < b.bottom && b.top + 1 < a.bottom)
          out.push(`label ${labels[i]!.name} × ${labels[j]!.name}`);
      }
    for (const g of svg.querySelectorAll("[data-edge]")) {
      const path = g.querySelector<SVGPathElement>("path[marker-end]")!;
      const ctm = path.getScreenCTM()!;
      const len = path.getTotalLength();
      for (let s = 0; s <= len; s += 0.5) {
        const p = path.getPointAtLength(s).matrixTransform(ctm);
        for (const l of labels)
          if (
            !l.plate &&
            p.x > l.r.left + 1.5 &&
            p.x < l.r.right - 1.5 &&
            p.y > l.r.top + 2 &&
            p.y < l.r.bottom - 2
          )
            out.push(`arrow ${g.getAttribute("data-edge")} through ${l.name}`);
      }
    }
    // Where a plate carries a label, it lies over the arrows: nothing drawn after it in the edges' layer.
    return [...new Set(out)];
  });
  expect(problems).toEqual([]);
  // Russia's and Iran's labels are drawn.
  for (const id of ["russia", "iran"])
    await expect(region.locator(`[data-node="${id}"] > text`)).toHaveText(
      index.actorById.get(id)!.shortName ?? index.actorById.get(id)!.name,
    );
});

test("legends show what the view draws, with the marks' own symbols", async ({ page }) => {
  await open(page, "/");
  const legend = timeline(page).getByRole("list", { name: "Legend" });
  // The fact-check (events[] polygraph-fact-check-lavrov, October 2023, month precision) is a bar carrying
  // the legend's four-pointed star, in the same colour.
  const style = KIND_STYLE["fact-check"];
  const factCheck = mark(page, "polygraph-fact-check-lavrov");
  await expect(factCheck.locator("rect[data-part='glyph']")).toHaveCount(1);
  await expect(factCheck.locator(`path[d="${glyphPath(style.glyph, 5)}"]`)).toHaveAttribute(
    "fill",
    style.color,
  );
  await expect(legend.locator(`path[d="${glyphPath(style.glyph, 5.5)}"]`)).toHaveAttribute(
    "fill",
    style.color,
  );
  await expect(legend.locator('[data-legend="span"]')).toBeVisible();
  // The April 2024 episode draws strikes, condemnations, statements, a protest and a call (events[] kind),
  // three of them known to the month: no fact-check, meeting or agreement in its legend.
  await open(page, "/?episode=april-2024");
  const kinds = await legend.locator("li:not([data-legend])").allTextContents();
  expect(kinds.filter((k) => k !== "Episode").sort()).toEqual(
    ["Strike or attack", "Condemnation", "Statement", "Protest", "Phone call"].sort(),
  );
  await expect(legend.locator('[data-legend="span"]')).toBeVisible();
  // Soleimani 2020 has no event known only to the month: no bar in its legend.
  await open(page, "/?episode=soleimani-2020");
  await expect(legend.locator('[data-legend="span"]')).toHaveCount(0);
});

test("short quote fragments read inside their sentence from the report, the quoted words marked", async ({
  page,
}) => {
  // quotes[] iranian-un-envoy-mirror-response: text "mirror response", its sentence from the Fort Russ report.
  await open(page, "/?episode=soleimani-2020");
  const mirror = quotes(page).locator('[data-record="quote:iranian-un-envoy-mirror-response"] blockquote');
  await expect(mirror).toHaveText(
    'Later, the Iranian Permanent Representative to the UN regarded US actions as an act of war and promised Washington a "mirror response" to the murder of Soleimani .',
  );
  await expect(mirror.locator("mark")).toHaveText("mirror response");
  // quotes[] haniyeh-pillar (2021): "pillar", the first quoted word of its sentence.
  await open(page, "/?years=2021-2021");
  const pillar = quotes(page).locator('[data-record="quote:haniyeh-pillar"] blockquote');
  await expect(pillar).toHaveText(
    `In 2021, Hamas leader Haniyeh told Russia's TASS state news agency that Iran's aid is a "pillar" of his organization's Palestine resistance "project."`,
  );
  await expect(pillar.locator("mark")).toHaveText("pillar");
  // A quote of a whole sentence stands alone (quotes[] peskov-no-detailed-information).
  await open(page, "/?episode=us-strikes-2025");
  const peskov = quotes(page).locator('[data-record="quote:peskov-no-detailed-information"] blockquote');
  await expect(peskov).toHaveText("There was no detailed information.");
  await expect(peskov.locator("mark")).toHaveCount(0);
});
