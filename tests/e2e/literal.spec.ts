import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";

// Literal expectations for the bundled dataset (data/escalations.json), written by reading the JSON by hand,
// not computed by the app's selectors or formatters: the other specs derive their figures from the app's own
// code (tests/e2e/dataset.ts), so a bug there would pass both sides. If the dataset changes, these change.
//
// Affiliations to Russia (actors[].affiliation === "russia"): russian-foreign-ministry, kremlin, tass,
// sergey-lavrov, vladimir-putin, dmitry-peskov. None is affiliated further down, so `actors=russia` keeps
// the records that involve Russia or one of these six.

const timeline = (page: Page) => page.getByRole("region", { name: "Escalation timeline" });
const network = (page: Page) => page.getByRole("region", { name: "Condemnation network" });
const quotes = (page: Page) => page.getByRole("region", { name: "Quotes" });

/** Opens a URL and waits until the timeline has hydrated and measured its width. */
async function open(page: Page, url: string) {
  await page.goto(url);
  await expect(timeline(page).getByTestId("timeline")).toHaveAttribute("data-measured", "true");
}

/** The rows of the timeline's text alternative: date cell and title cell of each. */
async function tableRows(page: Page) {
  const rows = timeline(page).getByTestId("timeline-table").locator("tbody tr");
  return rows.evaluateAll((trs) =>
    trs.map((tr) => ({
      date: tr.children[0]!.textContent ?? "",
      title: tr.children[1]!.textContent ?? "",
    })),
  );
}

/** Opens the network's text alternative and returns its sentences. */
async function stanceSentences(page: Page) {
  const region = network(page);
  await region.locator("details > summary").click();
  const list = region.getByRole("list", { name: "Shown stances" });
  await expect(list).toBeVisible();
  return list.getByRole("listitem").allTextContents();
}

/** Every stance id the drawn edges stand for, sorted. */
async function drawnStances(page: Page) {
  const lists = await network(page)
    .locator("[data-edge]")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-stances") ?? ""));
  return lists.flatMap((l) => l.split(" ")).sort();
}

const SHARE4ALL = "share4all.cc (blog-style news site; inferred)";
const IGBERE = "Igbere TV News (igberetvnews.com; inferred), rewriting a Reuters report";
const ANADOLU = "Anadolu Agency";
const OUTSIDE = " (outside the selected years)";
/** A stance sentence's provenance note: its `outside` notes joined by "; " (data/escalations.json). */
const fromOutside = (...notes: string[]) => `From outside the reports: ${notes.join("; ")}`;
// The notes of the records below, copied from their `outside` entries.
const PESKOV_DATE =
  "date from other reporting: Peskov's briefing of 23 Jun 2025; the report gives his remarks undated, beside Monday's meeting";
const APRIL_MONTH =
  "April from other reporting (the consulate strike of 1 Apr 2024); by the report's 'two weeks' before 13 Apr it may be late March";
const SUMMONS_DATE =
  "date from other reporting: 14 Apr 2024; the report says 'following which', after Sunday's statements";

test.describe("Russia in 2025 (/?actors=russia&years=2025)", () => {
  const url = "/?actors=russia&years=2025";

  test("the summary counts 11 events, 13 stances and 10 quotes", async ({ page }) => {
    await open(page, url);
    await expect(page.getByTestId("summary-counts")).toHaveText(
      "Showing 11 events, 13 stances and 10 quotes.",
    );
    const chips = page.getByRole("list", { name: "Active filters" }).getByRole("button");
    await expect(chips).toHaveCount(2);
    await expect(chips.nth(0)).toHaveAccessibleName("Remove Actors: Russia");
    await expect(chips.nth(1)).toHaveAccessibleName("Remove Years: 2025");
  });

  test("the timeline lists Russia's 23 events in time order, the 11 of 2025 undimmed", async ({ page }) => {
    await open(page, url);
    // The time axis ignores the year range (it dims instead): every event with a Russian actor or target,
    // in date order, ties in dataset order (three events dated June 2025 at month precision).
    await expect(timeline(page).getByTestId("timeline-table").locator("caption")).toHaveText(
      "Events on the timeline in time order: 23",
    );
    expect(await tableRows(page)).toEqual([
      // russian-military-support-to-assad and russia-iran-act-in-syrian-conflict: 2015 at year precision
      {
        date: `2015${OUTSIDE}`,
        title: "Russian military support for Bashar al-Assad in the Syrian civil war",
      },
      {
        date: `2015${OUTSIDE}`,
        title: "Russia and Iran act in the Syrian conflict at the Syrian government's request",
      },
      { date: `3 January 2020${OUTSIDE}`, title: "Lavrov and Zarif speak by phone at Iran's initiative" },
      // haniyeh-tass-interview-2021: actors include tass (affiliated to russia)
      {
        date: `2021${OUTSIDE}`,
        title: "Haniyeh tells TASS Iran's aid is a 'pillar' of the resistance 'project'",
      },
      { date: `February 2022${OUTSIDE}`, title: "Russia launches its military campaign in Ukraine" },
      // lavrov-visits-north-korea is October 2023 at month precision: it ties with the fact-check on
      // 2023-10-01 and comes first in dataset order.
      { date: `October 2023${OUTSIDE}`, title: "Lavrov visits North Korea" },
      { date: `October 2023${OUTSIDE}`, title: "Polygraph.info rates Lavrov's claim about Iran 'False'" },
      {
        date: `19 October 2023${OUTSIDE}`,
        title: "Lavrov credits Iran with a responsible and balanced stand on Gaza",
      },
      { date: `April 2024${OUTSIDE}`, title: "Russia condemns the attack on the Iranian consulate" },
      { date: `15 April 2024${OUTSIDE}`, title: "Lavrov and Amir-Abdollahian speak by phone" },
      {
        date: `15 April 2024${OUTSIDE}`,
        title: "Lavrov criticizes countries that refused to condemn the attack on the consulate",
      },
      {
        date: `15 April 2024${OUTSIDE}`,
        title: "Lavrov expresses hope for a reduction of tensions in the region",
      },
      {
        date: "January 2025",
        title: "Russia and Iran sign a strategic cooperation treaty without a mutual defence clause",
      },
      { date: "June 2025", title: "Putin voices concern that Khamenei could be targeted or killed" },
      { date: "June 2025", title: "Moscow warns that US military intervention could destabilise the region" },
      { date: "June 2025", title: "Putin and Trump discuss Iran in their recent conversations" },
      {
        date: "18 June 2025",
        title: "Putin at the St. Petersburg forum: Iran has not sought Russian military support",
      },
      {
        date: "18 June 2025",
        title: "Putin: the strategic agreement with Iran does not include military cooperation",
      },
      {
        date: "22 June 2025",
        title: "Russian Foreign Ministry sharply criticizes the US strikes as an 'irresponsible decision'",
      },
      {
        date: "22 June 2025",
        title: "Kremlin statement: the strikes violated the UN Charter and Security Council resolutions",
      },
      { date: "22 June 2025", title: "Moscow urges an end to hostilities and a return to diplomacy" },
      { date: "23 June 2025", title: "Putin hosts Iran's Foreign Minister Araqchi in Moscow" },
      {
        date: "23 June 2025",
        title: "Peskov condemns the US attacks and says help depends on what Iran needs",
      },
    ]);
    // A mark's accessible name: date, title, kind (events[].kind "meeting").
    await expect(timeline(page).locator('[data-record="event:putin-hosts-araqchi"]')).toHaveAccessibleName(
      "23 June 2025: Putin hosts Iran's Foreign Minister Araqchi in Moscow (Meeting)",
    );
  });

  test("the network shows these 13 stances, as sentences in dataset order", async ({ page }) => {
    await open(page, url);
    await expect(network(page).locator("details > summary")).toHaveText("All 13 shown stances as text");
    expect(await drawnStances(page)).toEqual(
      [
        "russian-mfa-condemns-us-strikes",
        "russian-mfa-accuses-washington",
        "kremlin-accuses-us-of-violating-un-charter",
        "russia-calls-us-actions-destabilizing",
        "russia-condemns-us-actions-in-iran",
        "putin-condemns-us-bombing",
        "putin-pledges-assistance-to-iranian-people",
        "araqchi-thanks-russia",
        "araqchi-praises-russia-right-side-of-history",
        "russia-pledges-diplomatic-support",
        "russia-warns-us-against-intervention",
        "peskov-offers-mediation-as-support",
        "peskov-condemns-us-attacks",
      ].sort(),
    );
    expect(await stanceSentences(page)).toEqual([
      `The Russian Foreign Ministry criticizes the United States — 22 June 2025, source: ${SHARE4ALL}`,
      `The Russian Foreign Ministry criticizes the United States — 22 June 2025, source: ${SHARE4ALL}`,
      `The Kremlin criticizes the United States — 22 June 2025, source: ${SHARE4ALL}`,
      `Russia criticizes the United States — 22 June 2025, source: ${SHARE4ALL}`,
      `Russia condemns the United States — 22 June 2025, source: ${SHARE4ALL}`,
      `Vladimir Putin criticizes the United States — 23 June 2025, source: ${IGBERE}`,
      `Vladimir Putin supports Iran — 23 June 2025, source: ${IGBERE}`,
      // Toward Russia: the target counts as involved.
      `Abbas Araqchi thanks Russia — 23 June 2025, source: ${IGBERE}`,
      `Abbas Araqchi praises Russia — 23 June 2025, source: ${IGBERE}`,
      `Russia supports Iran — 23 June 2025, source: ${IGBERE}`,
      // datePrecision "month"
      `Russia warns the United States — June 2025, source: ${IGBERE}`,
      // Both tied to Peskov's briefing, dated from other reporting (`outside`).
      `Dmitry Peskov supports Iran — 23 June 2025, source: ${IGBERE}${fromOutside(PESKOV_DATE)}`,
      `Dmitry Peskov condemns the United States — 23 June 2025, source: ${IGBERE}${fromOutside(PESKOV_DATE)}`,
    ]);
  });

  test("the quote panel shows 10 quotes by 3 speakers, continuations after the part they continue", async ({
    page,
  }) => {
    await open(page, url);
    await expect(quotes(page).getByTestId("quotes-status")).toHaveText("10 quotes from 3 speakers");
    // Groups by the date of their first quote (22 June, then 23 June twice: by name, D before V).
    const groups = quotes(page).getByTestId("speaker-group");
    expect(await groups.evaluateAll((els) => els.map((e) => e.getAttribute("data-speaker")))).toEqual([
      "russian-foreign-ministry",
      "dmitry-peskov",
      "vladimir-putin",
    ]);
    await expect(quotes(page).getByTestId("speaker-header")).toContainText([
      "1 quote",
      "6 quotes",
      "3 quotes",
    ]);
    const cards = quotes(page).locator('[data-record^="quote:"]');
    expect(await cards.evaluateAll((els) => els.map((e) => e.getAttribute("data-record")))).toEqual([
      "quote:russian-mfa-irresponsible-decision",
      // All six on 23 June 2025; `continues` chains: increase ← new-spiral ← radiation, no-detailed ← repeatedly.
      "quote:peskov-depends-on-what-iran-needs",
      "quote:peskov-increase-in-participants",
      "quote:peskov-new-spiral-of-escalation",
      "quote:peskov-radiation-hazard",
      "quote:peskov-no-detailed-information",
      "quote:peskov-iran-repeatedly-discussed",
      // unprovoked ← assist ← discuss
      "quote:putin-unprovoked-aggression",
      "quote:putin-assist-iranian-people",
      "quote:putin-discuss-pressing-issues",
    ]);
    // The fragment in its sentence from the report (share4all, quotes[].sentence), the quoted words marked.
    await expect(cards.first().locator("blockquote")).toHaveText(
      `On Sunday, Russia's Foreign Ministry sharply criticized the recent US airstrikes on Iranian nuclear sites, labeling them an "irresponsible decision" that targeted the territory of a sovereign state.`,
    );
    await expect(cards.first().locator("blockquote mark")).toHaveText("irresponsible decision");
  });
});

test.describe("The April 2024 episode (/?episode=april-2024)", () => {
  const url = "/?episode=april-2024";

  test("counts 11 events, 14 stances and 13 quotes", async ({ page }) => {
    // Events by events[].episode; stances and quotes by their event's episode (of the eight stances tied to
    // no event, none is dated in April 2024; every quote is tied to an event). Quotes: Lavrov 4, Amir-Abdollahian 6, Iran 2, the Iranian Foreign
    // Ministry 1.
    await open(page, url);
    await expect(page.getByTestId("summary-counts")).toHaveText(
      "Showing 11 events, 14 stances and 13 quotes.",
    );
    await expect(quotes(page).getByTestId("quotes-status")).toHaveText("13 quotes from 4 speakers");
  });

  test("the timeline lists its 11 events in time order", async ({ page }) => {
    await open(page, url);
    expect(await tableRows(page)).toEqual([
      // events[0] (day precision) comes first among the four of 1 April: ties keep dataset order.
      {
        date: "1 April 2024",
        title: "Strike on the Iranian consulate in Damascus kills seven Iranian military officials",
      },
      { date: "April 2024", title: "Russia condemns the attack on the Iranian consulate" },
      { date: "April 2024", title: "Iran vows 'definitive revenge' for the consulate strike" },
      { date: "April 2024", title: "Many countries urge Iran to exercise restraint" },
      { date: "13 April 2024", title: "Iran attacks Israel in retaliation for the consulate strike" },
      { date: "14 April 2024", title: "US, UK, France and Germany condemn Iran's strikes" },
      {
        date: "14 April 2024",
        title: "Iran's Foreign Ministry summons the British, French and German ambassadors in protest",
      },
      { date: "15 April 2024", title: "Lavrov and Amir-Abdollahian speak by phone" },
      {
        date: "15 April 2024",
        title: "Iranian Foreign Ministry statement on the Lavrov–Amir-Abdollahian call",
      },
      {
        date: "15 April 2024",
        title: "Lavrov criticizes countries that refused to condemn the attack on the consulate",
      },
      { date: "15 April 2024", title: "Lavrov expresses hope for a reduction of tensions in the region" },
    ]);
  });

  test("the network's text alternative reads its 14 stances", async ({ page }) => {
    await open(page, url);
    const from = (clause: string, date: string, provenance = "") =>
      `${clause} — ${date}, source: ${ANADOLU}${provenance}`;
    expect(await stanceSentences(page)).toEqual([
      // The month rests on the consulate strike's date from other reporting; Russia's target on "was blamed
      // on Israel".
      from(
        "Russia condemns Israel",
        "April 2024",
        fromOutside(
          APRIL_MONTH,
          "the report says only that the attack 'was blamed on Israel'; it does not say whom Russia condemned",
        ),
      ),
      from("Iran threatens Israel", "April 2024", fromOutside(APRIL_MONTH)),
      from("The United States condemns Iran", "14 April 2024"),
      from("The United Kingdom condemns Iran", "14 April 2024"),
      from("France condemns Iran", "14 April 2024"),
      from("Germany condemns Iran", "14 April 2024"),
      from(
        "The Iranian Foreign Ministry protests to the United Kingdom",
        "14 April 2024",
        fromOutside(SUMMONS_DATE),
      ),
      from("The Iranian Foreign Ministry protests to France", "14 April 2024", fromOutside(SUMMONS_DATE)),
      from("The Iranian Foreign Ministry protests to Germany", "14 April 2024", fromOutside(SUMMONS_DATE)),
      from("Sergey Lavrov supports Iran", "15 April 2024"),
      from("Sergey Lavrov defends Iran", "15 April 2024"),
      from("Hossein Amir-Abdollahian threatens Israel", "15 April 2024"),
      from("Hossein Amir-Abdollahian criticizes Israel", "15 April 2024"),
      from("Hossein Amir-Abdollahian praises Russia", "15 April 2024"),
    ]);
  });
});

test("the actor filter follows a two-step affiliation chain: Iraq keeps al-Muhandis's event", async ({
  page,
}) => {
  // abu-mahdi-al-muhandis → popular-mobilization-forces → iraq. Only soleimani-killing (targets include
  // al-Muhandis) involves any of the three; no stance or quote does.
  await open(page, "/?actors=iraq");
  await expect(page.getByTestId("summary-counts")).toHaveText("Showing 1 event, 0 stances and 0 quotes.");
  expect(await tableRows(page)).toEqual([
    {
      date: "3 January 2020",
      title: "US air strike at Baghdad airport kills Qassem Soleimani and Abu Mahdi al-Muhandis",
    },
  ]);
});

test("the stance filter keeps the stances of that type, the events tied to them and the disputed claim's quote", async ({
  page,
}) => {
  // The one "dispute" stance, polygraph-disputes-lavrov-claim, is tied to the event
  // polygraph-fact-check-lavrov; no quote is tied to that event. The fact-check's claim
  // (claims[] lavrov-iran-responsible-balanced-stand, claimant sergey-lavrov) is the quote
  // lavrov-gaza-iran-responsible-balanced (its claimId), said at lavrov-credits-iran-responsible-stand (a
  // "praise" event): the dispute is about it, so it stays. An earlier version of this test expected
  // 0 quotes, the bug of issue 15.
  await open(page, "/?stances=dispute");
  await expect(page.getByTestId("summary-counts")).toHaveText("Showing 1 event, 1 stance and 1 quote.");
  const cards = quotes(page).locator('[data-record^="quote:"]');
  expect(await cards.evaluateAll((els) => els.map((e) => e.getAttribute("data-record")))).toEqual([
    "quote:lavrov-gaza-iran-responsible-balanced",
  ]);
  expect(await tableRows(page)).toEqual([
    { date: "October 2023", title: "Polygraph.info rates Lavrov's claim about Iran 'False'" },
  ]);
  expect(await stanceSentences(page)).toEqual([
    "Polygraph.info disputes Sergey Lavrov — October 2023, source: Polygraph.info (Voice of America; inferred)",
  ]);
});

test("a focused event's Source shows its verbatim excerpt and its report", async ({ page }) => {
  // events[] "putin-hosts-araqchi", source "igbere-2025-06-23-putin-araqchi" (7 events, 8 stances and
  // 10 quotes cite it: 24 other records).
  await open(page, "/?focus=event:putin-hosts-araqchi");
  const selected = timeline(page).getByTestId("timeline-selected");
  await expect(selected).toContainText("Putin hosts Iran's Foreign Minister Araqchi in Moscow");
  await selected.getByRole("button", { name: "Source", exact: true }).click();
  const panel = page.getByTestId("evidence-panel");
  await expect(panel.getByRole("heading", { level: 2 })).toHaveText(
    "Putin hosts Iran's Foreign Minister Araqchi in Moscow",
  );
  await expect(panel.getByTestId("evidence-excerpt")).toHaveText(
    "Putin hosted Araqchi in Moscow just two days after U.S. President Donald Trump ordered strikes on Iran’s three main nuclear sites.",
  );
  await expect(panel.locator("figcaption")).toHaveText("Verbatim from the report · 23 June 2025");
  const source = panel.getByTestId("evidence-source");
  await expect(source.locator("dd").nth(0)).toHaveText(IGBERE);
  await expect(source.locator("dd").nth(1)).toHaveText(
    "US attack: Russia'll support Iranian people – Putin vows",
  );
  await expect(source.locator("dd").nth(3)).toHaveText("004_506bfb45d2f85bf6.txt");
  await expect(panel.getByRole("heading", { level: 3 })).toHaveText("Also from this report (24)");
  await expect(panel.locator(".evidence-others li")).toHaveCount(24);
});
