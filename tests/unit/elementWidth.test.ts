import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { useElementWidth, widthUpdate } from "@/components/useElementWidth";

describe("widthUpdate", () => {
  it("stores the first measurement in whole pixels", () => {
    expect(widthUpdate(null, 720.6)).toBe(720);
  });

  it("keeps the stored width for the same width (a resize of the height only) and sub-pixel jitter", () => {
    expect(widthUpdate(720, 720)).toBeNull();
    expect(widthUpdate(720, 720.9)).toBeNull();
    expect(widthUpdate(720, 719.2)).toBeNull();
  });

  it("follows a change of a pixel or more, measured from the stored width rather than the last reading", () => {
    // 559.9 is stored as 559; a box of 560.3 is 1.3 px away from it, so the network's wide layout (560 px
    // and up) is chosen, although the box grew by less than a pixel since the last reading.
    const first = widthUpdate(null, 559.9)!;
    expect(first).toBe(559);
    expect(widthUpdate(first, 560.3)).toBe(560);
    expect(widthUpdate(720, 700.5)).toBe(700);
  });
});

describe("useElementWidth", () => {
  /** Renders the hook's result on the server, where nothing can be measured. */
  function Probe({ fallback }: { fallback: number }) {
    const { width, measured } = useElementWidth<HTMLDivElement>(fallback);
    return createElement("div", { "data-width": width, "data-measured": String(measured) });
  }

  it("lays out at the fallback width, unmeasured, on the server (and so in the first paint)", () => {
    const html = renderToStaticMarkup(createElement(Probe, { fallback: 380 }));
    expect(html).toBe('<div data-width="380" data-measured="false"></div>');
  });
});
