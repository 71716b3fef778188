import type { ActorKind, EventKind, StanceType } from "@/lib/model";

/** Stance families: the network and the filter bar colour each stance type by family, then by shade. */
export const STANCE_FAMILY: Record<StanceType, "hostile" | "friendly" | "other"> = {
  condemn: "hostile",
  criticize: "hostile",
  protest: "hostile",
  support: "friendly",
  defend: "friendly",
  praise: "friendly",
  celebrate: "friendly",
  thank: "friendly",
  condole: "friendly",
  designate: "other",
  dispute: "other",
  warn: "other",
  threaten: "other",
};

/**
 * Stance colours: reds and oranges for condemnation and criticism, blues and teals for support and
 * defence, distinct hues for the rest. Each passes 3:1 against white, for marks and focus rings.
 */
export const STANCE_COLOR: Record<StanceType, string> = {
  condemn: "#b2182b",
  criticize: "#d6604d",
  protest: "#a6531b",
  support: "#2166ac",
  defend: "#4575b4",
  praise: "#1b7f79",
  celebrate: "#35978f",
  thank: "#5e6dad",
  condole: "#6a7f99",
  designate: "#762a83",
  dispute: "#4d4d4d",
  warn: "#9a7000",
  threaten: "#c51b7d",
};

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
