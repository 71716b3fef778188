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
  expect([...files.keys()]).toEqual(["events.csv", "stances.csv", "quotes.csv"]);
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
  const ld = await page.locator('script[type="application/ld+json"]').allTextContents();
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
