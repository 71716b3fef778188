import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import type { ViewState } from "@/lib/view";
import { expectedCounts, index } from "./dataset";
import { test, expect, axeViolations } from "./fixtures";

// The guided story (issue 18): every step of data/stories/russia-iran.json is a view state with its own URL,
// applied on the server; citations open the evidence panel; ← → step when the story has focus; Back and
// Forward walk the steps; "Explore from here" keeps the view without the story. Expected values are read
// from the story file and from data/escalations.json. The views show dates: a zone far from UTC.
test.use({ timezoneId: "America/New_York" });

interface StepFile {
  title: string;
  caption: string;
  view: Record<string, string>;
  cites: string[];
}
const story = JSON.parse(readFileSync("data/stories/russia-iran.json", "utf8")) as {
  id: string;
  title: string;
  steps: StepFile[];
};
const data = JSON.parse(readFileSync("data/escalations.json", "utf8")) as {
  events: { id: string; title: string; evidence: string }[];
  quotes: { id: string; speaker: string; text: string }[];
  actors: { id: string; name: string }[];
};
const N = story.steps.length;
const stepUrl = (n: number) => `/?story=${story.id}&step=${n}`;
/** The caption as read aloud: the links' words without their targets. */
const plainCaption = (caption: string) => caption.replace(/\[([^\]]+)\]\([^)]+\)/g, "$1");

/** The view state a step's URL values describe, read by hand (not by the app's parsers). */
function stepPatch(view: Record<string, string>): Partial<ViewState> {
  const years = view.years?.split("-").map(Number);
  return {
    actors: view.actors ? view.actors.split(",").sort() : [],
    years: years ? { start: years[0]!, end: years[1] ?? years[0]! } : null,
    episode: view.episode ?? null,
    stances: (view.stances?.split(",") ?? []) as ViewState["stances"],
    q: view.q ?? "",
  };
}

const region = (page: Page) => page.getByRole("region", { name: "Story" });

/** Opens a URL and waits until the story band has hydrated (its buttons and keys are handled). */
async function open(page: Page, url: string) {
  const response = await page.goto(url);
  await expect(page.locator('[data-testid="story"][data-hydrated="true"]')).toBeAttached();
  return response;
}

async function expectStep(page: Page, n: number) {
  await expect(region(page).getByTestId("story-count")).toHaveText(`Step ${n} of ${N}`);
  await expect(region(page).getByRole("heading", { level: 2 })).toHaveText(story.steps[n - 1]!.title);
}

test("the story list names the bundled story and links each step", async ({ page }) => {
  await page.goto("/stories");
  await expect(page.getByRole("heading", { level: 2, name: story.title })).toBeVisible();
  const links = page.locator(`[data-story="${story.id}"] ol a`);
  await expect(links).toHaveCount(N);
  for (let i = 0; i < N; i++) await expect(links.nth(i)).toHaveAttribute("href", stepUrl(i + 1));
  await page.getByRole("link", { name: /Start the story/ }).click();
  await expectStep(page, 1);
  // The dashboard's header leads to the list.
  await page.getByRole("link", { name: "Stories", exact: true }).click();
  await expect(page).toHaveURL(/\/stories$/);
});

test("every step's link paints its step first time: title, counts, selection, and no ignored value", async ({
  page,
}) => {
  test.setTimeout(120_000);
  for (let n = 1; n <= N; n++) {
    const step = story.steps[n - 1]!;
    const response = await open(page, stepUrl(n));
    expect(response?.status()).toBe(200);
    // Server-rendered: the step is in the HTML before any script runs.
    const html = (await response!.text()).replace(/&#x27;/g, "'").replace(/&amp;/g, "&");
    expect(html).toContain(`Step ${n} of ${N}`);
    await expectStep(page, n);
    const expected = expectedCounts(stepPatch(step.view));
    await expect(page.getByTestId("count-events")).toHaveText(String(expected.events));
    await expect(page.getByTestId("count-stances")).toHaveText(String(expected.stances));
    await expect(page.getByTestId("count-quotes")).toHaveText(String(expected.quotes));
    const focus = step.view.focus;
    if (focus && !focus.startsWith("stance:"))
      await expect(page.locator(`[data-record="${focus}"][data-focused="true"]`).first()).toBeAttached();
    await expect(page.getByTestId("ignored-notice")).not.toHaveClass(/notice/);
    await expect(page).toHaveURL(new RegExp(`\\?story=${story.id}&step=${n}$`));
  }
});

test("a citation opens the evidence panel on its record, verbatim", async ({ page }) => {
  // Step 3 cites an event and a quote in its caption.
  const n = story.steps.findIndex((s) => /\]\(event:/.test(s.caption) && /\]\(quote:/.test(s.caption)) + 1;
  const step = story.steps[n - 1]!;
  await open(page, stepUrl(n));
  const eventId = /\]\(event:([^)]+)\)/.exec(step.caption)![1]!;
  const quoteId = /\]\(quote:([^)]+)\)/.exec(step.caption)![1]!;
  const event = data.events.find((e) => e.id === eventId)!;
  const quote = data.quotes.find((q) => q.id === quoteId)!;
  const speaker = data.actors.find((a) => a.id === quote.speaker)!;
  const panel = page.getByTestId("evidence-panel");
  await region(page).locator(`[data-cite="event:${eventId}"]`).first().click();
  await expect(panel.getByRole("heading", { level: 2 })).toHaveText(event.title);
  await expect(panel.getByTestId("evidence-excerpt")).toHaveText(event.evidence);
  await panel.getByRole("button", { name: "Close evidence panel" }).click();
  await region(page).locator(`[data-cite="quote:${quoteId}"]`).first().click();
  await expect(panel.getByRole("heading", { level: 2 })).toHaveText(`${speaker.name}: quotation`);
  await expect(panel.getByTestId("evidence-excerpt")).toHaveText(quote.text);
  // Opening evidence changes no view state: still the same step.
  await expect(page).toHaveURL(new RegExp(`\\?story=${story.id}&step=${n}$`));
  // The citation is also a real link: to the dashboard with the record selected.
  await expect(region(page).locator(`[data-cite="quote:${quoteId}"]`).first()).toHaveAttribute(
    "href",
    `/?focus=quote:${quoteId}`,
  );
});

test("← and → step when the story has focus; Previous and Next; Back and Forward walk the steps", async ({
  page,
}) => {
  await open(page, stepUrl(1));
  await expect(region(page).getByRole("button", { name: "Previous" })).toBeDisabled();
  await region(page).getByRole("heading", { level: 2 }).click();
  await region(page).focus();
  await page.keyboard.press("ArrowRight");
  await expectStep(page, 2);
  await expect(page).toHaveURL(new RegExp(`\\?story=${story.id}&step=2$`));
  // One polite announcement of the new step: its title and caption.
  await expect(page.getByTestId("story-announce")).toHaveText(
    `Step 2 of ${N}: ${story.steps[1]!.title}. ${plainCaption(story.steps[1]!.caption)}`,
  );
  await page.keyboard.press("ArrowLeft");
  await expectStep(page, 1);
  await region(page).getByRole("button", { name: "Next" }).click();
  await region(page).getByRole("button", { name: "Next" }).click();
  await expectStep(page, 3);
  // The URL is written a frame after the step shows (lib/view/urlSync.ts): Back, as a reader would press
  // it, comes after that; pressed within the frame it would go back from step 2.
  await expect(page).toHaveURL(new RegExp(`\\?story=${story.id}&step=3$`));
  await page.goBack();
  await expectStep(page, 2);
  await page.goBack();
  await expectStep(page, 1);
  await page.goForward();
  await expectStep(page, 2);
  // Next onto the last step disables Next: focus moves to the band, never to the page's body.
  await open(page, stepUrl(N - 1));
  await region(page).getByRole("button", { name: "Next" }).click();
  await expectStep(page, N);
  await expect(region(page)).toBeFocused();
  await expect(region(page).getByRole("button", { name: "Next" })).toBeDisabled();
  await region(page).focus();
  await page.keyboard.press("ArrowRight");
  await expectStep(page, N);
});

test("'Explore from here' keeps the step's view without the story; a filter change leaves it too", async ({
  page,
}) => {
  const n = story.steps.findIndex((s) => s.view.actors && s.view.episode) + 1;
  const step = story.steps[n - 1]!;
  await open(page, stepUrl(n));
  await region(page).getByRole("button", { name: "Explore from here" }).click();
  await expect(region(page)).toHaveCount(0);
  // The band is gone: focus is on the view on screen, and a status line says the story was left.
  await expect(page.getByRole("region", { name: "Escalation timeline" })).toBeFocused();
  await expect(page.getByTestId("story-left")).toHaveText(/^Left the story/);
  // The step's values, in the URL's canonical key order.
  const keys = ["actors", "years", "episode", "stances", "focus", "q", "views"].filter((k) => step.view[k]);
  const query = keys.map((k) => `${k}=${step.view[k]}`).join("&");
  await expect(page).toHaveURL((url) => decodeURIComponent(url.search) === `?${query}`);
  await page.goBack();
  await expectStep(page, n);
  // Removing a filter of the step leaves the story; Back returns to it.
  await page.getByRole("button", { name: /^Remove Episode/ }).click();
  await expect(region(page)).toHaveCount(0);
  await page.goBack();
  await expectStep(page, n);
});

test("steps move the marks they share instead of redrawing them; not under reduced motion", async ({
  browser,
}) => {
  for (const reducedMotion of ["no-preference", "reduce"] as const) {
    const context = await browser.newContext({ reducedMotion, timezoneId: "America/New_York" });
    const page = await context.newPage();
    await open(page, stepUrl(1));
    await page.evaluate(() => {
      const w = window as unknown as { marks: Element[]; moved: Set<Element> };
      w.marks = [...document.querySelectorAll("g[data-record^='event:']")];
      // Every mark whose move to the new step starts a transition of its transform.
      w.moved = new Set();
      document.addEventListener("transitionstart", (e) => {
        const el = e.target as Element;
        if (e.propertyName === "transform" && el.matches("g[data-record]")) w.moved.add(el);
      });
    });
    await region(page).getByRole("button", { name: "Next" }).click();
    await expectStep(page, 2);
    await page.waitForTimeout(500);
    const r = await page.evaluate(() => {
      const w = window as unknown as { marks: Element[]; moved: Set<Element> };
      const now = new Set(document.querySelectorAll("g[data-record^='event:']"));
      return { kept: w.marks.filter((e) => now.has(e)).length, moving: w.moved.size };
    });
    // Step 1 and step 2 share the Soleimani marks: the same DOM nodes carry them across.
    expect(r.kept).toBeGreaterThan(0);
    if (reducedMotion === "reduce") expect(r.moving).toBe(0);
    else expect(r.moving).toBeGreaterThan(0);
    await context.close();
  }
});

test("bad story input: an unknown story or a step past the end is dropped with a notice, no error", async ({
  page,
}) => {
  let response = await page.goto(`/?story=no-such-story&step=2&toString=1`);
  expect(response?.status()).toBe(200);
  await expect(region(page)).toHaveCount(0);
  await expect(page.getByTestId("ignored-notice")).toContainText('story "no-such-story"');
  response = await page.goto(`/?story=${story.id}&step=${N + 5}`);
  expect(response?.status()).toBe(200);
  await expectStep(page, 1);
  await expect(page.getByTestId("ignored-notice")).toContainText(
    `step "${N + 5}" (the story has ${N} steps)`,
  );
  // The address bar is rewritten to the step shown.
  await expect(page).toHaveURL(new RegExp(`\\?story=${story.id}&step=1$`));
});

test("the story works in the embed, at phone size, and passes axe", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page, `/?embed=1&story=${story.id}&step=2`);
  await expectStep(page, 2);
  await region(page).getByRole("button", { name: "Next" }).click();
  await expectStep(page, 3);
  await expect(page).toHaveURL(new RegExp(`\\?embed=1&story=${story.id}&step=3$`));
  // Inside another site's frame, the band's links open the full site in a new tab.
  await expect(region(page).locator("a[href]").first()).toHaveAttribute("target", "_blank");
  for (const link of await region(page).locator("a[href]").all())
    await expect(link).toHaveAttribute("target", "_blank");
  // The buttons are touch-sized.
  for (const name of ["Previous", "Next", "Explore from here"]) {
    const box = (await region(page).getByRole("button", { name }).boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(24);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await open(page, stepUrl(3));
  expect(await axeViolations(page)).toEqual([]);
});

test("a download of a step names the story step in its caption and its README", async ({ page }) => {
  await open(page, stepUrl(3));
  await expectStep(page, 3);
  const download = async (item: string) => {
    await page.getByRole("button", { name: "Download", exact: true }).first().click();
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("menu", { name: "Download" }).getByRole("menuitem", { name: item }).click(),
    ]);
    return readFileSync((await file.path())!, "utf8");
  };
  const svg = await download("SVG image");
  const words = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    return [...doc.querySelectorAll("svg > text")].map((t) => t.textContent).join(" ");
  }, svg);
  expect(words).toContain(`Story: ${story.title} — step 3 of ${N}: ${story.steps[2]!.title}`);
});

test("'Copy as story step' copies the view as a step that a story file can take as it is", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/?actors=iran,russia&episode=april-2024&focus=quote:lavrov-defend-and-support");
  await expect(page.getByTestId("timeline")).toHaveAttribute("data-measured", "true");
  await page.getByRole("button", { name: "Embed", exact: true }).click();
  await page.getByRole("button", { name: "Copy as story step" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Story step copied" })).toBeVisible();
  const step = JSON.parse(await page.evaluate(() => navigator.clipboard.readText())) as StepFile;
  expect(step).toEqual({
    title: "",
    caption: "",
    view: { actors: "iran,russia", episode: "april-2024", focus: "quote:lavrov-defend-and-support" },
    cites: ["quote:lavrov-defend-and-support"],
  });
});

test("an event the story cites is named as in the dataset (the index agrees with the file)", async () => {
  // Guards the other tests' reading of the files: each cited event exists with a title.
  for (const step of story.steps)
    for (const cite of step.cites.filter((c) => c.startsWith("event:")))
      expect(index.eventById.get(cite.slice(6))?.title).toBeTruthy();
});
