import type { EventKind } from "@/lib/model";

/** Shapes a mark can take; each kind of event gets its own shape and colour, so neither alone carries it. */
export type Glyph =
  | "circle"
  | "square"
  | "diamond"
  | "triangle-up"
  | "triangle-down"
  | "plus"
  | "cross"
  | "hexagon"
  | "star"
  | "star4"
  | "ring";

/**
 * Mark of each event kind: violent acts in reds (triangles), words in blues and teals, formal acts in
 * purples and greys. The colours are CSS variables (app/globals.css; the hex values, light and dark, are in
 * components/palette.ts), each 3:1 or more against its scheme's page and panels.
 */
export const KIND_STYLE: Record<EventKind, { color: string; glyph: Glyph }> = {
  strike: { color: "var(--kind-strike)", glyph: "triangle-up" },
  interception: { color: "var(--kind-interception)", glyph: "triangle-down" },
  condemnation: { color: "var(--kind-condemnation)", glyph: "square" },
  protest: { color: "var(--kind-protest)", glyph: "plus" },
  designation: { color: "var(--kind-designation)", glyph: "cross" },
  statement: { color: "var(--kind-statement)", glyph: "circle" },
  call: { color: "var(--kind-call)", glyph: "diamond" },
  meeting: { color: "var(--kind-meeting)", glyph: "hexagon" },
  agreement: { color: "var(--kind-agreement)", glyph: "star" },
  aid: { color: "var(--kind-aid)", glyph: "ring" },
  "fact-check": { color: "var(--kind-fact-check)", glyph: "star4" },
};

const round = (v: number) => Math.round(v * 100) / 100;

/** A closed path through points at alternating radii around the origin, starting straight up. */
function radial(points: number, radii: readonly number[], turn = 0): string {
  const n = points * radii.length;
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const a = (i / n) * 2 * Math.PI - Math.PI / 2 + turn;
    const r = radii[i % radii.length]!;
    parts.push(`${i === 0 ? "M" : "L"}${round(r * Math.cos(a))} ${round(r * Math.sin(a))}`);
  }
  return `${parts.join("")}Z`;
}

/** A plus of arm half-width `t` and reach `r`, rotated by `turn` radians. */
function plus(r: number, t: number, turn: number): string {
  const pts: [number, number][] = [
    [-t, -r],
    [t, -r],
    [t, -t],
    [r, -t],
    [r, t],
    [t, t],
    [t, r],
    [-t, r],
    [-t, t],
    [-r, t],
    [-r, -t],
    [-t, -t],
  ];
  const c = Math.cos(turn);
  const s = Math.sin(turn);
  return `${pts.map(([x, y], i) => `${i === 0 ? "M" : "L"}${round(x * c - y * s)} ${round(x * s + y * c)}`).join("")}Z`;
}

const cache = new Map<string, string>();

/** SVG path of a glyph of radius `r` centred on the origin (ring uses the even-odd rule for its hole). */
export function glyphPath(glyph: Glyph, r: number): string {
  const key = `${glyph}:${r}`;
  let path = cache.get(key);
  if (path === undefined) {
    path = buildGlyph(glyph, r);
    cache.set(key, path);
  }
  return path;
}

function buildGlyph(glyph: Glyph, r: number): string {
  switch (glyph) {
    case "circle":
      return `M${r} 0A${r} ${r} 0 1 1 ${-r} 0A${r} ${r} 0 1 1 ${r} 0Z`;
    case "ring": {
      const h = round(r * 0.45);
      return `M${r} 0A${r} ${r} 0 1 1 ${-r} 0A${r} ${r} 0 1 1 ${r} 0ZM${h} 0A${h} ${h} 0 1 0 ${-h} 0A${h} ${h} 0 1 0 ${h} 0Z`;
    }
    case "square": {
      const s = round(r * 0.85);
      return `M${-s} ${-s}H${s}V${s}H${-s}Z`;
    }
    case "diamond":
      return radial(4, [r * 1.15]);
    case "triangle-up":
      return radial(3, [r * 1.15], 0);
    case "triangle-down":
      return radial(3, [r * 1.15], Math.PI);
    case "hexagon":
      return radial(6, [r]);
    case "star":
      return radial(5, [r * 1.2, r * 0.5]);
    case "star4":
      return radial(4, [r * 1.2, r * 0.42]);
    case "plus":
      return plus(r, r * 0.36, 0);
    case "cross":
      return plus(r * 1.1, r * 0.34, Math.PI / 4);
  }
}
