/**
 * Markdown -> readable plain text, with marked's lexer (no HTML rendering).
 * Headings, paragraphs, list items, quotes, table rows and code blocks each become one paragraph,
 * separated by blank lines; markup is dropped, links become their text, images are dropped, code
 * blocks keep their text as written. Raw HTML goes through the HTML renderer, so <script> content
 * never reaches the text, whether the tag stands as a block or inline.
 * Title: front matter `title`, else the first level-1 heading. Authors, date, URL, language and
 * publisher come from front matter when present.
 */
import { marked, type Token, type Tokens } from "marked";
import type { RawMetadata } from "../metadata";
import { firstField, splitFrontMatter } from "./front-matter";
import { htmlFragmentToText } from "./html-render";

export type MarkdownExtract = { text: string; raw: RawMetadata; notes: string[] };

/** Inline raw-HTML elements whose content is code, skipped up to their closing tag. */
const SKIPPED_INLINE = /^<(script|style|template|noscript)\b/i;

const softBreaks = (s: string) => s.replace(/[ \t]*\n[ \t]*/g, " ");
const trimText = (s: string) => s.trim();

/**
 * While `skipping` names an element, everything up to its closing tag is dropped, across
 * paragraphs too: "<script>" in one paragraph and "</script>" blocks later hides what is between,
 * as a browser rendering the Markdown would treat it as script.
 */
type Ctx = { skipping: string | null };

const closeTag = (name: string) => new RegExp(`</${name}\\s*>`, "i");

function inlineText(tokens: Token[] | undefined, ctx: Ctx): string {
  let out = "";
  for (const t of tokens ?? []) {
    if (ctx.skipping) {
      if (t.type === "html" && closeTag(ctx.skipping).test(t.raw)) ctx.skipping = null;
      continue;
    }
    switch (t.type) {
      case "html": {
        const open = SKIPPED_INLINE.exec(t.raw.trim());
        if (open && !closeTag(open[1]).test(t.raw)) ctx.skipping = open[1].toLowerCase();
        else if (!open) out += htmlFragmentToText(t.raw); // a bare tag yields nothing; an inline element with text keeps it
        break;
      }
      case "image":
        break;
      case "br":
        out += "\n";
        break;
      case "codespan":
      case "escape":
        out += (t as Tokens.Codespan | Tokens.Escape).text;
        break;
      case "text":
        // Soft line breaks render as spaces; hard breaks arrive as "br" tokens and stay newlines.
        out += "tokens" in t && t.tokens ? inlineText(t.tokens, ctx) : softBreaks((t as Tokens.Text).text);
        break;
      default:
        out += "tokens" in t && Array.isArray(t.tokens) ? inlineText(t.tokens, ctx) : "text" in t ? String(t.text) : "";
    }
  }
  return out;
}


function blockTexts(tokens: Token[], out: string[], ctx: Ctx): void {
  for (const t of tokens) {
    // While skipping, inline content is dropped by inlineText (which also sees a closing tag
    // inside a paragraph); block-level raw HTML and code are handled here.
    if (ctx.skipping && (t.type === "html" || t.type === "code")) {
      const close = t.type === "html" ? closeTag(ctx.skipping).exec(t.raw) : null;
      if (close) {
        ctx.skipping = null;
        out.push(htmlFragmentToText(t.raw.slice(close.index + close[0].length)));
      }
      continue;
    }
    switch (t.type) {
      case "heading":
      case "paragraph":
        out.push(trimText(inlineText((t as Tokens.Heading | Tokens.Paragraph).tokens, ctx)));
        break;
      case "text": // loose text inside list items
        if ("tokens" in t && t.tokens) out.push(trimText(inlineText(t.tokens, ctx)));
        else if (!ctx.skipping) out.push(trimText(softBreaks((t as Tokens.Text).text)));
        break;
      case "code":
        out.push((t as Tokens.Code).text);
        break;
      case "blockquote":
        blockTexts((t as Tokens.Blockquote).tokens, out, ctx);
        break;
      case "list":
        for (const item of (t as Tokens.List).items) blockTexts(item.tokens, out, ctx);
        break;
      case "table": {
        const table = t as Tokens.Table;
        for (const row of [table.header, ...table.rows]) out.push(row.map((cell) => trimText(inlineText(cell.tokens, ctx))).join(" | "));
        break;
      }
      case "html":
        out.push(htmlFragmentToText((t as Tokens.HTML).text));
        break;
      default: // space, hr, def: no text
        break;
    }
  }
}

export function extractMarkdown(source: string): MarkdownExtract {
  const { fields, body } = splitFrontMatter(source);
  const tokens = marked.lexer(body, { gfm: true });
  const paragraphs: string[] = [];
  blockTexts(tokens, paragraphs, { skipping: null });
  const h1 = tokens.find((t): t is Tokens.Heading => t.type === "heading" && (t as Tokens.Heading).depth === 1);
  const notes = fields.size ? ["Metadata read from the Markdown front matter."] : [];
  return {
    text: paragraphs.filter((p) => p.trim()).join("\n\n"),
    raw: {
      title: firstField(fields, ["title"]) ?? (h1 ? trimText(inlineText(h1.tokens, { skipping: null })) : undefined),
      authors: [...(fields.get("authors") ?? []), ...(fields.get("author") ?? [])],
      published: firstField(fields, ["date", "published", "pubdate"]),
      publisher: firstField(fields, ["publisher", "source"]),
      url: firstField(fields, ["url", "canonical_url", "link"]),
      language: firstField(fields, ["lang", "language"]),
    },
    notes,
  };
}
