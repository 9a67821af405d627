import type { Metadata } from "next";
import manifest from "@/prisma/demo/corpus/manifest.json";

export const metadata: Metadata = { title: "About" };

export default function AboutPage() {
  return (
    <div className="page">
      <h1>About Attest</h1>
      <p>
        Attest is a workbench for reading sources and turning what they say into typed, evidence-linked claims: every claim keeps the exact
        words that support it (offsets in Unicode code points, with the quote and its context), its structured values, and its history.
      </p>
      <h2>Sample documents</h2>
      <p>The demo project contains these public analytic texts, imported as they are (extraction artefacts included). They remain the work of their authors and publishers:</p>
      <ul>
        {manifest.documents.map((d) => (
          <li key={d.file}>
            <strong>{d.title}</strong>, {d.authors.join(", ")}. {d.publisher}, {d.published}. <span className="muted small">({d.kind})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
