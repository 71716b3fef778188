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

/** The opacity that goes with each paint: a colour's alpha moves there (SVG 1.1 colours have none). */
const OPACITY_OF: Partial<Record<string, string>> = {
  fill: "fill-opacity",
  stroke: "stroke-opacity",
  "stop-color": "stop-opacity",
  "flood-color": "flood-opacity",
};

let probe: CanvasRenderingContext2D | null | undefined;
const colours = new Map<string, { rgb: string; alpha: number } | null>();

/**
 * A computed colour as SVG 1.1 writes it: `rgb(r, g, b)` and its alpha apart. Computed colours come as
 * `rgba(…)`, `transparent`, or in newer syntaxes (`oklch(…)`, `color(srgb …)`) that Inkscape and other SVG
 * 1.1 readers do not know; Inkscape paints `rgba(0, 0, 0, 0)` black. A canvas normalises any of them. Null for
 * what is not a colour (`none`, `url(#…)`, `context-stroke`).
 */
function splitColour(value: string): { rgb: string; alpha: number } | null {
  const known = colours.get(value);
  if (known !== undefined) return known;
  let out: { rgb: string; alpha: number } | null = null;
  const direct = /^rgba?\(\s*(\d+)[,\s]+(\d+)[,\s]+(\d+)(?:\s*[,/]\s*([\d.]+)(%?))?\s*\)$/.exec(value);
  if (direct) {
    const a = direct[4] === undefined ? 1 : Number(direct[4]) / (direct[5] ? 100 : 1);
    out = { rgb: `rgb(${direct[1]}, ${direct[2]}, ${direct[3]})`, alpha: a };
  } else if (value !== "none" && !value.startsWith("url(") && !value.startsWith("context-")) {
    probe ??= document.createElement("canvas").getContext("2d");
    if (probe) {
      probe.fillStyle = "#010203";
      probe.fillStyle = value;
      const norm = String(probe.fillStyle);
      const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(norm);
      if (hex && !(norm === "#010203" && value !== "#010203"))
        out = {
          rgb: `rgb(${hex
            .slice(1)
            .map((h) => parseInt(h, 16))
            .join(", ")})`,
          alpha: 1,
        };
      else if (norm !== "#010203") out = splitColour(norm);
    }
  }
  colours.set(value, out);
  return out;
}

/**
 * The computed presentation of an element as SVG 1.1 properties: colours as `rgb()` (a transparent paint as
 * `none`), their alpha folded into the matching opacity.
 */
function presentation(cs: CSSStyleDeclaration): string {
  const values = new Map<string, string>(PROPS.map((p) => [p, cs.getPropertyValue(p)]));
  for (const [paint, opacity] of Object.entries(OPACITY_OF)) {
    const value = values.get(paint);
    if (value === undefined || !opacity) continue;
    const colour = splitColour(value);
    if (!colour) continue;
    if (colour.alpha === 0) values.set(paint, "none");
    else {
      values.set(paint, colour.rgb);
      if (colour.alpha < 1) values.set(opacity, String(Number(values.get(opacity) ?? "1") * colour.alpha));
    }
  }
  return [...values].map(([p, v]) => `${p}:${v}`).join(";");
}

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
    // What is not painted is left out: Inkscape 1.2 paints a `visibility: hidden` shape (a mark's focus ring).
    if (cs.display === "none" || (cs.visibility !== "visible" && el.childElementCount === 0))
      return drop.push(target);
    target.setAttribute("style", presentation(cs));
    target.removeAttribute("class");
    // Focus outlines and the like are the page's, not the chart's.
    target.removeAttribute("tabindex");
    // The inline style carries every property in PROPS, so the element's own presentation attributes for them
    // go (`fill="transparent"`, `fill="var(--kind-strike)"`: words SVG 1.1 readers do not know). Any other
    // attribute naming a CSS variable, which means nothing without the page's stylesheet, gets its computed value.
    for (const attr of [...target.attributes]) {
      if ((PROPS as readonly string[]).includes(attr.name)) {
        target.removeAttribute(attr.name);
        continue;
      }
      if (!attr.value.includes("var(")) continue;
      const computed = cs.getPropertyValue(attr.name);
      const colour = computed ? splitColour(computed) : null;
      if (colour) target.setAttribute(attr.name, colour.alpha === 0 ? "none" : colour.rgb);
      else if (computed && !computed.includes("var(")) target.setAttribute(attr.name, computed);
      else target.removeAttribute(attr.name);
    }
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

/** Room kept around a drawing's marks when it is cropped to them: strokes and markers reach past the box. */
const MARGIN = 4;
/** The most empty space kept between two rows of drawings (a view's overview and its panels). */
const MAX_GAP = 12;

/** A box in the page's CSS pixels. */
interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * The part of a drawing that has marks, in page pixels: its content's box (in its own user units, mapped through
 * its viewBox) with a margin, inside the drawing. A drawing's layout often leaves empty room (the network centres
 * its graph in a canvas sized for the panel); the export keeps the marks, not the room.
 */
function inkBox(svg: SVGSVGElement, r: DOMRect): Box {
  const whole = { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  let bb: DOMRect;
  try {
    bb = svg.getBBox();
  } catch {
    return whole;
  }
  if (bb.width <= 0 || bb.height <= 0) return whole;
  const vb = svg.viewBox.baseVal;
  const [vx, vy, vw, vh] = vb && vb.width > 0 ? [vb.x, vb.y, vb.width, vb.height] : [0, 0, r.width, r.height];
  const sx = r.width / vw;
  const sy = r.height / vh;
  return {
    left: Math.max(r.left, r.left + (bb.x - vx) * sx - MARGIN),
    top: Math.max(r.top, r.top + (bb.y - vy) * sy - MARGIN),
    right: Math.min(r.right, r.left + (bb.x + bb.width - vx) * sx + MARGIN),
    bottom: Math.min(r.bottom, r.top + (bb.y + bb.height - vy) * sy + MARGIN),
  };
}

/**
 * How far each box moves up so that no two rows of boxes are more than MAX_GAP apart (and the first starts at
 * the top): boxes that overlap vertically form a row; each row moves up by the empty space above it beyond that.
 */
export function closeGaps(boxes: readonly { top: number; bottom: number }[], maxGap = MAX_GAP): number[] {
  const order = boxes.map((_, i) => i).sort((a, b) => boxes[a]!.top - boxes[b]!.top);
  const shift: number[] = new Array<number>(boxes.length).fill(0);
  let rowBottom = -Infinity;
  let moved = 0;
  for (const i of order) {
    const b = boxes[i]!;
    if (b.top > rowBottom) moved += rowBottom === -Infinity ? b.top : Math.max(0, b.top - rowBottom - maxGap);
    shift[i] = moved;
    rowBottom = Math.max(rowBottom, b.bottom);
  }
  return shift;
}

/**
 * One view's drawing as it is on screen: its SVGs (the timeline has an overview and a panel per episode) at
 * their places relative to each other, styles inlined, as one SVG; each cropped to its marks and empty rows
 * between them closed up. Null when the view draws nothing.
 */
export function captureView(region: Element, title: string): ViewDrawing | null {
  const svgs = drawingsOf(region);
  if (svgs.length === 0) return null;
  const rects = svgs.map((s) => s.getBoundingClientRect());
  const inks = svgs.map((s, i) => inkBox(s, rects[i]!));
  const shifts = closeGaps(inks);
  const left = Math.min(...inks.map((b) => b.left));
  const width = Math.ceil(Math.max(...inks.map((b) => b.right)) - left);
  const height = Math.ceil(Math.max(...inks.map((b, i) => b.bottom - shifts[i]!)));
  const serializer = new XMLSerializer();
  const inner = svgs
    .map((svg, i) => {
      const r = rects[i]!;
      const ink = inks[i]!;
      const clone = inlineStyles(svg);
      const vb = svg.viewBox.baseVal;
      const [vx, vy, vw, vh] =
        vb && vb.width > 0 ? [vb.x, vb.y, vb.width, vb.height] : [0, 0, r.width, r.height];
      const sx = vw / r.width;
      const sy = vh / r.height;
      const crop = [
        vx + (ink.left - r.left) * sx,
        vy + (ink.top - r.top) * sy,
        (ink.right - ink.left) * sx,
        (ink.bottom - ink.top) * sy,
      ];
      clone.setAttribute("viewBox", crop.map((n) => +n.toFixed(2)).join(" "));
      return placeSvg(
        serializer.serializeToString(clone),
        Math.round(ink.left - left),
        ink.top - shifts[i]!,
        +(ink.right - ink.left).toFixed(2),
        +(ink.bottom - ink.top).toFixed(2),
      );
    })
    .join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${inner}</svg>`;
  return { title, svg, width, height };
}
