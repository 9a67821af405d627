"use client";
/** A release's citation with a button that copies it; the result is announced to screen readers. */
import { useState } from "react";

export function CopyCitation({ text, label }: { text: string; label: string }) {
  const [status, setStatus] = useState("");
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setStatus("Citation copied.");
    } catch {
      setStatus("Copying is not allowed here; select the text instead.");
    }
  }
  return (
    <div className="citation">
      <p className="citation-text">{text}</p>
      <button type="button" className="secondary" onClick={copy} aria-label={`Copy citation of ${label}`}>Copy citation</button>
      <span role="status" className="muted small"> {status}</span>
    </div>
  );
}
