import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

// Next loads its polyfill module on every page whatever the targets; every browser the app supports has all
// of it (Lighthouse counted 11.9 KiB of legacy JavaScript). next.config.ts resolves it to nothing on the
// client, and leaves the server build alone.
describe("the client build", () => {
  it("resolves Next's polyfill module to nothing, on the client only", async () => {
    const config = (await import("@/next.config")).default;
    // Where app-globals.js's `require("../build/polyfills/polyfill-module")` lands, without its extension.
    const target = createRequire(import.meta.url)
      .resolve("next/dist/build/polyfills/polyfill-module")
      .replace(/\.js$/, "");
    const client = { resolve: { alias: {} as Record<string, string | false> } };
    const webpack = config.webpack as unknown as (
      c: typeof client,
      o: { isServer: boolean },
    ) => typeof client;
    expect(webpack(client, { isServer: false }).resolve.alias).toEqual({ [target]: false });
    const server = { resolve: { alias: {} as Record<string, string | false> } };
    expect(webpack(server, { isServer: true }).resolve.alias).toEqual({});
  });
});
