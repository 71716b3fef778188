import type { GraphNode } from "@/lib/select/graph";

const f = (v: number) => String(Math.round(v * 100) / 100);

/**
 * The outline of a node centred on (0, 0): a circle for a state, a diamond for a person, a square for an
 * organization, a triangle for media, a hexagon for an armed group; the grouped "others" node is a circle
 * (drawn dashed). Shapes are scaled to look about as large as a circle of radius `r`.
 */
export function nodeShape(kind: GraphNode["kind"], r: number): string {
  switch (kind) {
    case "person": {
      const d = r * 1.25;
      return `M0,${f(-d)}L${f(d)},0L0,${f(d)}L${f(-d)},0Z`;
    }
    case "organization": {
      const h = r * 0.9;
      return `M${f(-h)},${f(-h)}H${f(h)}V${f(h)}H${f(-h)}Z`;
    }
    case "media": {
      const R = r * 1.3;
      return `M0,${f(-R)}L${f(R * 0.866)},${f(R * 0.5)}L${f(-R * 0.866)},${f(R * 0.5)}Z`;
    }
    case "group": {
      const R = r * 1.08;
      const pts = [0, 1, 2, 3, 4, 5].map((i) => {
        const a = (Math.PI / 3) * i + Math.PI / 6;
        return `${f(R * Math.cos(a))},${f(R * Math.sin(a))}`;
      });
      return `M${pts.join("L")}Z`;
    }
    default:
      return `M${f(-r)},0A${f(r)},${f(r)} 0 1 0 ${f(r)},0A${f(r)},${f(r)} 0 1 0 ${f(-r)},0Z`;
  }
}

/** Legend labels of node shapes. */
export const SHAPE_LABEL: Record<GraphNode["kind"], string> = {
  state: "State",
  person: "Person",
  organization: "Organization",
  media: "Media",
  group: "Armed group",
  others: "Other actors (grouped)",
};
