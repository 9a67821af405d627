import { describe, expect, it } from "vitest";
import { extractFile } from "@/lib/import";
import { extractHtml } from "@/lib/import/formats/html";
import { htmlFragmentToText } from "@/lib/import/formats/html-render";
import { cleanMetadata } from "@/lib/import/metadata";
import { fixture } from "./helpers";

const page = (body: string, head = "") => `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;
const textOf = (body: string) => extractHtml(page(body)).text;
const metaOf = (head: string, body = "<p>x</p>", htmlAttrs = "") =>
  cleanMetadata(extractHtml(`<!DOCTYPE html><html ${htmlAttrs}><head>${head}</head><body>${body}</body></html>`).raw);

describe("the article.html fixture", async () => {
  const result = await extractFile({ name: "article.html", bytes: fixture("article.html") });
  if (!result.ok) throw new Error(result.error.message);
  const text = result.text!;

  it("keeps the article's paragraphs, in order, separated by blank lines", () => {
    expect(text.split("\n\n")).toEqual([
      "Market attack leaves 12 dead",
      "The attack on 18 April killed 12 people, officials said \u2014 and wounded\u00a040 more.",
      "Residents described chaos at the central market.",
      "Shops stayed closed.",
      "First aid tents",
      "Road closures",
      "We heard two blasts.",
      "  Casualties:\n    dead    12\n    injured 40",
      "Dead 12",
      "Injured 40",
      "Published 18 April.",
    ]);
  });

  it("contains no script text, event handlers or markup", () => {
    for (const bad of ["alert", "onerror", "SCRIPT_IN_HEAD", "SCRIPT_IN_BODY", "tracking", "font-family", "<", ">"]) {
      expect(text).not.toContain(bad);
    }
  });

  it.each(["HEADER_TEXT", "NAV_TEXT", "ROLE_NAV_TEXT", "HIDDEN_TEXT", "STYLE_HIDDEN_TEXT", "NOSCRIPT_TEXT", "TEMPLATE_TEXT", "IFRAME_TEXT", "SVG_TEXT", "BUTTON_TEXT", "ASIDE_TEXT", "FOOTER_TEXT"])(
    "drops %s",
    (marker) => expect(text).not.toContain(marker),
  );

  it("reads the metadata", () => {
    expect(result.metadata).toEqual({
      title: "Market attack leaves 12 dead",
      authors: ["Sam Reporter"],
      publisher: "Example News",
      published: "2024-04-19",
      url: "https://news.example.org/2024/04/market-attack",
      language: "en-GB",
    });
    expect(result.notes.join(" ")).toContain("<article>");
  });
});

describe("dropped elements", () => {
  it.each([
    ["script", "<script>var a = 'X'</script>"],
    ["script with type", "<script type='application/ld+json'>{\"X\":1}</script>"],
    ["style", "<style>.X{}</style>"],
    ["noscript", "<noscript>X</noscript>"],
    ["template", "<template><p>X</p></template>"],
    ["iframe", "<iframe>X</iframe>"],
    ["object", "<object><p>X</p></object>"],
    ["svg", "<svg><text>X</text></svg>"],
    ["nav", "<nav>X</nav>"],
    ["page header", "<header>X</header>"],
    ["footer", "<footer>X</footer>"],
    ["aside", "<aside>X</aside>"],
    ["form", "<form><label>X</label></form>"],
    ["button", "<button>X</button>"],
    ["textarea", "<textarea>X</textarea>"],
    ["select", "<select><option>X</option></select>"],
    ["role=navigation", "<div role='navigation'>X</div>"],
    ["role=banner", "<div role='banner'>X</div>"],
    ["role=contentinfo", "<div role='contentinfo'>X</div>"],
    ["role in upper case", "<div role='Navigation'>X</div>"],
    ["hidden attribute", "<p hidden>X</p>"],
    ["aria-hidden", "<span aria-hidden='true'>X</span>"],
    ["display:none", "<div style='color:red; display : none'>X</div>"],
    ["visibility:hidden", "<div style='visibility:hidden'>X</div>"],
    ["unclosed script swallows the rest", "<script>X"],
  ])("%s", (_name, html) => {
    expect(textOf(`<p>kept</p>${html}`)).toBe("kept");
  });

  it("keeps an <article>'s own <header> (headline and byline)", () => {
    expect(textOf("<header>SITE</header><article><header><h1>Headline</h1></header><p>Body</p></article>")).toBe("Headline\n\nBody");
  });

  it("never emits attribute values", () => {
    expect(textOf(`<p><img src=x onerror="alert(1)"><a href="javascript:alert(2)" onclick="y()">link</a></p>`)).toBe("link");
  });
});

describe("blocks and whitespace", () => {
  it.each<[string, string, string]>([
    ["paragraphs", "<p>a</p><p>b</p>", "a\n\nb"],
    ["divs and sections", "<div>a</div><section>b</section>", "a\n\nb"],
    ["headings", "<h2>T</h2><p>b</p>", "T\n\nb"],
    ["list items", "<ul><li>a</li><li>b</li></ul>", "a\n\nb"],
    ["br breaks a paragraph", "<p>a<br>b</p>", "a\n\nb"],
    ["blockquote", "x<blockquote>q</blockquote>y", "x\n\nq\n\ny"],
    ["table rows are blocks, cells are spaced", "<table><tr><td>a</td><td>b</td></tr><tr><th>c</th><td>d</td></tr></table>", "a b\n\nc d"],
    ["inline elements do not break", "<p>a<b>b</b><em>c</em> <span>d</span></p>", "abc d"],
    ["whitespace collapses inside a block", "<p>  a \n\t  b  </p>", "a b"],
    ["empty blocks leave no blank paragraphs", "<p> </p><div><p>a</p></div><p></p>", "a"],
    ["pre keeps its whitespace", "<pre>\n  a\n    b  </pre>", "  a\n    b"],
    ["pre drops script inside it", "<pre>a<script>X</script>b</pre>", "ab"],
    ["entities are decoded", "<p>&lt;b&gt; &amp; &eacute; &#x2014; &quot;</p>", "<b> & é — \""],
    ["comments are dropped", "<p>a<!-- X -->b</p>", "ab"],
  ])("%s", (_name, body, expected) => {
    expect(textOf(body)).toBe(expected);
  });

  it("htmlFragmentToText works without <html>/<body>", () => {
    expect(htmlFragmentToText("<div>a</div><script>X</script><p>b</p>")).toBe("a\n\nb");
  });
});

describe("choosing the main text", () => {
  it.each<[string, string, string]>([
    ["prefers <article>", "<div>chrome</div><article><p>story</p></article>", "story"],
    ["takes the longest of several articles", "<article>short</article><article>the much longer story</article>", "the much longer story"],
    ["falls back to <main>", "<div>chrome</div><main><p>story</p></main>", "story"],
    ["uses <main> when the article is a small teaser inside it", `<main><p>${"long story ".repeat(20).trim()}</p><article>teaser</article></main>`, "long story ".repeat(20).trim() + "\n\nteaser"],
    ["uses <body> when there is neither", "<div>a</div><p>b</p>", "a\n\nb"],
    ["ignores an article hidden inside a nav", "<nav><article>menu</article></nav><p>body</p>", "body"],
    ["ignores an empty article", "<article><script>X</script></article><p>body</p>", "body"],
  ])("%s", (_name, body, expected) => {
    expect(textOf(body)).toBe(expected);
  });

  it("reads deeply nested markup (thousands of unclosed inline tags) without overflowing the stack", async () => {
    const deep = `<!DOCTYPE html><body><p>start</p>${"<font>".repeat(50_000)}deep <b>text</b><pre> x</pre></body>`;
    const result = await extractFile({ name: "deep.html", bytes: new TextEncoder().encode(deep) });
    expect(result).toMatchObject({ ok: true, text: "start\n\ndeep text\n\n x" });
  });

  it("reads a document without <body>", () => {
    expect(extractHtml("<p>a</p><p>b</p>").text).toBe("a\n\nb");
  });
});

describe("metadata", () => {
  it.each<[string, string, string]>([
    ["og:title wins over <title>", `<meta property="og:title" content="OG"><title>Doc | Site</title>`, "OG"],
    ["twitter:title next", `<meta name="twitter:title" content="TW"><title>Doc</title>`, "TW"],
    ["<title> next", "<title> Doc  title </title>", "Doc title"],
  ])("title: %s", (_name, head, expected) => {
    expect(metaOf(head).title).toBe(expected);
  });

  it("title falls back to the main text's first <h1>", () => {
    expect(metaOf("", "<article><h1>Headline <em>here</em></h1><p>x</p></article>").title).toBe("Headline here");
  });

  it("authors from every meta[name=author], split on ';'", () => {
    expect(metaOf(`<meta name="author" content="A; B"><meta name="author" content="C"><meta name="dc.creator" content="D">`).authors).toEqual(["A", "B", "C", "D"]);
  });

  it.each<[string, string, string, string]>([
    ["article:published_time", `<meta property="article:published_time" content="2024-04-19T07:00:00Z"><meta name="date" content="2020-01-01">`, "", "2024-04-19"],
    ["meta[name=date]", `<meta name="date" content="2023-05">`, "", "2023-05"],
    ["itemprop datePublished", `<meta itemprop="datePublished" content="2022-03-04">`, "", "2022-03-04"],
    ["<time datetime> in the main text", "", `<article><p>x <time datetime="2021-06-07T10:00">June</time></p></article>`, "2021-06-07"],
  ])("published from %s", (_name, head, body, expected) => {
    expect(metaOf(head, body || "<p>x</p>").published).toBe(expected);
  });

  it.each<[string, string, string | undefined]>([
    ["canonical link", `<link rel="canonical" href="https://a.example/x"><meta property="og:url" content="https://b.example/y">`, "https://a.example/x"],
    ["og:url when no canonical", `<meta property="og:url" content="https://b.example/y">`, "https://b.example/y"],
    ["relative canonical resolved against og:url", `<link rel="canonical" href="/x"><meta property="og:url" content="https://b.example/y">`, "https://b.example/x"],
    ["relative canonical alone is dropped", `<link rel="canonical" href="/x">`, undefined],
    ["javascript: URL dropped", `<link rel="canonical" href="javascript:alert(1)">`, undefined],
  ])("url: %s", (_name, head, expected) => {
    expect(metaOf(head).url).toBe(expected);
  });

  it("publisher from og:site_name, language from <html lang>", () => {
    const meta = metaOf(`<meta property="og:site_name" content=" Example <b>News</b> ">`, "<p>x</p>", `lang="pt-br"`);
    expect(meta.publisher).toBe("Example News");
    expect(meta.language).toBe("pt-BR");
  });

  it("language falls back to og:locale", () => {
    expect(metaOf(`<meta property="og:locale" content="en_US">`).language).toBe("en-US");
  });

  it("metadata never contains markup even when the page tries", () => {
    const meta = metaOf(`<meta property="og:title" content="&lt;script&gt;alert(1)&lt;/script&gt;Real"><meta name="author" content="<img src=x onerror=alert(1)>Eve">`);
    expect(meta.title).toBe("alert(1) Real");
    expect(meta.authors).toEqual(["Eve"]);
  });
});
