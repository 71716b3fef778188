import type { EventKind, StanceType } from "@/lib/model";

// The stance palettes behind the CSS variables that components/theme.ts draws with (app/globals.css sets
// them, the light one by default, the dark one under `prefers-color-scheme: dark`). Nothing on the page
// imports this module: tests/unit/palette.test.ts checks the stylesheet against it and each colour's
// contrast against its page.

/**
 * Stance colours on a light page: reds and oranges for condemnation and criticism, blues and teals for
 * support and defence, distinct hues for the rest. Each passes 3:1 against white, for marks and focus rings.
 */
export const STANCE_HEX: Record<StanceType, string> = {
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

/** The same hues lightened for the dark scheme, each passing 3:1 against its page. */
export const STANCE_HEX_DARK: Record<StanceType, string> = {
  condemn: "#f0606e",
  criticize: "#f08a78",
  protest: "#d9894e",
  support: "#6aa7ea",
  defend: "#86a8e0",
  praise: "#3fb8ae",
  celebrate: "#5fc4ba",
  thank: "#9aa6e0",
  condole: "#9cadc4",
  designate: "#c07fd0",
  dispute: "#a6a6a6",
  warn: "#d6a82a",
  threaten: "#f06bb5",
};

/** Event-kind colours on a light page (the timeline's marks and legend): each 3:1 or more against white. */
export const KIND_HEX: Record<EventKind, string> = {
  strike: "#b2182b",
  interception: "#d6604d",
  condemnation: "#762a83",
  protest: "#a6531b",
  designation: "#4d4d4d",
  statement: "#2166ac",
  call: "#1b7f79",
  meeting: "#35978f",
  agreement: "#5e6dad",
  aid: "#9a7000",
  "fact-check": "#c51b7d",
};

/** Event-kind colours on the dark page: lighter where the light ones fall under 3:1 on the dark surfaces. */
export const KIND_HEX_DARK: Record<EventKind, string> = {
  strike: "#ef5a6a",
  interception: "#d6604d",
  condemnation: "#b77fd0",
  protest: "#d98148",
  designation: "#a3a3a3",
  statement: "#5b9be0",
  call: "#3fb3ab",
  meeting: "#35978f",
  agreement: "#8c9ae0",
  aid: "#c99a1f",
  "fact-check": "#e45aa8",
};
