import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * The layers inside lib/, lowest first: a module may import from its own layer and the layers before it,
 * never from a later one (docs/ARCHITECTURE.md). `select` and `layout` are two layers, so that a layout may
 * use a selector's graph but no selector depends on a layout.
 */
const LIB_LAYERS = ["util", "model", "time", "data", "select", "layout", "source", "view", "story", "export"];

/** Import patterns that reach a lib layer, relative or through the `@/` alias. */
const layerPatterns = (layer) => [`../${layer}`, `../${layer}/*`, `@/lib/${layer}`, `@/lib/${layer}/*`];

/** lib never imports React or Next, nor anything above it (app, components). */
const LIB_BASE = [
  {
    group: ["react", "react-dom", "react/*", "next", "next/*", "zustand/react", "zustand/react/*"],
    message: "lib/ stays free of React and Next (use zustand/vanilla).",
  },
  {
    group: ["@/components/*", "@/app/*", "../../components/*", "../../app/*"],
    message: "Imports point app → components → lib.",
  },
];

/** One config per lib layer: the base rule plus every later layer refused, named in the message. */
const layerConfigs = LIB_LAYERS.map((layer, i) => ({
  files: [`lib/${layer}/**/*.ts`],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        paths: [{ name: "zustand", message: "lib/ stays free of React: use zustand/vanilla." }],
        patterns: [
          ...LIB_BASE,
          ...LIB_LAYERS.slice(i + 1).map((later) => ({
            group: layerPatterns(later),
            message: `lib/${layer} may not import lib/${later}: the order is ${LIB_LAYERS.join(" → ")}.`,
          })),
        ],
      },
    ],
  },
}));

/**
 * Next's recommended rules, plus the one-way import rule of docs/ARCHITECTURE.md: lib never imports React
 * or Next, and inside lib each layer imports only from the layers before it.
 */
const config = [
  ...nextVitals,
  ...nextTs,
  ...layerConfigs,
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      "bench/.tmp/**",
    ],
  },
];
export default config;
