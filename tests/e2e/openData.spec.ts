// "Open your data" (issue 20): a dataset opened from files in the browser, read in a worker, reported record
// by record, kept in IndexedDB and named in the URL (`data=local:<8 hex of SHA-256>`), and never uploaded.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Page, Request } from "@playwright/test";
import { axeViolations, expect, test } from "./fixtures";

test.use({ timezoneId: "America/Chicago" });

/** A file handed to the picker. */
interface Payload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

const file = (name: string, text: string | Buffer, mimeType = "text/csv"): Payload => ({
  name,
  mimeType,
  buffer: typeof text === "string" ? Buffer.from(text, "utf8") : text,
});

/** The first 8 hex digits of the SHA-256 of the files' bytes, concatenated in name order. */
const hashOf = (...files: Payload[]) =>
  createHash("sha256")
    .update(Buffer.concat([...files].sort((a, b) => (a.name < b.name ? -1 : 1)).map((f) => f.buffer)))
    .digest("hex")
    .slice(0, 8);

const bundledBytes = readFileSync("data/escalations.json");
const bundled = JSON.parse(bundledBytes.toString("utf8")) as Record<string, unknown[]>;

/** Every request the page makes, to check that none carries a file's content. */
function recordRequests(page: Page): Request[] {
  const requests: Request[] = [];
  page.on("request", (r) => requests.push(r));
  return requests;
}

/** Fails when a request's URL or body holds one of the strings (text only in the opened files). */
function expectNoneCarries(requests: readonly Request[], needles: readonly string[]) {
  expect(requests.length).toBeGreaterThan(0);
  for (const r of requests) {
    const body = r.postDataBuffer()?.toString("latin1") ?? "";
    for (const needle of needles) {
      expect(r.url(), `request URL ${r.url()}`).not.toContain(needle);
      expect(r.url()).not.toContain(encodeURIComponent(needle));
      expect(body, `body of ${r.method()} ${r.url()}`).not.toContain(needle);
    }
  }
}

/** Picks files with the "Open your data" button (beside Download and Embed). */
async function openFiles(page: Page, files: Payload[]) {
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("main").getByRole("button", { name: "Open your data" }).click();
  await (await chooser).setFiles(files);
}

/** What the timeline says over a dataset without events (components/timeline/Timeline.tsx). */
const TIMELINE_EMPTY = "This dataset has no events.";

/** The April 2024 episode's short label, as data/escalations.json gives it. */
const APRIL_2024 = (bundled.episodes as { id: string; label: string }[]).find(
  (e) => e.id === "april-2024",
)!.label;

/** Loads a page and waits until the dashboard is hydrated (its effects, the drop listener among them, ran). */
async function open(page: Page, url: string) {
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName("stance-atlas:ready").length > 0);
}

const banner = (page: Page) => page.getByRole("region", { name: "Your data" });

test("the bundled dataset opened as JSON shows the same counts, under data=local:<hash>, kept over a reload", async ({
  page,
}) => {
  const requests = recordRequests(page);
  await open(page, "/");
  const counts = page.getByTestId("summary-counts");
  const shown = `Showing ${bundled.events!.length} events, ${bundled.stances!.length} stances and ${bundled.quotes!.length} quotes — everything in the dataset.`;
  await expect(counts).toHaveText(shown);
  const json = file("escalations.json", bundledBytes, "application/json");
  const hash = hashOf(json);
  await openFiles(page, [json]);
  await expect(banner(page).getByTestId("local-summary")).toHaveText(
    `Shown: ${bundled.events!.length} events, ${bundled.stances!.length} stances, ${bundled.quotes!.length} quotes, ${bundled.actors!.length} actors`,
  );
  await expect(banner(page)).toContainText(`Your data: escalations.json (local:${hash}`);
  await expect(page).toHaveURL(new RegExp(`\\?data=local:${hash}$`));
  await expect(counts).toHaveText(shown);
  // The header's lede and counts are the bundled dataset's: they give way to the banner.
  await expect(page.getByTestId("dataset-meta")).toBeHidden();
  await expect(page.locator(".site-header .lede")).toBeHidden();
  // Views work on it: a filter changes the counts and keeps the dataset in the URL.
  await page.getByRole("group", { name: "Episode" }).getByRole("button", { name: APRIL_2024 }).click();
  await expect(page).toHaveURL(new RegExp(`\\?data=local:${hash}&episode=april-2024$`));
  const filtered = await counts.textContent();

  // A reload restores it from IndexedDB, the filter with it.
  // Written to IndexedDB before the reload.
  await expect(page.getByTestId("local-kept")).toContainText("kept in this browser only");
  await page.reload();
  await expect(banner(page)).toContainText(`Your data: escalations.json (local:${hash}`);
  await expect(counts).toHaveText(filtered!);
  await expect(page).toHaveURL(new RegExp(`\\?data=local:${hash}&episode=april-2024$`));

  // The exports of a local dataset say so: the image's caption, and the embed panel warns.
  await page.getByRole("button", { name: "Download", exact: true }).first().click();
  const svgDownload = page.waitForEvent("download");
  await page.getByRole("menu", { name: "Download" }).getByRole("menuitem", { name: "SVG image" }).click();
  const svg = readFileSync((await (await svgDownload).path())!, "utf8");
  expect(svg).toContain(`Data: opened from a local file (local:${hash}), not the published dataset`);
  await page.getByRole("button", { name: "Embed", exact: true }).first().click();
  await expect(page.getByTestId("embed-local")).toContainText(`local:${hash}`);
  // The embed itself, in this browser (which has the dataset), says in its caption that the data is local.
  const embed = await page.context().newPage();
  await embed.goto(`/?embed=1&data=local:${hash}&episode=april-2024`);
  await expect(embed.getByTestId("embed-caption")).toContainText(
    `Data: opened from a local file (local:${hash}), not the published dataset`,
  );
  await embed.close();

  // Back to the bundled dataset: no `data` in the URL, the banner gone.
  await banner(page).getByRole("button", { name: "Back to the bundled dataset" }).click();
  await expect(banner(page)).toHaveCount(0);
  await expect(page).toHaveURL(/\/$/);
  await expect(counts).toHaveText(shown);
  await expect(page.getByTestId("dataset-meta")).toBeVisible();
  await expect(page.locator(".site-header .lede")).toBeVisible();
  // A source's note and a record id exist only in the file's bytes as far as requests go.
  expectNoneCarries(requests, ["anews.com.tr/diplomacy", "95b6eb02c9f63961a6442ff2edb6d29ac68934dc"]);
});

test("a data=local link this browser lacks shows the bundled dataset and says which file it needs", async ({
  page,
}) => {
  await open(page, "/?data=local:1a2b3c4d&episode=april-2024");
  await expect(page.getByTestId("local-missing")).toHaveText(
    "The shared view uses a dataset opened from a file (local:1a2b3c4d) that this browser does not have. Open the file to see it. Open your data",
  );
  await expect(page.getByTestId("summary-counts")).toContainText("Showing");
  await expect(page.getByTestId("local-data")).toHaveCount(0);
  // Its button opens the picker.
  const chooser = page.waitForEvent("filechooser");
  await page.getByTestId("local-missing").getByRole("button", { name: "Open your data" }).click();
  expect((await chooser).isMultiple()).toBe(true);
  // A malformed value is dropped with the usual notice.
  await open(page, "/?data=foo");
  await expect(page.getByTestId("ignored-notice")).toContainText('Ignored data "foo" in the link');
});

test("files dropped on the page open like picked ones, with an overlay while they hover", async ({
  page,
}) => {
  await open(page, "/");
  await expect(page.getByTestId("summary-counts")).toContainText("Showing");
  const text = [
    "id,from,to,type,date,sourceUrl,evidence",
    "s1,alpha-land,beta-land,condemn,2024-03-01,https://example.org/alpha,Alpha condemns Beta",
    "s2,beta-land,alpha-land,support,2024-03-02,https://example.org/beta,Beta supports Alpha",
  ].join("\n");
  const dt = await page.evaluateHandle((csv) => {
    const dt = new DataTransfer();
    dt.items.add(new File([csv], "stances.csv", { type: "text/csv" }));
    return dt;
  }, text);
  await page.dispatchEvent("body", "dragenter", { dataTransfer: dt });
  await expect(page.getByText("Drop the files to open them in this browser")).toBeVisible();
  await page.dispatchEvent("body", "drop", { dataTransfer: dt });
  await expect(page.getByText("Drop the files to open them in this browser")).toHaveCount(0);
  await expect(banner(page)).toContainText("Your data: stances.csv");
  // Actors named only in the stances are created, with a warning each.
  await expect(banner(page).getByTestId("local-summary")).toHaveText(
    "Shown: 0 events, 2 stances, 0 quotes, 2 actors · 2 warnings See the report",
  );
  await expect(page.getByTestId("summary-counts")).toContainText("Showing 0 events, 2 stances and 0 quotes");
  // A dataset of stances alone: the network draws them, the timeline and quotes say they have none.
  await expect(page.locator("[data-record='stance:s1']").first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Escalation timeline" })).toContainText(TIMELINE_EMPTY);
  // Back returns to the bundled dataset, Forward to the opened one (kept in IndexedDB).
  await expect(page.getByTestId("local-kept")).toContainText("kept in this browser only");
  await page.goBack();
  await expect(banner(page)).toHaveCount(0);
  await expect(page.getByTestId("summary-counts")).toContainText(`Showing ${bundled.events!.length} events`);
  await page.goForward();
  await expect(banner(page)).toContainText("Your data: stances.csv");
  await expect(page.getByTestId("summary-counts")).toContainText("Showing 0 events, 2 stances and 0 quotes");
});

const actorsCsv = "id,name,kind\nrussia,Russia,state\niran,Iran,state\n";
// Line 2 is valid; line 3 names an actor actors.csv lacks, line 4 a day February never has, line 5 repeats
// line 2's id.
const stancesCsv = [
  "id,from,to,type,date,sourceUrl,evidence",
  "s1,russia,iran,support,2024-04-15,https://example.org/zz-marker-report,Russia backs Iran zz-marker",
  "s2,rusia,iran,condemn,2024-04-15,https://example.org/zz-marker-report,x",
  "s3,iran,russia,praise,2025-02-30,https://example.org/zz-marker-report,y",
  "s1,iran,russia,praise,2024-05-01,https://example.org/zz-marker-report,z",
  "",
].join("\n");

test("a CSV set with bad records opens the valid ones; the report names each and downloads as CSV", async ({
  page,
}) => {
  const requests = recordRequests(page);
  await open(page, "/");
  await expect(page.getByTestId("summary-counts")).toContainText("Showing");
  const files = [file("stances.csv", stancesCsv), file("actors.csv", actorsCsv)];
  await openFiles(page, files);
  await expect(banner(page).getByTestId("local-summary")).toHaveText(
    "Shown: 0 events, 1 stance, 0 quotes, 2 actors · 3 records skipped See the report",
  );
  await expect(page).toHaveURL(new RegExp(`\\?data=local:${hashOf(...files)}$`));
  await banner(page).getByRole("button", { name: "See the report" }).click();
  const report = page.getByRole("dialog", { name: "Report: actors.csv, stances.csv" });
  await expect(report.getByRole("heading", { name: "3 records skipped" })).toBeVisible();
  await expect(report.getByRole("list", { name: "Skipped records" }).getByRole("listitem")).toHaveText([
    'stances.csv line 3: unknown actor "rusia" in "from"; did you mean "russia"?',
    'stances.csv line 4: invalid date "2025-02-30" in "date"',
    'stances.csv line 5: duplicate id "s1" in "id"; the first, on line 2, is kept',
  ]);
  const download = page.waitForEvent("download");
  await report.getByRole("button", { name: "Download the report (CSV)" }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe("actors_report.csv");
  const csv = readFileSync((await saved.path())!, "utf8");
  expect(csv.split("\r\n")).toEqual([
    "status,file,line,record,field,reason",
    'rejected,stances.csv,3,s2,from,"unknown actor ""rusia"" in ""from""; did you mean ""russia""?"',
    'rejected,stances.csv,4,s3,date,"invalid date ""2025-02-30"" in ""date"""',
    'rejected,stances.csv,5,s1,id,"duplicate id ""s1"" in ""id""; the first, on line 2, is kept"',
    "",
  ]);
  expect(await axeViolations(page)).toEqual([]);
  await report.getByRole("button", { name: "Close" }).click();
  await expect(report).toBeHidden();
  // The banner and the views over the opened data pass axe-core too.
  expect(await axeViolations(page)).toEqual([]);
  expectNoneCarries(requests, ["zz-marker"]);
});

test("files that open nothing say why: wrong columns, invalid UTF-8, a 50 MB file that is not a dataset", async ({
  page,
}) => {
  const requests = recordRequests(page);
  await open(page, "/");
  await expect(page.getByTestId("summary-counts")).toContainText("Showing");
  const status = page.getByTestId("local-status");
  const fatal = page.getByTestId("import-fatal");
  const close = () => page.getByRole("dialog").getByRole("button", { name: "Close" }).click();

  await openFiles(page, [file("stances.csv", "id,source,target,kind,date\ns1,a,b,condemn,2024-01-01\n")]);
  await expect(fatal).toHaveText(
    'Nothing opened: stances.csv: missing column "from", "to", "type", "evidence", "sourceId" (or "sourceUrl"); unknown column "source", "target", "kind"',
  );
  await close();
  await expect(status).toContainText("Nothing opened from stances.csv: stances.csv: missing column");

  // `{"a\xff"}`: byte 3 (from 0) is no UTF-8.
  await openFiles(page, [
    file("mine.json", Buffer.from([0x7b, 0x22, 0x61, 0xff, 0x22, 0x7d]), "application/json"),
  ]);
  await expect(fatal).toHaveText("Nothing opened: mine.json: not valid UTF-8 at byte 3");
  await close();

  // 50,000,000 bytes of text lines: read in the worker, with the progress bar, and refused as a whole.
  const huge = Buffer.alloc(50_000_000, "lorem ipsum dolor sit amet zz-huge-marker\n");
  await openFiles(page, [file("huge.txt", huge, "text/plain")]);
  await expect(fatal).toHaveText(
    "Nothing opened: huge.txt: not a file Stance Atlas opens (a dataset .json; events.csv, stances.csv, quotes.csv or actors.csv; a GDELT 2.0 event export; an ACLED export)",
    { timeout: 20_000 },
  );
  await close();
  // Nothing opened: the bundled dataset is still shown, with no `data` in the URL.
  await expect(page.getByTestId("local-data")).toHaveCount(0);
  await expect(page).toHaveURL(/\/$/);
  expectNoneCarries(requests, ["zz-huge-marker", "source,target,kind"]);
});

test("opening can be cancelled while the worker reads", async ({ page }) => {
  await open(page, "/");
  await expect(page.getByTestId("summary-counts")).toContainText("Showing");
  const huge = Buffer.alloc(20_000_000, "id,from,to,type,date,sourceUrl,evidence\n");
  await openFiles(page, [file("stances.csv", huge)]);
  await expect(page.getByRole("progressbar", { name: "Opening stances.csv" })).toBeVisible();
  await page.getByTestId("local-progress").getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId("local-status")).toHaveText("Opening cancelled: nothing was opened.");
  await expect(page.getByRole("progressbar")).toHaveCount(0);
  await expect(page.getByTestId("local-data")).toHaveCount(0);
});

test("a source URL that is not http(s) is shown as text, never a link", async ({ page }) => {
  const data = {
    sources: [
      {
        id: "bad-source",
        publisher: "Example <b>Press</b>",
        title: "A report <img src=x onerror=alert(1)>",
        published: "2024-04-15",
        datePrecision: "day",
        document: "bad.txt",
        url: "javascript:alert(1)",
      },
    ],
    actors: [
      { id: "alpha", name: "Alpha <script>alert(1)</script>", kind: "state", role: "State" },
      { id: "beta", name: "Beta", kind: "state", role: "State" },
    ],
    episodes: [],
    events: [],
    stances: [
      {
        id: "alpha-condemns-beta",
        from: "alpha",
        to: "beta",
        type: "condemn",
        date: "2024-04-15",
        datePrecision: "day",
        sourceId: "bad-source",
        evidence: "Alpha condemned Beta.",
        cameo: "111",
      },
    ],
    quotes: [],
    claims: [],
  };
  await open(page, "/");
  await expect(page.getByTestId("summary-counts")).toContainText("Showing");
  await openFiles(page, [file("bad.json", JSON.stringify(data), "application/json")]);
  await expect(banner(page)).toContainText("Your data: bad.json");
  const report = page.getByTestId("local-summary");
  await expect(report).toContainText("Shown: 0 events, 1 stance, 0 quotes, 2 actors");
  // The actor's name is text: the markup shows as typed, no script or image element is made.
  await expect(page.getByText("Alpha <script>alert(1)</script>").first()).toBeAttached();
  await expect(page.getByTestId("local-kept")).toContainText("kept in this browser only");
  await open(page, `/?data=${new URL(page.url()).searchParams.get("data")}&focus=stance:alpha-condemns-beta`);
  await expect(banner(page)).toContainText("Your data: bad.json");
  const details = page.getByRole("region", { name: "Condemnation network" });
  await expect(
    details.getByRole("heading", { name: "Alpha <script>alert(1)</script> condemns Beta" }),
  ).toBeVisible();
  // By keyboard: the view scrolls the selection into sight as it settles, which can move a pointer's target.
  await details.getByRole("button", { name: "Open evidence and source" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("evidence-panel")).toBeVisible();
  await expect(page.getByTestId("evidence-original-text")).toHaveText(
    "Original article (not a web link): javascript:alert(1)",
  );
  await expect(page.locator("a[href^='javascript:']")).toHaveCount(0);
});

/** A file of the repository, as the picker hands it over. */
const fromDisk = (path: string): Payload => ({
  name: path.split("/").pop()!,
  mimeType: "text/csv",
  buffer: readFileSync(path),
});

test("the CSV samples of data/samples open whole; the GDELT sample maps its CAMEO codes", async ({
  page,
}) => {
  const requests = recordRequests(page);
  await open(page, "/");
  await expect(page.getByTestId("summary-counts")).toContainText("Showing");
  // data/samples: 11 events, 14 stances, 13 quotes, 13 actors (rows counted in each file), all valid.
  const samples = ["actors", "episodes", "events", "quotes", "sources", "stances"].map((n) =>
    fromDisk(`data/samples/${n}.csv`),
  );
  await openFiles(page, samples);
  await expect(banner(page).getByTestId("local-summary")).toHaveText(
    "Shown: 11 events, 14 stances, 13 quotes, 13 actors",
  );
  await expect(page).toHaveURL(new RegExp(`\\?data=local:${hashOf(...samples)}$`));
  await expect(page.getByTestId("summary-counts")).toContainText(
    "Showing 11 events, 14 stances and 13 quotes",
  );

  // The GDELT sample: 30 rows; 23 carry a CAMEO code in the table, 6 one outside it (036, 042 twice, 190
  // three times: counted, not opened), and row 24 has no second actor.
  const gdelt = fromDisk("tests/fixtures/import/gdelt-sample.export.CSV");
  await openFiles(page, [gdelt]);
  await expect(banner(page)).toContainText("Your data: gdelt-sample.export.CSV");
  // 11 actors: RUS ISR IRN USA RUSGOV CHN GBR IRNMED HMS TUR SYR, the codes of the mapped rows.
  await expect(banner(page).getByTestId("local-summary")).toHaveText(
    "Shown: 0 events, 23 stances, 0 quotes, 11 actors · 4 warnings See the report",
  );
  await expect(page).toHaveURL(new RegExp(`\\?data=local:${hashOf(gdelt)}$`));
  await banner(page).getByRole("button", { name: "See the report" }).click();
  const report = page.getByRole("dialog", { name: "Report: gdelt-sample.export.CSV" });
  await expect(report.getByRole("heading", { name: "0 records skipped" })).toBeVisible();
  await expect(report.getByRole("list", { name: "Warnings" }).getByRole("listitem")).toHaveText([
    "gdelt-sample.export.CSV: CAMEO 190 (use conventional military force): 3 rows not mapped",
    "gdelt-sample.export.CSV: CAMEO 042 (make a visit): 2 rows not mapped",
    "gdelt-sample.export.CSV: CAMEO 036 (express intent to meet or negotiate): 1 row not mapped",
    "gdelt-sample.export.CSV: 1 row names no Actor1 or no Actor2 (a stance needs both): not mapped",
  ]);
  // The CSV report has the warnings too, marked as such, with the GDELT column at fault.
  const download = page.waitForEvent("download");
  await report.getByRole("button", { name: "Download the report (CSV)" }).click();
  const csv = readFileSync((await (await download).path())!, "utf8");
  expect(csv.split("\r\n")).toEqual([
    "status,file,line,record,field,reason",
    "warning,gdelt-sample.export.CSV,,,EventCode,CAMEO 190 (use conventional military force): 3 rows not mapped",
    "warning,gdelt-sample.export.CSV,,,EventCode,CAMEO 042 (make a visit): 2 rows not mapped",
    "warning,gdelt-sample.export.CSV,,,EventCode,CAMEO 036 (express intent to meet or negotiate): 1 row not mapped",
    "warning,gdelt-sample.export.CSV,,,Actor2Code,1 row names no Actor1 or no Actor2 (a stance needs both): not mapped",
    "",
  ]);
  expectNoneCarries(requests, ["news.example.org", "wire.example.net", "anews.com.tr/diplomacy"]);
});

test("an ACLED export maps its protests and agreements, and counts the rest", async ({ page }) => {
  const requests = recordRequests(page);
  await open(page, "/");
  await expect(page.getByTestId("summary-counts")).toContainText("Showing");
  // tests/fixtures/import/acled-sample.csv: 6 rows. Two peaceful protests (Protesters (Iran) → the
  // governments of Israel and of the United States) and an agreement (Russia's government → Iran's) map to
  // stances: 3 stances between 5 actors. An air strike and an armed clash are outside the table, and a
  // violent demonstration names no second actor: 3 warnings.
  const acled = fromDisk("tests/fixtures/import/acled-sample.csv");
  await openFiles(page, [acled]);
  await expect(banner(page)).toContainText("Your data: acled-sample.csv");
  await expect(banner(page).getByTestId("local-summary")).toHaveText(
    "Shown: 0 events, 3 stances, 0 quotes, 5 actors · 3 warnings See the report",
  );
  await expect(page).toHaveURL(new RegExp(`\\?data=local:${hashOf(acled)}$`));
  await banner(page).getByRole("button", { name: "See the report" }).click();
  const report = page.getByRole("dialog", { name: "Report: acled-sample.csv" });
  await expect(report.getByRole("list", { name: "Warnings" }).getByRole("listitem")).toHaveText([
    'acled-sample.csv: ACLED "Air/drone strike": 1 row not mapped',
    'acled-sample.csv: ACLED "Armed clash": 1 row not mapped',
    "acled-sample.csv: 1 row names no actor1 or no actor2 (a stance needs both): not mapped",
  ]);
  await report.getByRole("button", { name: "Close" }).click();
  expectNoneCarries(requests, ["demonstrators gathered in Tehran", "Sample Wire"]);
});

test("over a page that fetches the bundled dataset, a file opens and a reload restores it", async ({
  page,
  baseURL,
}) => {
  const fetchBase = baseURL!.replace(/:(\d+)$/, (_m, port: string) => `:${Number(port) + 1}`);
  await open(page, `${fetchBase}/`);
  await expect(page.getByTestId("summary-counts")).toContainText("Showing");
  const files = [file("stances.csv", stancesCsv), file("actors.csv", actorsCsv)];
  await openFiles(page, files);
  await expect(banner(page)).toContainText("Your data: actors.csv, stances.csv");
  // Written to IndexedDB before the reload.
  await expect(page.getByTestId("local-kept")).toContainText("kept in this browser only");
  await page.reload();
  await expect(banner(page).getByTestId("local-summary")).toContainText(
    "Shown: 0 events, 1 stance, 0 quotes, 2 actors · 3 records skipped",
  );
  await expect(page.getByTestId("summary-counts")).toContainText("Showing 0 events, 1 stance and 0 quotes");
  await expect(page).toHaveURL(new RegExp(`\\?data=local:${hashOf(...files)}$`));
});
