import { test, expect, type Browser, type Page } from "@playwright/test";
import { index } from "./dataset";

// Dates are UTC calendar dates: a reader in New York or on Kiritimati (UTC+14) must see the page a reader in
// UTC sees, to the hundredth of a pixel and to the letter. Each URL is rendered in one browser context per
// zone (the server is the same production build), and everything drawn or written is compared with the
// UTC render: the place of every `[data-record]` element, its accessible name, every mark's tooltip, the
// event table, the summary, the evidence panel and the page's whole text.

const ZONES = [
  // Minutes west of UTC on 1 January 2024 (`getTimezoneOffset`): proof the emulated zone is in effect.
  { timezoneId: "UTC", offset: 0 },
  { timezoneId: "America/New_York", offset: 300 },
  { timezoneId: "Pacific/Kiritimati", offset: -840 },
] as const;

const ARMS_SHIP = "israel-intercepts-arms-ship-2014";
const URLS = ["/", "/?episode=april-2024", `/?focus=event:${ARMS_SHIP}`];

/** Everything of a render that must not depend on the reader's zone. */
interface Render {
  /** One line per `[data-record]` element, in document order: record, transform, x, y, width, height. */
  records: string[];
  /** Per scrolling box of skippable records, the first in sight and its top (`readRecords`). */
  scrolled: { record: string; top: number }[];
  /** Accessible name of each record. */
  names: string[];
  /** Each event mark's tooltip: text and box. */
  tooltips: string[];
  table: string;
  summary: string;
  evidence: string;
  text: string;
}

/** Waits until the dashboard has hydrated, measured its width and laid out (fonts included). */
async function settle(page: Page) {
  await expect(page.getByTestId("timeline")).toHaveAttribute("data-measured", "true");
  await expect(page.getByTestId("timeline-overview")).toBeVisible();
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // Until the layout holds still: the ResizeObserver's width and the layout it triggers, and a shared link's
  // quote scrolled into view (once the list has painted). The quote list's cards out of sight are another
  // matter (`readRecords`): a loaded CI run found a speaker's header 62 px tall in one zone and 183 (the
  // placeholder of a card never rendered) in the other.
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) => {
        const place = () =>
          [...document.querySelectorAll("[data-record]")]
            .map((el) => {
              const r = el.getBoundingClientRect();
              return `${r.x},${r.y},${r.width},${r.height}`;
            })
            .join(";");
        const before = place();
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(place() === before)));
      }),
    null,
    { timeout: 10_000 },
  );
}

/**
 * The positions and accessible names of every record on the page, rounded to 0.01 px. A record in a part the
 * browser skips while it is out of sight (`content-visibility: auto`: the quote list's cards and headers)
 * has the size the browser last rendered it at, or a placeholder if it never did, which depends on what was
 * on screen when, not on the zone: its place is compared only while it is in sight (its name always is), and
 * from the first such record in sight in its scrolling box, whose own place (`scrolled`) is compared to the
 * pixel: the box scrolls by whole pixels past cards whose heights (rendered or placeholder) have fractions.
 */
function readRecords(page: Page) {
  return page.evaluate(() => {
    const round = (n: number) => (Math.round(n * 100) / 100).toFixed(2);
    const skippable = (el: Element): Element | null => {
      for (let a: Element | null = el; a; a = a.parentElement)
        if (getComputedStyle(a).contentVisibility === "auto") return a;
      return null;
    };
    const scrolling = (el: Element) => /auto|scroll|hidden/.test(getComputedStyle(el).overflowY);
    // In the window and in every scrolling box around it.
    const inSight = (el: Element) => {
      const r = el.getBoundingClientRect();
      if (r.bottom <= 0 || r.top >= window.innerHeight) return false;
      for (let a = el.parentElement; a; a = a.parentElement) {
        if (!scrolling(a)) continue;
        const b = a.getBoundingClientRect();
        if (r.bottom <= b.top || r.top >= b.bottom) return false;
      }
      return true;
    };
    const boxOf = (el: Element) => {
      let a = el.parentElement;
      while (a && !scrolling(a)) a = a.parentElement;
      return a;
    };
    // Per scrolling box, the top of its first skippable record in sight.
    const firstTop = new Map<Element | null, number>();
    const scrolled: { record: string; top: number }[] = [];
    const els = [...document.querySelectorAll("[data-record]")];
    return {
      records: els.map((el) => {
        const part = skippable(el);
        const r = el.getBoundingClientRect();
        let y = r.y;
        if (part) {
          if (!inSight(part)) return `${el.getAttribute("data-record")} | out of sight`;
          const box = boxOf(part);
          if (!firstTop.has(box)) {
            firstTop.set(box, r.y);
            scrolled.push({ record: el.getAttribute("data-record")!, top: r.y });
          }
          y -= firstTop.get(box)!;
        }
        const place = [r.x, y, r.width, r.height].map(round).join(" ");
        return `${el.getAttribute("data-record")} | ${el.getAttribute("transform") ?? "-"} | ${place}`;
      }),
      scrolled,
      names: els.map((el) => `${el.getAttribute("data-record")} | ${el.getAttribute("aria-label") ?? "-"}`),
    };
  });
}

async function render(browser: Browser, baseURL: string, zone: (typeof ZONES)[number], url: string) {
  const context = await browser.newContext({ baseURL, timezoneId: zone.timezoneId });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || /hydrat/i.test(m.text())) problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  try {
    await page.goto(url);
    await settle(page);
    // The emulated zone is really in effect, or the comparison would prove nothing.
    expect(
      await page.evaluate(() => [
        Intl.DateTimeFormat().resolvedOptions().timeZone,
        new Date(2024, 0, 1).getTimezoneOffset(),
      ]),
    ).toEqual([zone.timezoneId, zone.offset]);

    const { records, scrolled, names } = await readRecords(page);
    const timeline = page.getByRole("region", { name: "Escalation timeline" });
    const table = (await page.getByTestId("timeline-table").textContent()) ?? "";
    const summary = (await page.locator(".summary").innerText()).trim();
    const text = await page.locator("body").innerText();

    // Every event mark's tooltip, summoned by keyboard focus (as a keyboard or screen-reader user does): in
    // one page script, frame by frame, as the focus of dozens of marks one round trip each is slow.
    const tooltips = await page.evaluate(async () => {
      const round = (n: number) => (Math.round(n * 100) / 100).toFixed(2);
      const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
      const root = document.querySelector('[data-testid="timeline"]')!;
      const out: string[] = [];
      for (const mark of root.querySelectorAll<SVGGElement>('[data-record^="event:"]')) {
        const id = mark.getAttribute("data-record")!;
        mark.focus();
        let tip: HTMLElement | null = null;
        // The tooltip is up once the mark names it as its description (a few frames at most).
        for (let i = 0; i < 120 && !tip; i++) {
          await frame();
          const tipId = mark.getAttribute("aria-describedby");
          const el = tipId ? document.getElementById(tipId) : null;
          if (el?.getAttribute("data-interactive") === "true") tip = el;
        }
        if (!tip) {
          out.push(`${id} | no tooltip`);
          continue;
        }
        const box = tip.getBoundingClientRect();
        out.push(`${id} | ${[box.x, box.y, box.width].map(round).join(" ")} | ${tip.innerText}`);
      }
      return out;
    });
    expect(tooltips.filter((t) => t.endsWith("| no tooltip"))).toEqual([]);
    const ids = tooltips.map((t) => t.slice(0, t.indexOf(" | ")));
    const tip = timeline.getByTestId("timeline-tooltip");

    // The evidence panel of the month-precision arms-ship event (or of the first mark when it is not drawn).
    const evidenceOf = ids.includes(`event:${ARMS_SHIP}`) ? `event:${ARMS_SHIP}` : ids[0]!;
    await timeline.locator(`[data-record="${evidenceOf}"]`).focus();
    await expect(tip).toBeVisible();
    await page.keyboard.press("s");
    const panel = page.getByTestId("evidence-panel");
    await expect(panel.getByRole("heading", { level: 2 })).toBeVisible();
    const evidence = await panel.innerText();

    expect(problems, `console errors or hydration warnings in ${zone.timezoneId}`).toEqual([]);
    return { records, scrolled, names, tooltips, table, summary, evidence, text } satisfies Render;
  } finally {
    await context.close();
  }
}

/** Lines of `actual` that differ from `expected`, side by side (the first 20). */
function differences(expected: string[], actual: string[]): string[] {
  const out: string[] = [];
  if (expected.length !== actual.length) out.push(`${actual.length} lines, UTC has ${expected.length}`);
  for (let i = 0; i < Math.max(expected.length, actual.length); i++)
    if (expected[i] !== actual[i]) out.push(`UTC: ${expected[i]}\n     here: ${actual[i]}`);
  return out.slice(0, 20);
}

for (const url of URLS) {
  test(`${url} draws and writes every date the same in New York and Kiritimati as in UTC`, async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    // The URLs name records of the bundled dataset.
    expect(index.eventById.get(ARMS_SHIP)?.datePrecision).toBe("month");
    expect(index.episodeById.has("april-2024")).toBe(true);

    const utc = await render(browser, baseURL!, ZONES[0], url);
    expect(utc.records.filter((r) => r.startsWith("event:")).length).toBeGreaterThan(0);
    expect(utc.tooltips.length).toBeGreaterThan(0);
    // Quotes in sight are compared to the hundredth of a pixel like every other mark.
    expect(
      utc.records.filter((r) => r.startsWith("quote:") && !r.endsWith("out of sight")).length,
    ).toBeGreaterThan(0);
    // Soft: one run reports every zone and every part that differs.
    for (const zone of ZONES.slice(1)) {
      const here = await render(browser, baseURL!, zone, url);
      const where = `${url} in ${zone.timezoneId}`;
      expect.soft(differences(utc.records, here.records), `record positions, ${where}`).toEqual([]);
      // The same record first in sight, at the same place to the pixel.
      expect
        .soft(
          here.scrolled.map((s) => s.record),
          `first quotes in sight, ${where}`,
        )
        .toEqual(utc.scrolled.map((s) => s.record));
      here.scrolled.forEach((s, i) =>
        expect.soft(s.top, `${s.record} in sight, ${where}`).toBeCloseTo(utc.scrolled[i]?.top ?? NaN, 0),
      );
      expect.soft(differences(utc.names, here.names), `record names, ${where}`).toEqual([]);
      expect.soft(differences(utc.tooltips, here.tooltips), `tooltips, ${where}`).toEqual([]);
      expect.soft(here.table, `event table, ${where}`).toBe(utc.table);
      expect.soft(here.summary, `summary, ${where}`).toBe(utc.summary);
      expect.soft(here.evidence, `evidence panel, ${where}`).toBe(utc.evidence);
      expect
        .soft(differences(utc.text.split("\n"), here.text.split("\n")), `page text, ${where}`)
        .toEqual([]);
    }
  });
}
