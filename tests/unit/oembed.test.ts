// The oEmbed endpoint, by calling its GET with a Request, over the bundled dataset.
import { describe, expect, it } from "vitest";
import { GET } from "@/app/oembed/route";
import { embedBox, embedSnippet, EMBED_MIN, EMBED_SIZE, withEmbed } from "@/lib/export/embed";

const SITE = "http://atlas.example:3000";
const get = (query: string) => GET(new Request(`${SITE}/oembed?${query}`));
const url = (path: string) => `url=${encodeURIComponent(SITE + path)}`;

describe("/oembed", () => {
  it("answers a dashboard link with a rich iframe of its view, as an embed", async () => {
    const res = get(`${url("/?actors=russia,iran&years=2023-2024&stances=condemn")}&maxwidth=400`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      version: "1.0",
      type: "rich",
      provider_name: "Stance Atlas",
      width: 400,
      height: 320,
    });
    // The view state keeps actors sorted by id, so Iran comes first.
    expect(body.title).toBe("Stance Atlas: Iran, Russia · 2023–2024 · condemnations only");
    expect(body.html).toContain(
      `src="${SITE}/?actors=iran,russia&amp;years=2023-2024&amp;stances=condemn&amp;embed=1"`,
    );
    expect(body.html).toContain('loading="lazy"');
    expect(body.html).toContain('width="400" height="320"');
  });

  it("compares the link with the host the client asked for (Host header), as Next rewrites request.url", async () => {
    const asked = (host: string, link: string) =>
      GET(new Request(`http://localhost:3000/oembed?url=${encodeURIComponent(link)}`, { headers: { host } }));
    expect(asked("127.0.0.1:3478", "http://127.0.0.1:3478/?actors=russia").status).toBe(200);
    expect(asked("127.0.0.1:3478", "http://localhost:3000/?actors=russia").status).toBe(404);
  });

  it("drops a link's bad values, as the page does", async () => {
    const body = await get(url("/?actors=russia,nope&toString=1")).json();
    expect(body.html).toContain(`src="${SITE}/?actors=russia&amp;embed=1"`);
  });

  it("refuses other hosts, other pages and non-URLs with a 4xx, never a 5xx", async () => {
    expect(get(`url=${encodeURIComponent("https://evil.example/?actors=russia")}`).status).toBe(404);
    expect(get(url("/about")).status).toBe(404);
    expect(get(`url=${encodeURIComponent("javascript:alert(1)")}`).status).toBe(404);
    expect(get("url=not%20a%20url").status).toBe(400);
    expect(get("").status).toBe(400);
    expect(get(`${url("/")}&format=xml`).status).toBe(400);
  });
});

describe("the embed's box and snippet", () => {
  it("scales the default box down to the limits, keeping its shape, never below the minimum", () => {
    expect(embedBox()).toEqual(EMBED_SIZE);
    expect(embedBox("400", null)).toEqual({ width: 400, height: 320 });
    expect(embedBox("2000", "320")).toEqual({ width: 400, height: 320 });
    expect(embedBox("10", "10")).toEqual(EMBED_MIN);
    expect(embedBox("-5", "abc")).toEqual(EMBED_SIZE);
  });

  it("escapes what it puts in attributes", () => {
    expect(embedSnippet({ src: "/?q=a&b", title: 'He said "no" <b>' })).toContain(
      'src="/?q=a&amp;b" title="He said &quot;no&quot; &lt;b&gt;"',
    );
  });
});

describe("the embed's address and the full page's", () => {
  it("turns embed=1 on last and off, leaving the rest of the link as it is", () => {
    const page = "https://atlas.example/?actors=iran,russia&years=2023-2024";
    expect(withEmbed(page, true)).toBe("https://atlas.example/?actors=iran,russia&years=2023-2024&embed=1");
    expect(withEmbed(`${page}&embed=1`, false)).toBe(page);
    expect(withEmbed(`${page}&embed=1`, true)).toBe(`${page}&embed=1`);
    expect(withEmbed("https://atlas.example/?embed=1", false)).toBe("https://atlas.example/");
    expect(withEmbed("https://atlas.example/", true)).toBe("https://atlas.example/?embed=1");
  });
});
