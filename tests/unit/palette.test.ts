import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { KIND_HEX, KIND_HEX_DARK, STANCE_HEX, STANCE_HEX_DARK } from "@/components/palette";
import { KIND_STYLE } from "@/components/timeline/kindStyle";
import { STANCE_COLOR } from "@/components/theme";

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const css = readFileSync(new URL("../../app/globals.css", import.meta.url), "utf8");
const darkStart = css.indexOf("@media (prefers-color-scheme: dark)");
/** The custom properties of the light `:root` block and of the dark one. */
function variables(block: string): Map<string, string> {
  return new Map(
    [...block.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{6})\s*;/g)].map((m) => [m[1]!, m[2]!.toLowerCase()]),
  );
}
const light = variables(css.slice(css.indexOf(":root {"), darkStart));
const dark = variables(css.slice(darkStart, css.indexOf("}\n}", darkStart)));

describe("the stance palette", () => {
  it("is read from CSS variables the stylesheet sets in both schemes, to the palettes of theme.ts", () => {
    expect(dark.size).toBeGreaterThan(13);
    for (const [type, hex] of Object.entries(STANCE_HEX)) {
      expect(STANCE_COLOR[type as keyof typeof STANCE_COLOR]).toBe(`var(--stance-${type})`);
      expect(light.get(`stance-${type}`), type).toBe(hex);
      expect(dark.get(`stance-${type}`), type).toBe(STANCE_HEX_DARK[type as keyof typeof STANCE_HEX_DARK]);
    }
  });

  it("the page colours are the ones the contrast is checked against", () => {
    // Read by hand from app/globals.css.
    expect(light.get("paper")).toBe("#ffffff");
    expect(light.get("paper-soft")).toBe("#f5f6f8");
    expect(dark.get("paper")).toBe("#15181e");
    expect(dark.get("paper-soft")).toBe("#1e232b");
  });

  // WCAG 2.1 SC 1.4.11: graphical objects need 3:1 against what they sit on (the page, or a soft panel).
  for (const scheme of ["light", "dark"] as const) {
    const palette = scheme === "light" ? STANCE_HEX : STANCE_HEX_DARK;
    const backgrounds = scheme === "light" ? ["#ffffff", "#f5f6f8"] : ["#15181e", "#1e232b"];
    it(`keeps 3:1 against the ${scheme} backgrounds`, () => {
      for (const [type, hex] of Object.entries(palette))
        for (const bg of backgrounds) expect(contrast(hex, bg), `${type} on ${bg}`).toBeGreaterThanOrEqual(3);
    });
  }

  it("the contrast formula agrees with known values", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
  });
});

describe("the event-kind palette", () => {
  it("is read from CSS variables the stylesheet sets in both schemes", () => {
    for (const [kind, hex] of Object.entries(KIND_HEX)) {
      expect(KIND_STYLE[kind as keyof typeof KIND_STYLE].color).toBe(`var(--kind-${kind})`);
      expect(light.get(`kind-${kind}`), kind).toBe(hex);
      expect(dark.get(`kind-${kind}`), kind).toBe(KIND_HEX_DARK[kind as keyof typeof KIND_HEX_DARK]);
    }
  });

  it("keeps 3:1 against the page, the panels and the timeline's strips in each scheme (WCAG 1.4.11)", () => {
    for (const [scheme, vars] of [
      ["light", light],
      ["dark", dark],
    ] as const) {
      const surfaces = ["paper", "paper-soft", "canvas", "strip"].flatMap((v) =>
        vars.get(v) ? [vars.get(v)!] : [],
      );
      expect(surfaces.length, scheme).toBeGreaterThanOrEqual(2);
      for (const [kind] of Object.entries(KIND_HEX))
        for (const bg of surfaces)
          expect(
            contrast(vars.get(`kind-${kind}`)!, bg),
            `${kind} on ${bg} (${scheme})`,
          ).toBeGreaterThanOrEqual(3);
    }
  });
});
