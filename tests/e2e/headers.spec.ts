import type { APIRequestContext } from "@playwright/test";
import { test, expect } from "./fixtures";

/** Headers every response carries, whatever the route. */
const FIXED_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
};

/** Features the Permissions-Policy must switch off (at least). */
const DISABLED_FEATURES = ["camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"];

/** The policy as directive name → sources. */
function directives(csp: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of csp.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), sources);
  }
  return map;
}

/** The nonce of a policy's script-src, or undefined. */
function nonceOf(csp: string | undefined): string | undefined {
  const source = directives(csp ?? "")
    .get("script-src")
    ?.find((s) => s.startsWith("'nonce-"));
  return source?.slice("'nonce-".length, -1);
}

/** A static file the page really loads: the first `<script src>` under /_next/static. */
async function staticScript(request: APIRequestContext): Promise<string> {
  const html = await (await request.get("/")).text();
  const src = /<script\b[^>]*\ssrc="(\/_next\/static\/[^"]+)"/.exec(html)?.[1];
  expect(src, "a <script src> under /_next/static in the page").toBeTruthy();
  return src!;
}

/** The routes to check: the page, the dataset route, a static file and the 404, with their status. */
async function routes(request: APIRequestContext) {
  return [
    { path: "/", status: 200, page: true },
    { path: "/dataset.json", status: 200, page: false },
    { path: "/dataset.jsonl", status: 200, page: false },
    { path: "/dataset.columns", status: 200, page: false },
    { path: await staticScript(request), status: 200, page: false },
    { path: "/no-such-page", status: 404, page: true },
  ];
}

test("every route sends the security headers, with a nonce-based script policy", async ({ request }) => {
  for (const { path, status } of await routes(request)) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(status);
    const headers = res.headers();
    for (const [name, value] of Object.entries(FIXED_HEADERS))
      expect(headers[name], `${name} on ${path}`).toBe(value);
    expect(headers["x-powered-by"], path).toBeUndefined();

    const permissions = (headers["permissions-policy"] ?? "").split(",").map((p) => p.trim());
    for (const feature of DISABLED_FEATURES)
      expect(permissions, `${feature} on ${path}`).toContain(`${feature}=()`);

    const csp = headers["content-security-policy"];
    expect(csp, `CSP on ${path}`).toBeTruthy();
    // One policy per response: a second one would be enforced too, and block what the first allows.
    expect(csp, path).not.toContain(",");
    const d = directives(csp!);
    expect(d.get("default-src"), path).toEqual(["'self'"]);
    expect(d.get("object-src"), path).toEqual(["'none'"]);
    expect(d.get("base-uri"), path).toEqual(["'self'"]);
    expect(d.get("form-action"), path).toEqual(["'self'"]);
    expect(d.get("frame-ancestors"), path).toEqual(["'none'"]);
    expect(d.get("connect-src"), path).toEqual(["'self'"]);
    expect(d.get("img-src"), path).toEqual(["'self'", "data:", "blob:"]);
    const scriptSrc = d.get("script-src") ?? [];
    expect(scriptSrc, path).toContain("'self'");
    expect(scriptSrc, path).not.toContain("'unsafe-inline'");
    expect(scriptSrc, path).not.toContain("'unsafe-eval'");
    expect(
      scriptSrc.every((s) => !s.includes("*") && !/^(https?|data|blob):/.test(s)),
      path,
    ).toBe(true);
  }
});

test("pages and the dataset route get a fresh nonce per request", async ({ request }) => {
  for (const { path } of (await routes(request)).filter((r) => !r.path.startsWith("/_next/static/"))) {
    const first = nonceOf((await request.get(path)).headers()["content-security-policy"]);
    const second = nonceOf((await request.get(path)).headers()["content-security-policy"]);
    expect(first, `nonce on ${path}`).toMatch(/^[A-Za-z0-9+/_-]{16,}={0,2}$/);
    expect(second, `nonce on ${path}`).toMatch(/^[A-Za-z0-9+/_-]{16,}={0,2}$/);
    expect(second, path).not.toBe(first);
    const scriptSrc = directives((await request.get(path)).headers()["content-security-policy"]!).get(
      "script-src",
    );
    expect(scriptSrc, path).toContain("'strict-dynamic'");
  }
});

test("every script in the page's HTML carries the response's nonce", async ({ request }) => {
  for (const path of ["/", "/?actors=russia&years=2024", "/no-such-page"]) {
    const res = await request.get(path);
    const nonce = nonceOf(res.headers()["content-security-policy"]);
    expect(nonce, path).toBeTruthy();
    const tags = (await res.text()).match(/<script\b[^>]*>/g) ?? [];
    // Next's inline RSC payload and bootstrap, its chunks, and the chunk-error listener.
    expect(tags.filter((t) => !/\ssrc=/.test(t)).length, `inline scripts in ${path}`).toBeGreaterThan(1);
    expect(tags.filter((t) => /\ssrc=/.test(t)).length, `script files in ${path}`).toBeGreaterThan(0);
    for (const tag of tags) expect(tag, path).toContain(` nonce="${nonce}"`);
  }
});

test("Strict-Transport-Security only when the request came over HTTPS", async ({ request }) => {
  for (const { path } of await routes(request)) {
    const plain = await request.get(path);
    expect(plain.headers()["strict-transport-security"], `HSTS over HTTP on ${path}`).toBeUndefined();
    const tls = await request.get(path, { headers: { "x-forwarded-proto": "https" } });
    const hsts = tls.headers()["strict-transport-security"];
    expect(hsts, `HSTS over HTTPS on ${path}`).toBeTruthy();
    expect(Number(/max-age=(\d+)/.exec(hsts ?? "")?.[1]), path).toBeGreaterThanOrEqual(31_536_000);
  }
});

test("the dashboard runs under the nonce policy without a single violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (m.text().includes("Content Security Policy")) violations.push(m.text());
  });
  await page.exposeFunction("reportCspViolation", (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { reportCspViolation: (v: string) => void }).reportCspViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      );
    });
  });

  const res = await page.goto("/");
  expect(nonceOf(res?.headers()["content-security-policy"])).toBeTruthy();
  // Hydrated: a filter button changes the URL (it would do nothing if Next's scripts had been blocked).
  await page
    .getByRole("region", { name: "Filters" })
    .getByRole("button", { name: "Damascus & April 2024", exact: true })
    .click();
  await expect(page).toHaveURL(/\/\?episode=april-2024$/);
  await expect(page.getByRole("alert").filter({ hasText: "failed to load" })).toHaveCount(0);
  expect(violations).toEqual([]);
});

test("only the embed (/?embed=1) may be framed, by any site; everything else by none", async ({
  request,
}) => {
  const framing = async (path: string) => {
    const h = (await request.get(path)).headers();
    return {
      xfo: h["x-frame-options"],
      ancestors: directives(h["content-security-policy"] ?? "").get("frame-ancestors"),
    };
  };
  expect(await framing("/?embed=1")).toEqual({ xfo: undefined, ancestors: ["*"] });
  expect(await framing("/?actors=russia&embed=1&views=network")).toEqual({
    xfo: undefined,
    ancestors: ["*"],
  });
  // Not the embed: another value, another page, or no embed key at all.
  for (const path of [
    "/?embed=0",
    "/?embed=yes",
    "/about?embed=1",
    "/dataset.json?embed=1",
    "/?actors=russia",
  ])
    expect(await framing(path), path).toEqual({ xfo: "DENY", ancestors: ["'none'"] });
  // Another site's iframe may load the embed (CORP cross-origin, which same-origin would block); nothing else
  // loosens on it.
  const h = (await request.get("/?embed=1")).headers();
  expect(h["cross-origin-resource-policy"]).toBe("cross-origin");
  for (const [name, value] of Object.entries(FIXED_HEADERS))
    if (name !== "x-frame-options" && name !== "cross-origin-resource-policy")
      expect(h[name], name).toBe(value);
});
