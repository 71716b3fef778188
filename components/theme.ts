import type { ActorKind, EventKind, StanceType } from "@/lib/model";

/** Stance families: the network and the filter bar colour each stance type by family, then by shade. */
export { STANCE_FAMILY } from "@/lib/model/vocabulary";

/**
 * Stance colours as drawn: the CSS variable of each type, usable in a style or an SVG presentation attribute.
 * app/globals.css sets them by `prefers-color-scheme` to the palettes of ./palette.ts (reds and oranges for
 * condemnation and criticism, blues and teals for support and defence, distinct hues for the rest), each
 * passing 3:1 against its page (tests/unit/palette.test.ts).
 */
export const STANCE_COLOR: Record<StanceType, string> = {
  condemn: "var(--stance-condemn)",
  criticize: "var(--stance-criticize)",
  protest: "var(--stance-protest)",
  support: "var(--stance-support)",
  defend: "var(--stance-defend)",
  praise: "var(--stance-praise)",
  celebrate: "var(--stance-celebrate)",
  thank: "var(--stance-thank)",
  condole: "var(--stance-condole)",
  designate: "var(--stance-designate)",
  dispute: "var(--stance-dispute)",
  warn: "var(--stance-warn)",
  threaten: "var(--stance-threaten)",
};

// The palettes as hex colours, for what draws outside the page's CSS (images made on the server).
export { STANCE_HEX, STANCE_HEX_DARK } from "./palette";

// The stance words live with the sentences built from them (lib/select/wording.ts); re-exported for the views.
export { STANCE_LABEL, STANCE_VERB } from "@/lib/select/wording";

/** Group headings of the actor picker, in display order. */
export const ACTOR_KIND_LABEL: Record<ActorKind, string> = {
  state: "States",
  person: "People",
  organization: "Organizations",
  media: "Media",
  group: "Groups",
};

/** Labels of event kinds for legends and tooltips. */
export const EVENT_KIND_LABEL: Record<EventKind, string> = {
  strike: "Strike or attack",
  statement: "Statement",
  call: "Phone call",
  meeting: "Meeting",
  condemnation: "Condemnation",
  protest: "Protest",
  designation: "Designation",
  "fact-check": "Fact-check",
  agreement: "Agreement",
  aid: "Funding or arms",
  interception: "Interception",
};

/** Least side of any mark's hit area, in CSS pixels: WCAG 2.2's target size, whatever the glyph's size. */
export const TARGET_SIZE = 24;
