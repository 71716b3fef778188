import type { Page } from "@playwright/test";
import { test, expect, axeViolations } from "./fixtures";
import { index } from "./dataset";
import { describeEvidence } from "@/components/evidence/describe";
import type { EvidenceRef } from "@/components/viewProps";

// The evidence panel is the project's promise: from any view, "Source" shows the verbatim sentence a record
// rests on, its report's metadata and the other records drawn from that report.

const panelOf = (page: Page) => page.getByTestId("evidence-panel");
const OTHERS_SHOWN = 25;

/** Asserts the open panel shows the record: heading, verbatim excerpt, source metadata, same-report records. */
async function expectEvidence(page: Page, ref: EvidenceRef) {
  const details = describeEvidence(index, ref)!;
  const source = index.sourceById.get(details.sourceId)!;
  const panel = panelOf(page);
  await expect(panel).toBeVisible();
  await expect(panel.getByRole("heading", { level: 2 })).toHaveText(details.heading);
  await expect(panel.getByTestId("evidence-excerpt")).toHaveText(details.excerpt);
  const meta = panel.getByTestId("evidence-source");
  await expect(meta).toContainText(source.publisher);
  await expect(meta).toContainText(source.title);
  await expect(meta).toContainText(source.document);
  const same = index.recordsBySource.get(source.id)!;
  const others =
    same.events.length + same.stances.length + same.quotes.length - (ref.kind === "claim" ? 0 : 1);
  await expect(
    panel.getByRole("heading", { level: 3, name: `Also from this report (${others})` }),
  ).toBeVisible();
  await expect(panel.locator(".evidence-others li")).toHaveCount(Math.min(others, OTHERS_SHOWN));
}

test("from a quote card: Source opens the evidence, the same report's records, and closes back", async ({
  page,
}) => {
  const q = index.data.quotes.find((x) => x.claimId) ?? index.data.quotes[0]!;
  await page.goto("/");
  const source = page
    .getByRole("region", { name: "Quotes" })
    .locator(`[data-record="quote:${q.id}"]`)
    .getByRole("button", { name: /^Source/ });
  await source.click();
  await expectEvidence(page, { kind: "quote", id: q.id });
  const panel = panelOf(page);
  await expect(panel.getByRole("heading", { level: 2 })).toBeFocused();
  if (q.claimId) await expect(panel).toContainText(`Rated ${index.claimById.get(q.claimId)!.rating}`);

  // The other records of the report open in the same panel.
  const same = index.recordsBySource.get(q.sourceId)!;
  const stance = same.stances[0];
  if (stance) {
    const total = same.events.length + same.stances.length + same.quotes.length - 1;
    if (total > OTHERS_SHOWN) {
      await panel.getByRole("button", { name: `Show all ${total}` }).click();
      await expect(panel.locator(".evidence-others li")).toHaveCount(total);
    }
    const name = (id: string) => index.actorById.get(id)?.name ?? id;
    await panel
      .getByRole("button", {
        name: `Stance: ${name(stance.from)} → ${name(stance.to)} (${stance.type})`,
        exact: true,
      })
      .first()
      .click();
    await expect(panel.getByRole("heading", { level: 2 })).toHaveText(
      describeEvidence(index, { kind: "stance", id: stance.id })!.heading,
    );
    await expect(panel.getByTestId("evidence-excerpt")).toHaveText(stance.evidence);
  }

  // Escape closes it and gives the keyboard back to the button that opened it.
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
  await expect(source).toBeFocused();
});

test("the evidence panel's Highlight focuses the record in the views", async ({ page }) => {
  const q = index.data.quotes[0]!;
  await page.goto("/");
  const quotes = page.getByRole("region", { name: "Quotes" });
  await quotes
    .locator(`[data-record="quote:${q.id}"]`)
    .getByRole("button", { name: /^Source/ })
    .click();
  await panelOf(page).getByRole("button", { name: "Highlight in the views" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]focus=quote(:|%3A)${q.id}(&|$)`));
  await expect(quotes.locator(`[data-record="quote:${q.id}"]`)).toHaveAttribute("data-focused", "true");
  // Highlighting lights records up in every view: the panel steps aside so that it hides none of them.
  await expect(panelOf(page)).toHaveCount(0);
});

// Depends on the time axis (another view): its marks carry data-record="event:<id>" and show a tooltip with
// a "Source" button on hover or keyboard focus.
test("from a timeline mark's tooltip: Source opens the event's evidence", async ({ page }) => {
  const event = index.data.events.find((e) => e.episode !== null) ?? index.data.events[0]!;
  await page.goto("/");
  const timeline = page.getByRole("region", { name: "Escalation timeline" });
  const mark = timeline.locator(`[data-record="event:${event.id}"]`).first();
  await mark.focus();
  await timeline
    .getByRole("button", { name: /^Source/ })
    .first()
    .click();
  await expectEvidence(page, { kind: "event", id: event.id });
});

// Depends on the network (another view): a single-stance edge carries data-record="stance:<id>", and
// clicking it opens that stance's evidence.
test("from a network edge: clicking it opens the stance's evidence", async ({ page }) => {
  await page.goto("/");
  const network = page.getByRole("region", { name: "Condemnation network" });
  await expect(network.locator('[data-record^="stance:"]').first()).toBeAttached();
  await network.locator('[data-record^="stance:"]').first().scrollIntoViewIfNeeded();
  // A real click in the middle of a drawn arrow (a bounding box's centre may miss a curve): the first
  // single-stance arrow whose midpoint is not covered by another arrow or a node.
  const hit = await network.locator('[data-record^="stance:"]').evaluateAll((edges) => {
    for (const g of edges) {
      const path = g.querySelector("path");
      if (!path) continue;
      const p = path.getPointAtLength(path.getTotalLength() / 2);
      const m = path.getScreenCTM()!;
      const x = p.x * m.a + p.y * m.c + m.e;
      const y = p.x * m.b + p.y * m.d + m.f;
      if (document.elementFromPoint(x, y)?.closest("[data-edge]") === g)
        return { id: g.getAttribute("data-record")!.slice("stance:".length), x, y };
    }
    return null;
  });
  expect(hit).not.toBeNull();
  const { id, ...point } = hit!;
  await page.mouse.click(point.x, point.y);
  await expect(page).toHaveURL(new RegExp(`[?&]focus=stance(:|%3A)${id}(&|$)`));
  await expectEvidence(page, { kind: "stance", id });
});

test("zero axe-core violations with the evidence panel open", async ({ page }) => {
  const q = index.data.quotes.find((x) => x.claimId) ?? index.data.quotes[0]!;
  await page.goto("/");
  await page
    .getByRole("region", { name: "Quotes" })
    .locator(`[data-record="quote:${q.id}"]`)
    .getByRole("button", { name: /^Source/ })
    .click();
  await expect(panelOf(page)).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});
