/**
 * Main text and metadata of an HTML page.
 * The main text comes from the longest <article> (unless it is a small part of <main>, as a
 * teaser box would be), else <main>, else <body>, else the whole document; see html-render.ts
 * for what is dropped. Metadata comes from Open Graph / article / author meta tags, <title>,
 * the canonical link, <time datetime> and <html lang>; it is cleaned by cleanMetadata later.
 */
import type { RawMetadata } from "../metadata";
import { findAll, parseHtml, renderBlocks, textOf, type HNode } from "./html-render";

/** Below this share of <main>'s text, the longest <article> is a side box rather than the story. */
const MIN_ARTICLE_SHARE_OF_MAIN = 0.3;

export type HtmlExtract = { text: string; raw: RawMetadata; notes: string[] };

const textLength = (blocks: string[]) => blocks.reduce((n, b) => n + b.length, 0);

function chooseMain(doc: HNode): { blocks: string[]; root: HNode; note: string | null } {
  const articles = findAll(doc, "article", true).map((root) => ({ root, blocks: renderBlocks(root) }));
  const best = articles.sort((a, b) => textLength(b.blocks) - textLength(a.blocks))[0];
  const main = findAll(doc, "main", true)[0];
  const mainBlocks = main ? renderBlocks(main) : null;
  if (best && textLength(best.blocks) > 0) {
    if (!mainBlocks || textLength(best.blocks) >= MIN_ARTICLE_SHARE_OF_MAIN * textLength(mainBlocks)) {
      return { ...best, note: "Main text taken from the page's <article> element." };
    }
  }
  if (main && mainBlocks && textLength(mainBlocks) > 0) {
    return { root: main, blocks: mainBlocks, note: "Main text taken from the page's <main> element." };
  }
  const body = findAll(doc, "body")[0];
  const bodyBlocks = body ? renderBlocks(body) : [];
  if (body && textLength(bodyBlocks) > 0) return { root: body, blocks: bodyBlocks, note: null };
  return { root: doc, blocks: renderBlocks(doc), note: null };
}

/** meta values by lower-cased name, property or itemprop; the first occurrence wins except for authors. */
function readMeta(doc: HNode): { first: Map<string, string>; all: Map<string, string[]> } {
  const first = new Map<string, string>();
  const all = new Map<string, string[]>();
  for (const el of findAll(doc, "meta")) {
    const a = el.attribs ?? {};
    const key = (a.property ?? a.name ?? a.itemprop ?? "").trim().toLowerCase();
    const content = a.content;
    if (!key || typeof content !== "string" || !content.trim()) continue;
    if (!first.has(key)) first.set(key, content);
    all.set(key, [...(all.get(key) ?? []), content]);
  }
  return { first, all };
}

function canonicalUrl(doc: HNode, ogUrl: string | undefined): string | undefined {
  const link = findAll(doc, "link").find((el) => (el.attribs?.rel ?? "").toLowerCase().split(/\s+/).includes("canonical"));
  const href = link?.attribs?.href?.trim();
  if (!href) return ogUrl;
  try {
    // A relative canonical link can only be made absolute against a known absolute page URL.
    return new URL(href, ogUrl).href;
  } catch {
    return ogUrl;
  }
}

function readMetadata(doc: HNode, mainRoot: HNode): RawMetadata {
  const { first, all } = readMeta(doc);
  const titleEl = findAll(doc, "title")[0];
  const h1 = findAll(mainRoot, "h1", true)[0];
  const time = findAll(mainRoot, "time", true).find((t) => t.attribs?.datetime) ?? findAll(doc, "time").find((t) => t.attribs?.datetime);
  const htmlEl = findAll(doc, "html")[0];
  return {
    title: first.get("og:title") ?? first.get("twitter:title") ?? ((titleEl && textOf(titleEl)) || (h1 && textOf(h1)) || undefined),
    authors: [...(all.get("author") ?? []), ...(all.get("dc.creator") ?? [])],
    publisher: first.get("og:site_name"),
    published:
      first.get("article:published_time") ?? first.get("date") ?? first.get("dc.date") ?? first.get("datepublished") ?? time?.attribs?.datetime,
    url: canonicalUrl(doc, first.get("og:url")),
    language: htmlEl?.attribs?.lang ?? htmlEl?.attribs?.["xml:lang"] ?? first.get("og:locale"),
  };
}

export function extractHtml(html: string): HtmlExtract {
  const doc = parseHtml(html);
  const { blocks, root, note } = chooseMain(doc);
  return { text: blocks.join("\n\n"), raw: readMetadata(doc, root), notes: note ? [note] : [] };
}
