import type { Metadata } from "next";
import Link from "next/link";
import { pageUser, orNotFound } from "@/lib/server/page";
import { AppError } from "@/lib/errors";
import { agreementReport, type AgreementReport } from "@/lib/services/agreement";
import { ProjectNav } from "@/components/projects/ProjectNav";
import { AnnotatorMatrix, DocumentsTable, FieldsTable, TypesTable } from "@/components/agreement/AgreementTables";
import { alphaText, ratio } from "@/components/agreement/format";

export const metadata: Metadata = { title: "Agreement" };

type Props = { params: Promise<{ projectId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : undefined);

export default async function AgreementPage({ params, searchParams }: Props) {
  const { projectId } = await params;
  const user = await pageUser(`/projects/${projectId}/agreement`);
  const sp = await searchParams;
  const filters = { documentId: one(sp.document), typeKey: one(sp.type) };
  const { report, problem } = await orNotFound(async (): Promise<{ report: AgreementReport; problem: string | null }> => {
    try {
      return { report: await agreementReport(user.id, projectId, filters), problem: null };
    } catch (err) {
      // A hand-made URL naming another project's document or an unknown type: say so, show everything.
      if (!(err instanceof AppError) || err.code !== "invalid") throw err;
      return { report: await agreementReport(user.id, projectId, {}), problem: `${err.message} Showing the whole project.` };
    }
  });
  const base = `/projects/${report.project.id}`;
  const query = new URLSearchParams();
  if (report.filters.documentId) query.set("document", report.filters.documentId);
  if (report.filters.typeKey) query.set("type", report.filters.typeKey);
  const qs = query.size > 0 ? `?${query}` : "";
  const csv = (table: string) => `/api/projects/${report.project.id}/agreement/${table}${qs}`;
  const { overall } = report.result;
  return (
    <div className="page wide">
      <nav aria-label="Breadcrumb" className="crumbs"><Link href="/projects">Projects</Link> / <Link href={base}>{report.project.name}</Link> /</nav>
      <h1>Agreement</h1>
      <ProjectNav projectId={report.project.id} role={report.role} current="agreement" />
      {problem && <p role="alert" className="error">{problem}</p>}

      <form className="filters" method="get" action={`${base}/agreement`} aria-label="Filter agreement">
        <label>Document
          <select name="document" defaultValue={report.filters.documentId ?? ""}>
            <option value="">All documents</option>
            {report.documents.map((d) => <option key={d.id} value={d.id}>{d.title}</option>)}
          </select>
        </label>
        <label>Claim type
          <select name="type" defaultValue={report.filters.typeKey ?? ""}>
            <option value="">All claim types</option>
            {report.claimTypes.map((t) => <option key={t.key} value={t.key}>{t.name}</option>)}
          </select>
        </label>
        <button type="submit">Show</button>
        {qs && <Link href={`${base}/agreement`}>Clear filters</Link>}
      </form>

      {!report.comparable ? (
        <div className="empty" data-testid="agreement-empty">
          <p><strong>Agreement needs at least two annotators with claims on the same document.</strong></p>
          <p>Assign a document to two annotators (or have two members tag the same document), then come back here.</p>
        </div>
      ) : (
        <>
          <section aria-labelledby="agr-summary-h" className="panel">
            <h2 id="agr-summary-h">Summary</h2>
            <dl className="agreement-summary" data-testid="agreement-summary">
              <div><dt>Exact F1</dt><dd>{ratio(overall.exact.f1)}</dd></div>
              <div><dt>Overlap F1</dt><dd>{ratio(overall.overlap.f1)}</dd></div>
              <div><dt>Label alpha</dt><dd>{alphaText(overall.labels)} <span className="small muted">over {overall.labels.units} unit{overall.labels.units === 1 ? "" : "s"}</span></dd></div>
            </dl>
            <ul className="small muted agreement-measures">
              <li><strong>Exact F1:</strong> share of claims that another annotator also tagged, with the same type, on exactly the same words.</li>
              <li><strong>Overlap F1:</strong> share of claims that another annotator also tagged, with the same type, on overlapping words.</li>
              <li><strong>Label alpha</strong> (Krippendorff&apos;s alpha): how consistently annotators chose the same claim type, or none, for the same stretch of text; 1 is perfect agreement, 0 is no better than chance.</li>
              <li>A unit is a stretch of text that at least one annotator tagged. &ldquo;No data&rdquo; means there was nothing to compare.</li>
            </ul>
          </section>
          <AnnotatorMatrix report={report} base={base} csv={csv("matrix")} />
          <DocumentsTable report={report} base={base} csv={csv("documents")} />
          <TypesTable report={report} base={base} csv={csv("types")} />
          <FieldsTable report={report} base={base} csv={csv("fields")} />
          <p><a className="small" href={csv("pairs")} download>Download every document, annotator pair and claim type as CSV</a></p>
        </>
      )}
    </div>
  );
}
