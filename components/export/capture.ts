import type { ViewDrawing } from "@/lib/export/image";
import { placeSvg } from "@/lib/export/image";

// The views draw with CSS classes (modules); an exported SVG has no stylesheet, so each element's computed
// presentation is copied onto it as inline style. Only properties that change how SVG paints are copied.
const PROPS = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-opacity",
  "stroke-dasharray",
  "stroke-linecap",
  "stroke-linejoin",
  "opacity",
  "font-family",
  "font-size",
  "font-weight",
  "font-style",
  "text-anchor",
  "dominant-baseline",
  "paint-order",
  "visibility",
] as const;

/** A copy of a drawing with its computed style inlined and what is not painted left out. */
function inlineStyles(source: SVGSVGElement): SVGSVGElement {
  const clone = source.cloneNode(true) as SVGSVGElement;
  const from = [source, ...source.querySelectorAll("*")];
  const to = [clone, ...clone.querySelectorAll("*")];
  const drop: Element[] = [];
  from.forEach((el, i) => {
    const target = to[i] as SVGElement | undefined;
    if (!target) return;
    const cs = getComputedStyle(el);
    if (cs.display === "none") return drop.push(target);
    target.setAttribute("style", PROPS.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(";"));
    target.removeAttribute("class");
    // Focus outlines and the like are the page's, not the chart's.
    target.removeAttribute("tabindex");
  });
  drop.forEach((el) => el.remove());
  return clone;
}

/** The drawings (SVGs at least 200 px wide) of a view, outside any other SVG and shown on screen. */
function drawingsOf(region: Element): SVGSVGElement[] {
  return [...region.querySelectorAll("svg")].filter((svg) => {
    if (svg.parentElement?.closest("svg")) return false;
    const r = svg.getBoundingClientRect();
    return r.width >= 200 && r.height >= 40 && getComputedStyle(svg).display !== "none";
  });
}

/**
 * One view's drawing as it is on screen: its SVGs (the timeline has an overview and a panel per episode) at
 * their places relative to each other, styles inlined, as one SVG. Null when the view draws nothing.
 */
export function captureView(region: Element, title: string): ViewDrawing | null {
  const svgs = drawingsOf(region);
  if (svgs.length === 0) return null;
  const rects = svgs.map((s) => s.getBoundingClientRect());
  const left = Math.min(...rects.map((r) => r.left));
  const top = Math.min(...rects.map((r) => r.top));
  const width = Math.ceil(Math.max(...rects.map((r) => r.right)) - left);
  const height = Math.ceil(Math.max(...rects.map((r) => r.bottom)) - top);
  const serializer = new XMLSerializer();
  const inner = svgs
    .map((svg, i) => {
      const r = rects[i]!;
      const clone = inlineStyles(svg);
      if (!clone.getAttribute("viewBox")) clone.setAttribute("viewBox", `0 0 ${r.width} ${r.height}`);
      return placeSvg(
        serializer.serializeToString(clone),
        Math.round(r.left - left),
        r.top - top,
        r.width,
        r.height,
      );
    })
    .join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${inner}</svg>`;
  return { title, svg, width, height };
}
