import { readFileSync } from "node:fs";
import type { Download, Page } from "@playwright/test";
import { validateDataset } from "@/lib/data/validateDataset";
import { parseCsv, unzipStored } from "../readFormats";
import { test, expect } from "./fixtures";

// Expected figures read from data/escalations.json by hand (the same as tests/e2e/literal.spec.ts):
// /?actors=russia&years=2025 shows 11 events, 13 stances and 10 quotes.
const RUSSIA_2025 = "/?actors=russia&years=2025";
const COUNTS = { events: 11, stances: 13, quotes: 10 };

test.use({ timezoneId: "America/New_York", acceptDownloads: true });

async function open(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByTestId("timeline")).toHaveAttribute("data-measured", "true");
}

/** Opens the page's Download menu and chooses an item, returning the download. */
async function download(page: Page, item: string): Promise<Download> {
  await page.getByRole("button", { name: "Download", exact: true }).first().click();
  const menu = page.getByRole("menu", { name: "Download" });
  await expect(menu).toBeVisible();
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    menu.getByRole("menuitem", { name: item }).click(),
  ]);
  return file;
}

const bytesOf = async (d: Download) => readFileSync((await d.path())!);

test("the Download menu is a menu button: arrows, Escape, focus back on the button", async ({ page }) => {
  await open(page, "/");
  const button = page.getByRole("button", { name: "Download", exact: true }).first();
  await button.focus();
  await page.keyboard.press("ArrowDown");
  const menu = page.getByRole("menu", { name: "Download" });
  await expect(menu.getByRole("menuitem")).toHaveText([
    "PNG image",
    "SVG image",
    "CSV (visible records)",
    "JSON (visible records)",
  ]);
  await expect(menu.getByRole("menuitem", { name: "PNG image" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: "SVG image" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();
});

test("the SVG carries the title, the filters in words, the sources and the permalink, and parses", async ({
  page,
}) => {
  await open(page, `${RUSSIA_2025}&stances=condemn,criticize`);
  const file = await download(page, "SVG image");
  expect(file.suggestedFilename()).toBe("stance-atlas_russia_2025_condemn-criticize.svg");
  const svg = (await bytesOf(file)).toString("utf8");
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    return {
      error: doc.querySelector("parsererror")?.textContent ?? null,
      root: doc.documentElement.nodeName,
      texts: [...doc.querySelectorAll("text")].map((t) => t.textContent),
    };
  }, svg);
  expect(parsed.error).toBeNull();
  expect(parsed.root).toBe("svg");
  expect(parsed.texts).toContain("Stance Atlas");
  expect(parsed.texts).toContain("Russia · 2025 · condemnations and criticism only");
  expect(parsed.texts.some((t) => t?.includes("/?actors=russia&years=2025&stances=condemn,criticize"))).toBe(
    true,
  );
  expect(parsed.texts.some((t) => t?.startsWith("Igbere TV News"))).toBe(true);
  // The views' own drawings are in it, with their marks: the overview and Russia's node.
  expect(svg).toContain('data-testid="timeline-overview"');
  expect(svg).toContain('data-record="actor:russia"');
});

test("the SVG is SVG 1.1 that Inkscape paints as the browser does: no CSS variables, no rgba() colours", async ({
  page,
}) => {
  await open(page, RUSSIA_2025);
  const svg = (await bytesOf(await download(page, "SVG image"))).toString("utf8");
  // The views' marks and hit areas are in it (their colours come from CSS variables, their hit areas are
  // transparent), and nothing of the page's stylesheet is left for another reader to resolve: Inkscape 1.2
  // reads `fill="var(--kind-strike)"` as no colour and paints `rgba(0, 0, 0, 0)` hit areas solid black.
  expect(svg).toContain('data-part="hit"');
  expect(svg).toContain('data-part="glyph"');
  expect(svg).not.toContain("var(");
  // Nor a shape hidden by `visibility` (the roving focus ring), which Inkscape paints anyway.
  expect(svg).not.toMatch(/visibility:\s*(hidden|collapse)/);
  const paints = [...svg.matchAll(/\b(?:fill|stroke|stop-color)(?:="|:)([^";]*)/g)].map((m) => m[1]!.trim());
  expect(paints.length).toBeGreaterThan(100);
  expect(
    paints.filter((p) => !/^(none|rgb\(\d+, \d+, \d+\)|#[0-9a-f]{3}|#[0-9a-f]{6}|url\(.+)$/i.test(p)),
  ).toEqual([]);
});

/** The export's SVG drawn in the page, and where its parts are, in CSS pixels from its top. */
async function layoutOfSvg(page: Page, svg: string) {
  return page.evaluate((text) => {
    const host = document.createElement("div");
    host.style.cssText = "position:absolute;left:0;top:0;z-index:99";
    host.innerHTML = text;
    document.body.append(host);
    const root = host.querySelector("svg")!;
    const top = root.getBoundingClientRect().top;
    const heading = (name: string) =>
      [...root.querySelectorAll(":scope > text")].find((t) => t.textContent === name)!.getBoundingClientRect()
        .bottom - top;
    const ink = (els: Element[]) => {
      const boxes = els.map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0 || r.height > 0);
      return {
        top: Math.min(...boxes.map((r) => r.top)) - top,
        bottom: Math.max(...boxes.map((r) => r.bottom)) - top,
      };
    };
    const overview = root.querySelector('[data-testid="timeline-overview"]')!;
    const panels = [...(overview.parentElement?.children ?? [])].filter(
      (s) => s !== overview && s.tagName === "svg",
    );
    const out = {
      networkHeading: heading("Condemnation network"),
      actors: ink([...root.querySelectorAll("[data-node]")]),
      timelineHeading: heading("Escalation timeline"),
      overview: ink([...overview.querySelectorAll("text, rect, circle, path, line")]),
      panels: ink(panels.flatMap((p) => [...p.querySelectorAll("text, rect, circle, path, line")])),
    };
    host.remove();
    return out;
  }, svg);
}

test("the dashboard image holds the drawings without empty bands above or between them", async ({ page }) => {
  await open(page, "/");
  const svg = (await bytesOf(await download(page, "SVG image"))).toString("utf8");
  const at = await layoutOfSvg(page, svg);
  // The network centres its graph in a canvas sized for the panel: on screen the first actor is 56 px below the
  // canvas's top at 1280×900, and the export kept that room under the view's name. The timeline's panels sat
  // 60 px below the overview, in the room the page gives the episodes' names (HTML, not in the export).
  expect(at.actors.top - at.networkHeading).toBeLessThan(30);
  expect(at.overview.top - at.timelineHeading).toBeLessThan(30);
  expect(at.panels.top - at.overview.bottom).toBeLessThan(24);
  // Cropped, not cut: every actor is still drawn, below the heading.
  expect(at.actors.top).toBeGreaterThan(at.networkHeading);
});

test("the PNG is the same image at twice its size, and not blank", async ({ page }) => {
  await open(page, RUSSIA_2025);
  const file = await download(page, "PNG image");
  expect(file.suggestedFilename()).toBe("stance-atlas_russia_2025.png");
  const png = await bytesOf(file);
  expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  expect(width % 2).toBe(0);
  expect(width).toBeGreaterThan(1200);
  expect(height).toBeGreaterThan(800);
  const ink = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement("canvas");
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext("2d")!;
    g.drawImage(img, 0, 0);
    const data = g.getImageData(0, 0, c.width, c.height).data;
    let dark = 0;
    let coloured = 0;
    for (let i = 0; i < data.length; i += 4 * 97) {
      const [r, gg, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
      if (r + gg + b < 200) dark++;
      if (Math.max(r, gg, b) - Math.min(r, gg, b) > 60) coloured++;
    }
    return { dark, coloured };
  }, png.toString("base64"));
  // Text (dark) and stance colours (saturated) are both drawn.
  expect(ink.dark).toBeGreaterThan(50);
  expect(ink.coloured).toBeGreaterThan(20);
});

test("the CSV zip holds one file per kind, a row per shown record, verbatim text", async ({ page }) => {
  await open(page, RUSSIA_2025);
  await expect(page.getByTestId("summary-counts")).toHaveText("Showing 11 events, 13 stances and 10 quotes.");
  const file = await download(page, "CSV (visible records)");
  expect(file.suggestedFilename()).toBe("stance-atlas_russia_2025_csv.zip");
  const files = unzipStored(await bytesOf(file));
  expect([...files.keys()]).toEqual(["README.txt", "events.csv", "stances.csv", "quotes.csv"]);
  // The README names the view and says how to keep CAMEO codes like "0256" as text when reading.
  const readme = files.get("README.txt")!;
  expect(readme).toContain("View: Russia · 2025");
  expect(readme).toContain(`Permalink: ${page.url()}`);
  expect(readme).toContain('colClasses = "character"');
  expect(readme).toContain("dtype=str");
  const events = parseCsv(files.get("events.csv")!);
  const stances = parseCsv(files.get("stances.csv")!);
  const quotes = parseCsv(files.get("quotes.csv")!);
  expect(events).toHaveLength(1 + COUNTS.events);
  expect(stances).toHaveLength(1 + COUNTS.stances);
  expect(quotes).toHaveLength(1 + COUNTS.quotes);
  const h = quotes[0]!;
  const putin = quotes.find((r) => r[h.indexOf("id")] === "putin-unprovoked-aggression")!;
  // Read from data/escalations.json: commas and a full stop inside the quoted words.
  expect(putin[h.indexOf("text")]).toBe(
    "The unprovoked aggression against Iran has no basis and no justification.",
  );
  expect(putin[h.indexOf("speaker_name")]).toBe("Vladimir Putin");
});

test("the JSON holds the visible records as a dataset that validates again", async ({ page }) => {
  await open(page, RUSSIA_2025);
  const file = await download(page, "JSON (visible records)");
  expect(file.suggestedFilename()).toBe("stance-atlas_russia_2025.json");
  const data = validateDataset(JSON.parse((await bytesOf(file)).toString("utf8")), "download.json");
  expect([data.events.length, data.stances.length, data.quotes.length]).toEqual([
    COUNTS.events,
    COUNTS.stances,
    COUNTS.quotes,
  ]);
});

test("each view state gets its own link preview: title, description and a 1200×630 image", async ({
  page,
  request,
}) => {
  await page.goto(RUSSIA_2025);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute(
    "content",
    "Russia · 2025 — Stance Atlas",
  );
  await expect(page.locator('meta[property="og:description"]')).toHaveAttribute(
    "content",
    /^Russia · 2025: 11 events, 13 stances and 10 quotes/,
  );
  const one = await page.locator('meta[property="og:image"]').getAttribute("content");
  await page.goto("/?episode=april-2024");
  const two = await page.locator('meta[property="og:image"]').getAttribute("content");
  expect(one).not.toBe(two);
  const images = await Promise.all(
    [one!, two!].map(async (u) => request.get(new URL(u).pathname + new URL(u).search)),
  );
  const bodies = await Promise.all(images.map((r) => r.body()));
  for (const [i, r] of images.entries()) {
    expect(r.status()).toBe(200);
    expect(r.headers()["content-type"]).toBe("image/png");
    expect([bodies[i]!.readUInt32BE(16), bodies[i]!.readUInt32BE(20)]).toEqual([1200, 630]);
  }
  expect(bodies[0]!.equals(bodies[1]!)).toBe(false);
});

test("the fact-checked claim is in the page's head as schema.org ClaimReview", async ({ page }) => {
  await page.goto("/");
  // In the document's head, as the issue asks (not the body, where App Router pages put JSON-LD).
  expect(await page.locator('body script[type="application/ld+json"]').count()).toBe(0);
  const ld = await page.locator('head script[type="application/ld+json"]').allTextContents();
  const reviews = ld.map((t) => JSON.parse(t)).filter((j) => j["@type"] === "ClaimReview");
  expect(reviews).toHaveLength(1);
  expect(reviews[0].reviewRating.alternateName).toBe("False");
  expect(reviews[0].itemReviewed.author.name).toBe("Sergey Lavrov");
});

test("Embed gives a ready iframe of the current view", async ({ page }) => {
  await open(page, RUSSIA_2025);
  await page.getByRole("button", { name: "Embed", exact: true }).first().click();
  const code = await page.getByTestId("embed-code").inputValue();
  expect(code).toMatch(
    /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?actors=russia&amp;years=2025&amp;embed=1" /,
  );
  expect(code).toContain('loading="lazy"');
  expect(code).toContain('title="Stance Atlas: Russia · 2025"');
});

test("the embed shows the chosen views without the site's chrome, and links to the full page", async ({
  page,
}) => {
  await page.goto(`${RUSSIA_2025}&views=network&embed=1`);
  await expect(page.getByRole("region", { name: "Condemnation network" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Escalation timeline" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Quotes" })).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1, name: "Stance Atlas" })).toHaveCount(0);
  await expect(page.getByLabel("Actors", { exact: true })).toHaveCount(0);
  const caption = page.getByTestId("embed-caption");
  await expect(caption).toContainText("Russia · 2025");
  const link = caption.getByRole("link", { name: "Open in Stance Atlas" });
  await expect(link).toHaveAttribute("target", "_blank");
  await expect(link).toHaveAttribute("href", /\/\?actors=russia&years=2025&views=network$/);
});
