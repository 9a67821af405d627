/**
 * Renders a parsed HTML tree (htmlparser2's DOM) as plain paragraphs.
 * Invariants: script and style contents, attributes and non-content elements (navigation, forms,
 * embedded objects, hidden elements) never reach the output; every block element starts a new
 * paragraph; whitespace inside a paragraph collapses to single spaces, except inside <pre>, whose
 * text is kept as written. Entities are decoded by the parser before this runs.
 */
import { parseDocument } from "htmlparser2";

/** The parts of domhandler's node shape this module reads, so it needs no direct domhandler import. */
export type HNode = {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: HNode[];
  data?: string;
  parent?: HNode | null;
};

export function parseHtml(html: string): HNode {
  return parseDocument(html) as unknown as HNode;
}

/** Elements that never hold readable main text, or hold code (script, style) that must never leak. */
const DROPPED = new Set([
  "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "canvas",
  "audio", "video", "nav", "header", "footer", "aside", "form", "button", "select", "textarea",
  "input", "dialog", "head", "title", "link", "meta",
]);
const DROPPED_ROLES = new Set(["navigation", "banner", "contentinfo", "complementary"]);
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

const BLOCKS = new Set([
  "address", "article", "blockquote", "body", "br", "caption", "center", "dd", "details", "div", "dl",
  "dt", "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hgroup", "hr", "html",
  "legend", "li", "main", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr",
  "ul",
]);
/** Table cells stay on their row's line, separated by a space; the row (tr) is the block. */
const CELLS = new Set(["td", "th"]);

export const isElement = (n: HNode) => n.type === "tag" || n.type === "script" || n.type === "style";

function hasAncestor(node: HNode, name: string): boolean {
  for (let p = node.parent; p; p = p.parent) if (p.name === name) return true;
  return false;
}

/** True for elements whose subtree is left out of the text. */
export function isDropped(el: HNode): boolean {
  if (el.type === "script" || el.type === "style") return true;
  const name = el.name ?? "";
  const a = el.attribs ?? {};
  // An <article>'s own <header> holds its headline and byline, not site chrome (it has no banner role).
  if (name === "header" && hasAncestor(el, "article")) return false;
  if (DROPPED.has(name)) return true;
  if (DROPPED_ROLES.has((a.role ?? "").trim().toLowerCase())) return true;
  if ("hidden" in a || a["aria-hidden"] === "true") return true;
  return HIDDEN_STYLE.test(a.style ?? "");
}

/**
 * Visits a subtree depth-first in document order without recursion (old pages can nest
 * unclosed inline tags thousands deep). `enter` returns false to skip a node's children;
 * `leave` runs after them.
 */
function visit(root: HNode, enter: (n: HNode) => boolean, leave?: (n: HNode) => void): void {
  const stack: { node: HNode; leaving: boolean }[] = [{ node: root, leaving: false }];
  while (stack.length) {
    const { node, leaving } = stack.pop()!;
    if (leaving) {
      leave?.(node);
      continue;
    }
    if (!enter(node)) continue;
    if (leave) stack.push({ node, leaving: true });
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], leaving: false });
  }
}

/** Text of a subtree exactly as written (for <pre>), skipping dropped elements. */
function rawText(root: HNode): string {
  let out = "";
  visit(root, (node) => {
    if (node.type === "text") out += node.data ?? "";
    else if (isElement(node) && isDropped(node)) return false;
    else if (node.name === "br") out += "\n";
    return true;
  });
  return out;
}

const collapse = (s: string) => s.replace(/[ \t\n\r\f]+/g, " ").trim();

/** The paragraphs of a subtree, in document order, none empty. */
export function renderBlocks(root: HNode): string[] {
  const blocks: string[] = [];
  let inline = "";
  const flush = () => {
    const text = collapse(inline);
    if (text) blocks.push(text);
    inline = "";
  };
  const enter = (node: HNode): boolean => {
    if (node.type === "text") {
      inline += node.data ?? "";
      return false;
    }
    if (node.type !== "tag" && node.type !== "root") return false; // comments, directives, script, style, CDATA
    if (node.type === "tag" && isDropped(node)) return false;
    const name = node.name ?? "";
    if (name === "pre") {
      flush();
      const text = rawText(node).replace(/^\r?\n/, "").trimEnd();
      if (text.trim()) blocks.push(text);
      return false;
    }
    if (CELLS.has(name)) inline += " ";
    else if (BLOCKS.has(name)) flush();
    return true;
  };
  const leave = (node: HNode) => {
    if (CELLS.has(node.name ?? "")) inline += " ";
    else if (BLOCKS.has(node.name ?? "")) flush();
  };
  visit(root, enter, leave);
  flush();
  return blocks;
}

/** Plain text of an HTML fragment: paragraphs separated by blank lines. */
export function htmlFragmentToText(html: string): string {
  return renderBlocks(parseHtml(html)).join("\n\n");
}

/** All elements named `name` in document order, not looking inside dropped subtrees when `skipDropped`. */
export function findAll(root: HNode, name: string, skipDropped = false): HNode[] {
  const out: HNode[] = [];
  visit(root, (node) => {
    if (!isElement(node)) return true;
    if (skipDropped && isDropped(node)) return false;
    if (node.name === name) out.push(node);
    return true;
  });
  return out;
}

/** Collapsed text content of an element (for <title>, <h1> and the like); script and style excluded. */
export function textOf(root: HNode): string {
  let out = "";
  visit(root, (node) => {
    if (node.type === "text") out += node.data ?? "";
    return node.type !== "script" && node.type !== "style";
  });
  return collapse(out);
}
