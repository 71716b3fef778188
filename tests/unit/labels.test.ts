import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { boxesOverlap, fitText, fitWords, labelWidth, LABEL_FONT_PX, textWidth } from "@/lib/layout/labels";
import * as network from "@/lib/layout/network";
import * as timeline from "@/lib/layout/timeline";

describe("textWidth: the one text-width estimate of both views", () => {
  it("weighs characters: capitals 0.68 em, digits 0.64 em, i l . , ' space and hyphen 0.3 em, the rest 0.56 em", () => {
    // "Iran": I + r + a + n = 0.68 + 3 × 0.56 = 2.36 em; at 12 px, 28.32 px, rounded up.
    expect(textWidth("Iran", 12)).toBe(29);
    // "Lavrov": 0.68 + 5 × 0.56 = 3.48 em → 41.76 px.
    expect(textWidth("Lavrov", 12)).toBe(42);
    // Seven narrow characters at 10 px: 7 × 0.3 em = 21 px.
    expect(textWidth("il.,' -", 10)).toBe(21);
    // A year on the time axis at 11 px: 4 × 0.64 em = 28.16 px.
    expect(textWidth("2024", 11)).toBe(29);
    expect(textWidth("", 12)).toBe(0);
  });

  it("estimates bold text a fifth wider", () => {
    // "Iran" bold at 12 px: 28.32 × 1.2 = 33.98 px.
    expect(textWidth("Iran", 12, true)).toBe(34);
    expect(textWidth("Gaza 2023", 12, true)).toBeGreaterThan(textWidth("Gaza 2023", 12));
  });

  it("counts a code point once, whatever its length in UTF-16", () => {
    expect(textWidth("😀", 10)).toBe(textWidth("x", 10));
  });

  it("is the estimate the time axis and the network both lay out with", () => {
    expect(timeline.textWidth).toBe(textWidth);
    expect(network.textWidth).toBe(textWidth);
    expect(timeline.fitText).toBe(fitText);
  });

  it("gives a network label box its text and two pixels either side", () => {
    // "Lavrov" at the network's 12 px: 42 + 4.
    expect(LABEL_FONT_PX).toBe(12);
    expect(labelWidth("Lavrov")).toBe(46);
    expect(labelWidth("Lavrov", 11)).toBe(textWidth("Lavrov", 11) + 4);
  });
});

describe("fitText", () => {
  it("keeps a text that fits as it is", () => {
    expect(fitText("Iran", 29, 12)).toBe("Iran");
  });

  it("cuts a text that does not fit, ellipsis (1 em) included", () => {
    // 100 px at 12 px is 8.33 em: the ellipsis and "Lavrov and Ami" (7.3 em) fit, one more "r" does not.
    expect(fitText("Lavrov and Amir-Abdollahian speak by phone", 100, 12)).toBe("Lavrov and Ami…");
    // The space before a cut is dropped: "Lavrov " + … is cut back to "Lavrov…".
    expect(fitText("Lavrov and Amir-Abdollahian", 61, 12)).toBe("Lavrov…");
  });

  it("returns nothing when not even one letter and the ellipsis fit", () => {
    // "L" and the ellipsis: 1.68 em = 20.2 px at 12 px.
    expect(fitText("Lavrov", 20, 12)).toBe("");
    expect(fitText("Lavrov", 21, 12)).toBe("L…");
  });

  it("always fits: the result is a prefix of the text, within the width, bold or not", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 80 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 8, max: 16 }),
        fc.boolean(),
        (text, max, font, bold) => {
          const out = fitText(text, max, font, bold);
          if (out === text) return textWidth(text, font, bold) <= max;
          if (out === "") return true;
          return out.endsWith("…") && text.startsWith(out.slice(0, -1)) && textWidth(out, font, bold) <= max;
        },
      ),
    );
  });
});

describe("fitWords: a mark's label cut at a word's end, so its name holds it word for word", () => {
  it("keeps a text that fits, and cuts back to the last whole word before the ellipsis", () => {
    expect(fitWords("Iran", 29, 12)).toBe("Iran");
    // "US air strike at B" and the ellipsis are 9.88 em, 119 px at 12 px; "Ba…" would be 126: fitText gives
    // "US air strike at B…" at 120 px, and "B" is no word of the title.
    expect(fitText("US air strike at Baghdad airport", 120, 12)).toBe("US air strike at B…");
    expect(fitWords("US air strike at Baghdad airport", 120, 12)).toBe("US air strike at…");
    // A cut at a word's end keeps its word; a colon or comma before the cut is dropped.
    expect(fitWords("Lavrov and Amir-Abdollahian", 61, 12)).toBe("Lavrov…");
    // "Sullivan: t…" (6.24 em, 75 px) fits 80 px, "Sullivan: th…" (82 px) does not.
    expect(fitWords("Sullivan: the US intelligence community", 80, 12)).toBe("Sullivan…");
  });

  it("stops before a parenthesis the cut would leave open, and gives nothing when no word fits", () => {
    // "Senior official (unnamed by…" (14.42 em, 174 px) fits 176 px and ends at a word, but leaves its
    // parenthesis open: a name's words skip a parenthesis whole, so the label stops before it.
    expect(fitText("Senior official (unnamed by the report) says", 176, 12)).toBe(
      "Senior official (unnamed by…",
    );
    expect(fitWords("Senior official (unnamed by the report) says", 176, 12)).toBe("Senior official…");
    expect(fitWords("Amir-Abdollahian speaks", 60, 12)).toBe("");
  });

  it("always fits, with whole words of the text", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("Iran", "al-Aqsa", "US", "(unnamed)", "a", "Lavrov:", "—"), {
          maxLength: 12,
        }),
        fc.integer({ min: 0, max: 300 }),
        (words, max) => {
          const text = words.join(" ");
          const out = fitWords(text, max, 12);
          if (out === text) return textWidth(text, 12) <= max;
          if (out === "") return true;
          const head = out.slice(0, -1);
          // What the label leaves out starts at a word's end: dropped punctuation, then a space.
          return (
            out.endsWith("…") &&
            text.startsWith(head) &&
            /^[,;:\u2013\u2014-]*\s/.test(text.slice(head.length)) &&
            head.split("(").length === head.split(")").length &&
            textWidth(out, 12) <= max
          );
        },
      ),
    );
  });
});

describe("boxesOverlap", () => {
  const box = { x0: 0, y0: 0, x1: 10, y1: 10 };
  it("ignores a pixel of contact: estimated glyph boxes rarely fill their edges", () => {
    expect(boxesOverlap(box, { x0: 9, y0: 0, x1: 20, y1: 10 })).toBe(false);
    expect(boxesOverlap(box, { x0: 8, y0: 0, x1: 20, y1: 10 })).toBe(true);
    expect(boxesOverlap(box, { x0: 0, y0: 10, x1: 10, y1: 20 })).toBe(false);
    expect(boxesOverlap(box, { x0: 2, y0: 2, x1: 4, y1: 4 })).toBe(true);
  });
});
