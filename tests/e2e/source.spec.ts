import { readFileSync } from "node:fs";
import type { DatasetFile } from "@/lib/model";
import type { APIRequestContext, Page } from "@playwright/test";
import { axeViolations, expect, test } from "./fixtures";

// The data-source routes and a dataset served from Parquet through DuckDB (lib/source), against three servers
// of the same build: the bundled JSON (the in-memory index answers), the bundled dataset written as Parquet
// (DuckDB answers), and the same Parquet files over the browser's limit (the routes alone serve it).
const PORT = Number(process.env.E2E_PORT ?? 3210);
const JSON_BASE = `http://127.0.0.1:${PORT}`;
const DUCK_BASE = `http://127.0.0.1:${PORT + 2}`;
const ROUTES_BASE = `http://127.0.0.1:${PORT + 3}`;

const data = JSON.parse(readFileSync("data/escalations.json", "utf8")) as DatasetFile;

test.use({ timezoneId: "America/Chicago" });

const VIEWS = [
  "",
  "actors=russia,iran",
  "years=2024&stances=condemn,support",
  "episode=april-2024&provenance=reports",
  "q=foreign%20minister&actors=russia",
  "actors=united-states&years=2020-2025&stances=condemn",
];
const ANSWERS = [
  "summary",
  "periods?unit=month",
  "periods?unit=day",
  "edges",
  "quotes?limit=200",
  "actors",
  "actors?match=IRA",
  "actors?match=lavrov&limit=5&named=1",
  "edges?limit=20&named=1",
  "quotes?offset=3&limit=9&named=1",
  "summary?named=1",
];

/** The records of the actors with these ids, each once, in the order first named: an answer's `named`. */
const namedOf = (ids: readonly string[]) =>
  [...new Set(ids)].map((id) => data.actors.find((a) => a.id === id)!);

test("the index and DuckDB answer every route alike", async ({ request }) => {
  for (const view of VIEWS)
    for (const answer of ANSWERS) {
      const url = `/api/source/${answer}${answer.includes("?") ? "&" : "?"}${view}`;
      const [fromIndex, fromDuck] = await Promise.all([
        request.get(JSON_BASE + url),
        request.get(DUCK_BASE + url),
      ]);
      expect(fromIndex.status(), url).toBe(200);
      expect(fromDuck.status(), url).toBe(200);
      expect(fromIndex.headers()["x-source"]).toBe("index");
      expect(fromDuck.headers()["x-source"]).toBe("duckdb");
      expect(await fromDuck.json(), url).toEqual(await fromIndex.json());
    }
});

test("the routes answer what the data says", async ({ request }) => {
  const all = await (await request.get(`${DUCK_BASE}/api/source/summary`)).json();
  expect(all).toEqual({
    events: data.events.length,
    stances: data.stances.length,
    quotes: data.quotes.length,
  });
  // Condemnations dated 2024, per directed pair, straight off the stances.
  const expected: Record<string, number> = {};
  for (const s of data.stances)
    if (s.type === "condemn" && s.date.startsWith("2024"))
      expected[`${s.from}>${s.to}`] = (expected[`${s.from}>${s.to}`] ?? 0) + 1;
  const { edges } = (await (
    await request.get(`${DUCK_BASE}/api/source/edges?years=2024&stances=condemn`)
  ).json()) as { edges: { from: string; to: string; count: number }[] };
  expect(Object.fromEntries(edges.map((e) => [`${e.from}>${e.to}`, e.count]))).toEqual(expected);
  // A page of quotes in dataset order.
  const page = await (await request.get(`${DUCK_BASE}/api/source/quotes?offset=2&limit=3`)).json();
  expect(page).toEqual({ total: data.quotes.length, quotes: data.quotes.slice(2, 5) });
  // With `named=1`, the records of the actors an answer names, each once: the speakers here.
  const labelled = await (
    await request.get(`${DUCK_BASE}/api/source/quotes?offset=2&limit=3&named=1`)
  ).json();
  expect(labelled).toEqual({
    total: data.quotes.length,
    quotes: data.quotes.slice(2, 5),
    named: namedOf(data.quotes.slice(2, 5).map((q) => q.speaker)),
  });
  // The actor search: by name, any case, the matching actors with records, each named.
  const found = await (await request.get(`${DUCK_BASE}/api/source/actors?match=LAVROV&named=1`)).json();
  expect(found.actors.map((a: { id: string }) => a.id)).toEqual(["sergey-lavrov"]);
  expect(found.named).toEqual(namedOf(["sergey-lavrov"]));
});

test("bad input to a route is a 4xx with a message, or dropped and named; never a 5xx", async ({
  request,
}) => {
  for (const base of [JSON_BASE, DUCK_BASE, ROUTES_BASE]) {
    const cases: [string, number, RegExp][] = [
      ["/api/source/periods?unit=week", 400, /unit must be one of year, month, day/],
      ["/api/source/quotes?limit=0", 400, /limit must be a whole number from 1 to 200/],
      ["/api/source/quotes?limit=201", 400, /limit must be a whole number/],
      ["/api/source/quotes?offset=-3", 400, /offset must be a whole number/],
      ["/api/source/quotes?offset=1e3", 400, /offset must be a whole number/],
      ["/api/source/quotes?offset=1&offset=2", 400, /offset is given more than once/],
      ["/api/source/edges?named=yes", 400, /named must be 1/],
      ["/api/source/edges?offset=50", 400, /offset applies to quotes, not edges/],
      ["/api/source/periods?named=1", 400, /named applies to summary, edges, quotes, actors, not periods/],
      ["/api/source/summary?match=iran", 400, /match applies to actors, not summary/],
      ["/api/source/toString", 404, /No such answer "toString"/],
      ["/api/source/__proto__", 404, /No such answer/],
      ["/api/source/sql?q=select%201", 404, /No such answer "sql"/],
    ];
    for (const [url, status, message] of cases) {
      const res = await request.get(base + url);
      expect(res.status(), base + url).toBe(status);
      expect((await res.json()).error, base + url).toMatch(message);
    }
    // View values the dashboard would drop are dropped here too, named, and the rest applies.
    const res = await request.get(
      `${base}/api/source/summary?actors=russia,no-such-actor&years=abc&toString=1&q=${encodeURIComponent("'; DROP TABLE quotes; --")}`,
    );
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body.quotes).toBe(0);
    expect(body.ignored).toEqual(
      expect.arrayContaining([
        { key: "toString", value: "1" },
        { key: "years", value: "abc" },
      ]),
    );
    const after = await (await request.get(`${base}/api/source/summary`)).json();
    expect(after.quotes).toBe(data.quotes.length);
  }
});

test("the dashboard served from Parquet shows the same dataset and view as from JSON", async ({ page }) => {
  const url = "/?actors=russia&years=2024&focus=actor:russia";
  const seen: { meta: string; marks: number; filters: string }[] = [];
  for (const base of [JSON_BASE, DUCK_BASE]) {
    await page.goto(base + url);
    await expect(page.getByRole("region", { name: "Condemnation network" })).toBeVisible();
    await expect(page.locator("[data-record]").first()).toBeVisible();
    seen.push({
      meta: (await page.getByTestId("dataset-meta").textContent()) ?? "",
      marks: await page.locator("[data-record]").count(),
      filters: (await page.getByRole("list", { name: "Active filters" }).textContent()) ?? "",
    });
  }
  expect(seen[0]!.meta).toContain(`${data.events.length} events`);
  expect(seen[1]).toEqual(seen[0]);
});

test("a dataset too big for the browser: the other pages say so, the routes answer", async ({ request }) => {
  for (const path of ["/about", "/stories", "/nope"]) {
    const res = await request.get(ROUTES_BASE + path);
    expect(res.status(), path).toBe(200);
    expect(await res.text(), path).toContain("more than the views take into the browser");
  }
  // A preview image and oEmbed's JSON cannot be a page of text: a 404 that says why.
  for (const path of ["/og?years=2024", "/oembed?url=http%3A%2F%2F127.0.0.1%2F"]) {
    const res = await request.get(ROUTES_BASE + path);
    expect(res.status(), path).toBe(404);
    expect((await res.json()).error, path).toContain("served through DuckDB alone");
  }
  for (const path of ["/dataset.json", "/dataset.jsonl", "/dataset.columns"])
    for (const encoding of ["gzip", "identity"]) {
      const file = await request.get(`${ROUTES_BASE}${path}`, { headers: { "Accept-Encoding": encoding } });
      expect(file.status(), path).toBe(404);
      expect((await file.json()).error, path).toContain(
        `served through DuckDB: it has more than the views take into the browser, so there is no ${path}`,
      );
    }
  const res = await request.get(`${ROUTES_BASE}/api/source/edges?actors=iran`);
  expect(res.headers()["x-source"]).toBe("duckdb");
  expect((await res.json()).edges.length).toBeGreaterThan(0);
});

/** The summary line's three counts. */
async function shownCounts(page: Page) {
  const main = page.locator("main[data-ready]");
  await expect(main).toBeVisible();
  const n = async (id: string) => Number((await page.getByTestId(id).textContent())!.replaceAll(",", ""));
  return {
    events: await n("count-events"),
    stances: await n("count-stances"),
    quotes: await n("count-quotes"),
  };
}

/** What the in-memory index (the JSON server's routes) counts for a view: the reference for DuckDB's views. */
async function indexCounts(request: APIRequestContext, query: string) {
  const body = await (await request.get(`${JSON_BASE}/api/source/summary?${query}`)).json();
  return { events: body.events, stances: body.stances, quotes: body.quotes };
}

test("a dataset too big for the browser gets its views drawn from the routes, linked through the URL", async ({
  page,
  request,
}) => {
  await page.goto(ROUTES_BASE + "/");
  await expect(page.getByTestId("dataset-meta")).toContainText(
    `${data.events.length} events · ${data.stances.length} stances · ${data.quotes.length} quotes`,
  );
  expect(await shownCounts(page)).toEqual({
    events: data.events.length,
    stances: data.stances.length,
    quotes: data.quotes.length,
  });
  // The time axis: every event in a bar, whatever the year filter.
  const bars = page.getByTestId("served-timeline").locator("rect[data-count]");
  const sum = async () =>
    (await bars.evaluateAll((rs) => rs.map((r) => Number(r.getAttribute("data-count"))))).reduce(
      (a, b) => a + b,
      0,
    );
  expect(await sum()).toBe(data.events.length);
  // The network: the busiest directed edge, read off the stances, is drawn and heads the table.
  const counts = new Map<string, number>();
  for (const st of data.stances) {
    const key = `${st.from}>${st.to}>${st.type}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const [busiest, most] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  expect(most).toBeGreaterThan([...counts.values()].sort((a, b) => b - a)[1]!);
  await expect(page.locator(`[data-edge="${busiest}"]`)).toHaveCount(1);
  const [from] = busiest.split(">");
  const fromName = data.actors.find((a) => a.id === from)!.name;
  await expect(
    page.getByRole("table", { name: "The busiest edges" }).locator("tbody tr").first(),
  ).toContainText(fromName);
  // The quotes: the first page in dataset order, the speaker named.
  const quotes = page.getByTestId("served-quotes");
  await expect(quotes.locator("li[data-quote]").first()).toHaveAttribute("data-quote", data.quotes[0]!.id);
  const speaker = data.actors.find((a) => a.id === data.quotes[0]!.speaker)!.name;
  await expect(quotes.locator("li[data-quote]").first()).toContainText(speaker);

  // Pick an actor by typing: the options are the route's, with counts; the pick reaches the URL and every view.
  await page.getByTestId("served-actor-input").fill("iran");
  const option = page.getByRole("option", { name: /^Iran\b/ });
  await expect(option).toBeVisible();
  await option.click();
  await expect(page).toHaveURL(/[?&]actors=iran(&|$)/);
  await expect(page.getByRole("button", { name: "Remove actor Iran" })).toBeVisible();
  const iran = await indexCounts(request, "actors=iran");
  expect(iran.events).toBeLessThan(data.events.length);
  await expect.poll(() => shownCounts(page)).toEqual(iran);
  await expect(page.locator(`[data-actor="iran"][aria-pressed="true"]`)).toHaveCount(1);

  // A year from the time axis: the URL, the counts, and the bars of the other years greyed.
  await page.getByTestId("served-timeline").getByRole("button", { name: "2024", exact: true }).click();
  await expect(page).toHaveURL(/years=2024/);
  const iran2024 = await indexCounts(request, "actors=iran&years=2024");
  await expect.poll(() => shownCounts(page)).toEqual(iran2024);
  // The time axis is not filtered by its own control: still Iran's events of every year.
  await expect.poll(sum).toBe(iran.events);

  // Back undoes the year; a reload of the link shows the same view.
  await page.goBack();
  await expect(page).not.toHaveURL(/years=/);
  await expect.poll(() => shownCounts(page)).toEqual(iran);
  await page.goForward();
  await expect.poll(() => shownCounts(page)).toEqual(iran2024);
  await page.reload();
  expect(await shownCounts(page)).toEqual(iran2024);

  // A node of the network, by keyboard: Enter takes the actor into the filter.
  await page.getByRole("button", { name: "Reset" }).click();
  await expect.poll(() => shownCounts(page)).toEqual(await indexCounts(request, ""));
  const node = page.locator(`g[data-actor="${from}"]`);
  await node.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`actors=${from}`));
  await expect.poll(() => shownCounts(page)).toEqual(await indexCounts(request, `actors=${from}`));

  // The quote search, and "Show more" past the first page under no filter.
  await page.getByRole("button", { name: "Reset" }).click();
  await page.getByTestId("served-quote-search").fill("legitimate");
  await expect(page).toHaveURL(/q=legitimate/);
  const searched = await indexCounts(request, "q=legitimate");
  expect(searched.quotes).toBeGreaterThan(0);
  await expect.poll(() => shownCounts(page)).toEqual(searched);
  await expect(quotes.locator("li[data-quote]")).toHaveCount(searched.quotes);
});

test("a dataset too big for the browser: a bad link is named and dropped, the rest applies", async ({
  page,
  request,
}) => {
  const res = await request.get(`${ROUTES_BASE}/?actors=russia,nobody&years=abc&toString=1&stances=condemn`);
  expect(res.status()).toBe(200);
  await page.goto(`${ROUTES_BASE}/?actors=russia,nobody&years=abc&toString=1&stances=condemn`);
  const notice = page.getByTestId("ignored-notice");
  await expect(notice).toContainText("nobody");
  await expect(notice).toContainText("abc");
  await expect(notice).toContainText("toString");
  expect(await shownCounts(page)).toEqual(await indexCounts(request, "actors=russia&stances=condemn"));
});

test("a dataset too big for the browser, on a phone: one view at a time, nothing wider than the screen", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(ROUTES_BASE + "/");
  await expect(page.locator("main[data-ready]")).toBeVisible();
  for (const tab of ["Network", "Quotes", "Timeline"]) {
    await page.getByTestId("view-tabs").getByRole("button", { name: tab }).click();
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(scroll, tab).toBeLessThanOrEqual(0);
    // Every HTML control shown is at least 24 px each way (WCAG 2.5.8); the network's nodes have the table.
    const small = await page
      .locator("main button:visible, main input:visible, main summary:visible")
      .evaluateAll((els) =>
        els
          .map((el) => ({
            el: el.textContent?.trim() || el.getAttribute("aria-label") || el.tagName,
            r: el.getBoundingClientRect(),
          }))
          .filter(({ r }) => r.width < 24 || r.height < 24)
          .map(({ el }) => el),
      );
    expect(small, tab).toEqual([]);
  }
  const violations = await axeViolations(page);
  expect(violations).toEqual([]);
});
