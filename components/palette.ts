import type { StanceType } from "@/lib/model";

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
