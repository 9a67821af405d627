import { describe, expect, it } from "vitest";
import { extractFile } from "@/lib/import";
import { extractMarkdown } from "@/lib/import/formats/markdown";
import { splitFrontMatter } from "@/lib/import/formats/front-matter";
import { cleanMetadata } from "@/lib/import/metadata";
import { fixture } from "./helpers";

describe("the notes.md fixture", () => {
  it("becomes readable paragraphs with front-matter metadata", async () => {
    const result = await extractFile({ name: "notes.md", bytes: fixture("notes.md") });
    expect(result).toMatchObject({
      ok: true,
      format: "md",
      metadata: {
        title: "Briefing: the northern corridor",
        authors: ["Lena Berg", "Tomas Novak"],
        published: "2024-02-29",
        url: "https://example.org/briefing",
        language: "de",
      },
    });
    if (!result.ok) return;
    expect(result.text!.split("\n\n")).toEqual([
      "Heading that is not the title",
      "Intro paragraph with bold, emphasis and a link to the source. It continues on a second line.",
      "Key points",
      "Checkpoint closed on 2 February",
      "300 families displaced",
      "nested detail",
      "Quoted statement from an official.",
      "raw  data   kept\n  as is",
      "place | count",
      "Alpha | 3",
      "Closing line with inline html and code.",
    ]);
    for (const bad of ["MD_SCRIPT", "alert", "map.png", "a map", "https://example.org/source", "**", "---", "title:"]) {
      expect(result.text).not.toContain(bad);
    }
  });
});

const text = (md: string) => extractMarkdown(md).text;

describe("markdown to text rules", () => {
  it.each<[string, string, string]>([
    ["heading markers dropped", "## Title ##\n\nBody", "Title\n\nBody"],
    ["setext heading", "Title\n=====\n\nBody", "Title\n\nBody"],
    ["emphasis dropped", "a *b* __c__ ~~d~~", "a b c d"],
    ["link becomes its text", "see [the report](https://x.example) now", "see the report now"],
    ["reference link becomes its text", "see [the report][r]\n\n[r]: https://x.example", "see the report"],
    ["autolink keeps the URL as text", "<https://x.example>", "https://x.example"],
    ["image dropped", "before ![alt text](pic.png) after", "before  after"],
    ["inline code kept", "run `npm test` now", "run npm test now"],
    ["fenced code kept as written", "```js\nconst  a = 1;\n```", "const  a = 1;"],
    ["indented code kept", "    x  =  1", "x  =  1"],
    ["soft line break becomes a space", "one\ntwo", "one two"],
    ["hard line break kept", "one  \ntwo", "one\ntwo"],
    ["escaped characters unescaped", "\\*not emphasis\\*", "*not emphasis*"],
    ["ordered list items are paragraphs", "1. a\n2. b", "a\n\nb"],
    ["loose list items", "- a\n\n- b", "a\n\nb"],
    ["blockquote text kept", "> quoted\n> more", "quoted more"],
    ["horizontal rule dropped", "a\n\n---\n\nb", "a\n\nb"],
    ["block HTML goes through the HTML renderer", "<div>\n<p>in html</p>\n</div>", "in html"],
    ["block script dropped", "<script>\nalert(1)\n</script>\n\nafter", "after"],
    ["inline script dropped", "before <script>alert(1)</script> after", "before  after"],
    ["inline style dropped", "a <style>p{}</style> b", "a  b"],
    ["inline tags dropped, their text kept", "a <b>bold</b> c", "a bold c"],
    ["event handler attributes never appear", 'x <img src=y onerror="alert(1)"> z', "x  z"],
    ["a script opened inline and closed blocks later hides what is between", "a <script>\n\nalert(1)\n\n- alert(2)\n\n</script> tail\n\nnext", "a\n\ntail\n\nnext"],
    ["an unclosed inline script hides the rest of the file", "a <script>\n\nalert(1)", "a"],
  ])("%s", (_name, md, expected) => {
    expect(text(md)).toBe(expected);
  });
});

describe("markdown metadata", () => {
  it("title from the first # heading without front matter", () => {
    expect(extractMarkdown("intro\n\n## Sub\n\n# The *Title*\n\n# Second").raw.title).toBe("The Title");
  });

  it("no title when there is no level-1 heading", () => {
    expect(extractMarkdown("## Sub\n\ntext").raw.title).toBeUndefined();
  });

  it("front matter title wins over the heading, and the front matter is not text", () => {
    const r = extractMarkdown("---\ntitle: FM\n---\n# Heading\n\nBody");
    expect(r.raw.title).toBe("FM");
    expect(r.text).toBe("Heading\n\nBody");
  });

  it.each<[string, string, Partial<ReturnType<typeof cleanMetadata>>]>([
    ["single author, quoted title", `---\ntitle: 'Quoted: yes'\nauthor: Ada Lovelace\n---\n`, { title: "Quoted: yes", authors: ["Ada Lovelace"] }],
    ["inline author list", `---\nauthors: [A One, "B Two"]\n---\n`, { authors: ["A One", "B Two"] }],
    ["dash author list", `---\nauthors:\n  - A One\n  - B Two\ndate: 2024-05\n---\n`, { authors: ["A One", "B Two"], published: "2024-05" }],
    ["published and language keys", `---\npublished: 2023-01-02T00:00:00Z\nlanguage: en_GB\npublisher: Example\n---\n`, { published: "2023-01-02", language: "en-GB", publisher: "Example" }],
    ["YAML comment after a value", `---\ntitle: Real # comment\n---\n`, { title: "Real" }],
    ["markup in front matter removed", `---\ntitle: <b>Bold</b>\n---\n`, { title: "Bold" }],
  ])("%s", (_name, md, expected) => {
    expect(cleanMetadata(extractMarkdown(md + "body").raw)).toMatchObject(expected);
  });

  it("front matter must be at the very start", () => {
    const { fields, body } = splitFrontMatter("intro\n---\ntitle: x\n---\n");
    expect(fields.size).toBe(0);
    expect(body).toBe("intro\n---\ntitle: x\n---\n");
  });

  it("front matter after a BOM and with CRLF line ends", () => {
    const { fields, body } = splitFrontMatter("\uFEFF---\r\ntitle: x\r\n---\r\nbody");
    expect(fields.get("title")).toEqual(["x"]);
    expect(body).toBe("body");
  });
});
