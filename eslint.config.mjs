import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * Next's recommended rules, plus the one-way import rule of docs/ARCHITECTURE.md: lib never imports React
 * or Next.
 */
const config = [
  ...nextVitals,
  ...nextTs,
  {
    files: ["lib/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "zustand", message: "lib/ stays free of React: use zustand/vanilla." }],
          patterns: [
            {
              group: ["react", "react-dom", "react/*", "next", "next/*", "zustand/react", "zustand/react/*"],
              message: "lib/ stays free of React and Next (use zustand/vanilla).",
            },
            {
              group: ["@/components/*", "@/app/*", "../../components/*", "../../app/*"],
              message: "Imports point app → components → lib.",
            },
          ],
        },
      ],
    },
  },
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
