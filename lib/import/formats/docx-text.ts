/**
 * The text of a Word document's main part (word/document.xml), read from a stream of XML chunks
 * with a SAX parser, so the part is never held whole in memory and reading stops as soon as the text
 * passes the cap. What counts as text follows what Word shows:
 * - text is read only inside known containers (body, paragraphs, runs, hyperlinks, tables, content
 *   controls, insertions, moves, smart tags, fields, VML text boxes); anything else (properties,
 *   deletions, field instructions, drawings' markup) is skipped with all it contains;
 * - `w:t` gives its characters, `w:tab` a tab, `w:br`/`w:cr` a line break, `w:noBreakHyphen`
 *   U+2011, `w:softHyphen` U+00AD, `w:sym` its character when it is not a private-use font glyph;
 * - `mc:AlternateContent` is read through its `mc:Fallback` (its `mc:Choice` repeats the same text);
 * - a paragraph ends with a blank line, except one whose mark is deleted (tracked changes), which
 *   runs into the next as Word shows it; a table row marked deleted is skipped.
 * Invariant: the collected text never holds more than maxChars code points (TextTooLong is thrown
 * first); paragraph breaks never repeat (empty paragraphs add nothing).
 */
import { Parser } from "htmlparser2";
import { codePointLength } from "../text-limit";

/** Elements whose children are read, when they are themselves read. */
const CONTAINERS = new Set([
  "w:document", "w:body", "w:p", "w:r", "w:hyperlink", "w:tbl", "w:tr", "w:tc", "w:sdt", "w:sdtContent",
  "w:customXml", "w:ins", "w:moveTo", "w:smartTag", "w:fldSimple", "w:object", "w:pict", "w:txbxContent",
  "v:shape", "v:roundrect", "v:rect", "v:group", "v:textbox", "mc:AlternateContent", "mc:Fallback",
  // Read so that a deleted paragraph mark or table row can be recognised; they hold no text of their own.
  "w:pPr", "w:rPr", "w:trPr",
]);
const LEAVES: Record<string, string> = { "w:tab": "\t", "w:br": "\n", "w:cr": "\n", "w:noBreakHyphen": "\u2011", "w:softHyphen": "\u00ad" };
/** Private-use code points Word uses for Symbol/Wingdings glyphs: no Unicode meaning to keep. */
const isPrivateUse = (cp: number) => cp >= 0xe000 && cp <= 0xf8ff;

/** The XML is not well-formed: an element closed that was never opened, or left open at the end. */
export class MalformedXml extends Error {
  constructor() {
    super("malformed XML");
    this.name = "MalformedXml";
  }
}

export class TextTooLong extends Error {
  constructor() {
    super("text too long");
    this.name = "TextTooLong";
  }
}

type Frame = { name: string; read: boolean };

export class DocxTextCollector {
  private readonly stack: Frame[] = [];
  private readonly parts: string[] = [];
  private length = 0;
  private inText = 0;
  private paragraphMarkDeleted = false;
  private skippedRowDepth = -1;
  private justOpened: string | null = null;
  private ending = false;
  private readonly parser: Parser;

  constructor(private readonly maxChars: number) {
    this.parser = new Parser(
      {
        onopentag: (name, attribs) => this.open(name, attribs),
        onclosetag: (name, isImplied) => {
          // htmlparser2 reports a self-closing element as an implied close right after its opening;
          // any other implied close is htmlparser2 repairing unbalanced XML, which a Word part never needs.
          if (isImplied && (this.ending || this.justOpened !== name)) throw new MalformedXml();
          this.justOpened = null;
          this.close(name);
        },
        ontext: (text) => {
          this.justOpened = null;
          if (this.inText > 0 && this.skippedRowDepth < 0) this.push(text);
        },
      },
      { xmlMode: true, decodeEntities: true },
    );
  }

  write(chunk: string): void {
    this.parser.write(chunk);
  }

  /** The text read, paragraphs separated by one blank line. */
  end(): string {
    this.ending = true;
    this.parser.end();
    if (this.stack.length > 0) throw new MalformedXml();
    return this.parts.join("");
  }

  private push(s: string): void {
    this.length += codePointLength(s);
    if (this.length > this.maxChars) throw new TextTooLong();
    this.parts.push(s);
  }

  private open(name: string, attribs: Record<string, string>): void {
    this.justOpened = name;
    const parent = this.stack.at(-1);
    const parentRead = parent ? parent.read : true;
    const read = parentRead && (CONTAINERS.has(name) || name === "w:t" || name in LEAVES || name === "w:sym" || name === "w:del");
    this.stack.push({ name, read });
    if (!read) return;
    if (name === "w:p") this.paragraphMarkDeleted = false;
    else if (name === "w:t") this.inText++;
    else if (name === "w:del") {
      // Only a deletion inside paragraph or row properties is meaningful here; deleted runs are skipped below.
      const at = this.stack.length - 2;
      if (this.stack[at]?.name === "w:rPr" && this.stack[at - 1]?.name === "w:pPr") this.paragraphMarkDeleted = true;
      else if (this.stack[at]?.name === "w:trPr" && this.skippedRowDepth < 0) this.skippedRowDepth = at - 1;
      this.stack[this.stack.length - 1]!.read = false;
    } else if (this.skippedRowDepth >= 0) return;
    else if (name in LEAVES && parent?.name !== "w:pPr") this.push(LEAVES[name]!);
    else if (name === "w:sym") {
      const cp = Number.parseInt(attribs["w:char"] ?? "", 16);
      if (Number.isInteger(cp) && cp > 0x1f && cp <= 0x10ffff && !isPrivateUse(cp)) this.push(String.fromCodePoint(cp));
    }
  }

  private close(name: string): void {
    const frame = this.stack.pop();
    if (frame?.name !== name) throw new MalformedXml();
    if (!frame?.read) return;
    if (name === "w:t") this.inText--;
    else if (name === "w:tr" && this.skippedRowDepth === this.stack.length) this.skippedRowDepth = -1;
    else if (name === "w:p" && !this.paragraphMarkDeleted && this.skippedRowDepth < 0) {
      const last = this.parts.at(-1);
      if (last !== undefined && last !== "\n\n") this.push("\n\n");
    }
  }
}
