"use client";
/**
 * The TipTap half of the reading view, loaded on demand (ReadingView imports it with next/dynamic):
 * TipTap and ProseMirror are the largest scripts of the document page, and the page paints its text
 * and highlights without them (prepaint.ts), so they are fetched and run after the page has hydrated.
 * Renders doc > paragraph > text, read-only, and hands the editor to ReadingView once its view is
 * mounted.
 *
 * Accessibility: TipTap gives every editor root role="textbox" unless told otherwise, and a textbox
 * announces an input to fill in; this one is text to read and select, so its root is a named
 * "document" (focusable, for keyboard selection) and carries no textbox attributes (aria-readonly
 * is not allowed on a document).
 */
import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import { useEffect, useMemo } from "react";
import type { Paragraph } from "@/lib/core/offsets";
import { readingExtensions, textToDoc } from "./reading-extensions";

export default function TipTapText({ paragraphs, label, onEditor }: { paragraphs: readonly Paragraph[]; label: string; onEditor(editor: Editor | null): void }) {
  const content = useMemo(() => textToDoc(paragraphs), [paragraphs]);
  const extensions = useMemo(() => readingExtensions(), []);
  const editor = useEditor(
    {
      extensions,
      content,
      editable: false,
      immediatelyRender: false,
      editorProps: { attributes: { tabindex: "0", role: "document", "aria-label": label } },
    },
    [content, label],
  );
  // EditorContent (a child) has mounted the view by the time this effect runs.
  useEffect(() => {
    if (!editor) return;
    onEditor(editor);
    return () => onEditor(null);
  }, [editor, onEditor]);
  return <EditorContent editor={editor} className="reading-editor" />;
}
