import { readFileSync } from "node:fs";
import type { DatasetFile } from "@/lib/model";
import { test, expect } from "./fixtures";

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
const ANSWERS = ["summary", "periods?unit=month", "periods?unit=day", "edges", "quotes?limit=200", "actors"];

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

test("a dataset too big for the browser: every page says so, the routes answer", async ({
  page,
  request,
}) => {
  for (const path of ["/", "/?actors=russia&toString=1", "/about", "/stories", "/nope"]) {
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
  for (const encoding of ["gzip", "identity"]) {
    const file = await request.get(`${ROUTES_BASE}/dataset.json`, {
      headers: { "Accept-Encoding": encoding },
    });
    expect(file.status()).toBe(404);
    expect((await file.json()).error).toContain("served through DuckDB");
  }
  await page.goto(ROUTES_BASE + "/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Stance Atlas");
  await expect(page.getByRole("main")).toContainText(
    `This dataset has ${data.events.length} events, ${data.stances.length} stances and ${data.quotes.length} quotes`,
  );
  await page.getByRole("link", { name: "the summary of this view" }).click();
  await expect(page).toHaveURL(/\/api\/source\/summary$/);
  await expect(page.locator("body")).toContainText(`"events":${data.events.length}`);
  // The link keeps the page's view keys.
  await page.goto(ROUTES_BASE + "/?actors=iran&years=2024");
  await page.getByRole("link", { name: "the summary of this view" }).click();
  await expect(page).toHaveURL(/\/api\/source\/summary\?actors=iran&years=2024$/);
  const res = await request.get(`${ROUTES_BASE}/api/source/edges?actors=iran`);
  expect(res.headers()["x-source"]).toBe("duckdb");
  expect((await res.json()).edges.length).toBeGreaterThan(0);
});
