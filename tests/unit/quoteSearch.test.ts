// Issue 15, "Filters that do what the hand expects": the quote search finds speakers by name and role, and the
// `dispute` stance type keeps the fact-checked quote. Expected ids are read by hand from data/escalations.json.
import { describe, expect, it } from "vitest";
import { indexDataset } from "@/lib/data";
import { loadDataset } from "@/lib/data/loadDataset";
import { filterRecords } from "@/lib/select";
import { DEFAULT_VIEW, type ViewState } from "@/lib/view";

const index = indexDataset(loadDataset());
const quoteIds = (patch: Partial<ViewState>) =>
  filterRecords(index, { ...DEFAULT_VIEW, ...patch }).quotes.map((q) => q.id);

// actors[] sergey-lavrov: name "Sergey Lavrov", shortName "Lavrov", role "Russian Foreign Minister". No
// quote's text contains "Lavrov"; these are his five quotes, in dataset order.
const LAVROV = [
  "lavrov-defend-and-support",
  "lavrov-legitimate-defense",
  "lavrov-had-no-doubt",
  "lavrov-responsible-response-self-restraint",
  "lavrov-gaza-iran-responsible-balanced",
];

describe("the quote search looks in the speaker's name, short name and role too", () => {
  it('"lavrov" finds exactly Lavrov\'s quotes', () => {
    expect(quoteIds({ q: "lavrov" })).toEqual(LAVROV);
  });

  it("the search ignores case and finds the full name", () => {
    expect(quoteIds({ q: "LAVROV" })).toEqual(LAVROV);
    expect(quoteIds({ q: "Sergey Lavrov" })).toEqual(LAVROV);
  });

  it('"Foreign Minister" finds the quotes of every speaker with that role', () => {
    // Roles with "Foreign Minister": sergey-lavrov ("Russian Foreign Minister"), hossein-amir-abdollahian
    // ("Iranian Foreign Minister (spelled …)"), abbas-araqchi ("Iran's Foreign Minister"), javad-zarif
    // ("Iranian Foreign Minister", no quote). No quote's text says "foreign minister".
    expect(quoteIds({ q: "Foreign Minister" })).toEqual([
      "lavrov-defend-and-support",
      "lavrov-legitimate-defense",
      "lavrov-had-no-doubt",
      "lavrov-responsible-response-self-restraint",
      "amir-abdollahian-specific-targets",
      "amir-abdollahian-limited-action",
      "amir-abdollahian-deterring-punishing-warning",
      "amir-abdollahian-very-strong-response",
      "amir-abdollahian-crimes-of-israel",
      "amir-abdollahian-russia-role-important",
      "lavrov-gaza-iran-responsible-balanced",
      "amir-abdollahian-historic-victory",
      "araqchi-right-side-of-history",
    ]);
  });

  it("the quote's own words still match, and a match never spans the words and the speaker", () => {
    // quotes[] lavrov-defend-and-support: text "defend and support".
    expect(quoteIds({ q: "defend and support" })).toEqual(["lavrov-defend-and-support"]);
    // Its text ends "support" and its speaker's name starts "Sergey": joined, they would read "supportsergey".
    expect(quoteIds({ q: "supportsergey" })).toEqual([]);
    expect(quoteIds({ q: "support sergey" })).toEqual([]);
  });

  it("the search composes with the other filters", () => {
    // Lavrov's quotes in 2024: the four dated 15 April 2024 (the fifth is of 19 October 2023).
    expect(quoteIds({ q: "lavrov", years: { start: 2024, end: 2024 } })).toEqual(LAVROV.slice(0, 4));
  });
});

describe("the dispute stance type keeps the quote the fact-check is about", () => {
  it("/?stances=dispute keeps the claim's quote, and only it", () => {
    // claims[] lavrov-iran-responsible-balanced-stand is quotes[] lavrov-gaza-iran-responsible-balanced
    // (claimId); that quote's event, lavrov-credits-iran-responsible-stand, has only a "praise" stance, and
    // no quote is tied to the fact-check's event polygraph-fact-check-lavrov.
    const visible = filterRecords(index, { ...DEFAULT_VIEW, stances: ["dispute"] });
    expect(visible.quotes.map((q) => q.id)).toEqual(["lavrov-gaza-iran-responsible-balanced"]);
    expect(visible.events.map((e) => e.id)).toEqual(["polygraph-fact-check-lavrov"]);
    expect(visible.stances.map((s) => s.id)).toEqual(["polygraph-disputes-lavrov-claim"]);
  });

  it("the claim's quote keeps its event's own type as well", () => {
    expect(quoteIds({ stances: ["praise"] })).toContain("lavrov-gaza-iran-responsible-balanced");
  });

  it("with the search, the dispute keeps it for Lavrov and for none else", () => {
    expect(quoteIds({ stances: ["dispute"], q: "lavrov" })).toEqual([
      "lavrov-gaza-iran-responsible-balanced",
    ]);
    expect(quoteIds({ stances: ["dispute"], q: "Araqchi" })).toEqual([]);
  });
});
