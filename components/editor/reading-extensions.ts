/**
 * TipTap setup for the read-only reading view: doc(paragraph(text)*), no marks, no other nodes.
 *
 * `textToDoc` builds the JSON document from the TextModel's paragraphs (an empty paragraph has no
 * text node: ProseMirror forbids empty text nodes).
 */
import type { AnyExtension, JSONContent } from "@tiptap/core";
import Document from "@tiptap/extension-document";
import Paragraph from "@tiptap/extension-paragraph";
import Text from "@tiptap/extension-text";
import type { Paragraph as TextParagraph } from "@/lib/core/offsets";

export function textToDoc(paragraphs: readonly TextParagraph[]): JSONContent {
  return {
    type: "doc",
    content: paragraphs.map((p) =>
      p.text.length > 0 ? { type: "paragraph", content: [{ type: "text", text: p.text }] } : { type: "paragraph" },
    ),
  };
}

export function readingExtensions(): AnyExtension[] {
  return [
    Document,
    // dir="auto": each paragraph takes its direction from its first strong character (Arabic, Hebrew).
    Paragraph.configure({ HTMLAttributes: { dir: "auto" } }),
    Text,
  ];
}
