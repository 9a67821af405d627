/**
 * The agreement tables (server-rendered): per document, per claim type, field agreement, and the
 * annotator-by-annotator matrix. Every table has a caption and header cells with their scope; the
 * matrix colours each cell by its F1 but always prints the number, so the colour is never the only cue.
 */
import Link from "next/link";
import type { AgreementReport } from "@/lib/services/agreement";
import { alphaText, heatBand, ratio } from "./format";

type Props = { report: AgreementReport; base: string };

function CsvLink({ href, label }: { href: string; label: string }) {
  return <a className="small" href={href} download>Download {label} as CSV</a>;
}

export function DocumentsTable({ report, base, csv }: Props & { csv: string }) {
  const titles = new Map(report.documents.map((d) => [d.id, d.title]));
  return (
    <section aria-labelledby="agr-docs-h">
      <h2 id="agr-docs-h">By document</h2>
      <div className="table-scroll" role="region" aria-label="Agreement by document" tabIndex={0}>
        <table className="table compact" data-testid="agreement-documents">
          <caption className="sr-only">Agreement per document</caption>
          <thead>
            <tr>
              <th scope="col">Document</th><th scope="col">Annotators</th><th scope="col">Exact F1</th>
              <th scope="col">Overlap F1</th><th scope="col">Matched / unmatched</th><th scope="col">Label alpha (units)</th>
            </tr>
          </thead>
          <tbody>
            {report.result.documents.map((d) => (
              <tr key={d.documentId}>
                <th scope="row"><Link href={`${base}/agreement?document=${encodeURIComponent(d.documentId)}`}>{titles.get(d.documentId) ?? d.documentId}</Link></th>
                <td>{d.annotators}</td>
                <td>{ratio(d.exact.f1)}</td>
                <td>{ratio(d.overlap.f1)}</td>
                <td>{d.overlap.matched} / {d.overlap.onlyA + d.overlap.onlyB}</td>
                <td>{alphaText(d.labels)} ({d.labels.units})</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <CsvLink href={csv} label="the document table" />
    </section>
  );
}

export function TypesTable({ report, csv }: Props & { csv: string }) {
  const names = new Map(report.claimTypes.map((t) => [t.key, t.name]));
  return (
    <section aria-labelledby="agr-types-h">
      <h2 id="agr-types-h">By claim type</h2>
      {report.result.types.length === 0 ? (
        <p className="muted">No claim type was tagged by two annotators on the same document.</p>
      ) : (
        <div className="table-scroll" role="region" aria-label="Agreement by claim type" tabIndex={0}>
          <table className="table compact" data-testid="agreement-types">
            <caption className="sr-only">Agreement per claim type</caption>
            <thead>
              <tr>
                <th scope="col">Claim type</th><th scope="col">Exact F1</th><th scope="col">Overlap F1</th>
                <th scope="col">Matched / unmatched</th><th scope="col">Alpha on this type (units)</th>
              </tr>
            </thead>
            <tbody>
              {report.result.types.map((t) => (
                <tr key={t.typeKey}>
                  <th scope="row">{names.get(t.typeKey) ?? t.typeKey}</th>
                  <td>{ratio(t.exact.f1)}</td>
                  <td>{ratio(t.overlap.f1)}</td>
                  <td>{t.overlap.matched} / {t.overlap.onlyA + t.overlap.onlyB}</td>
                  <td>{alphaText(t.labels)} ({t.labels.units})</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CsvLink href={csv} label="the claim type table" />
    </section>
  );
}

export function FieldsTable({ report, csv }: Props & { csv: string }) {
  const names = new Map(report.claimTypes.map((t) => [t.key, t.name]));
  const labels = new Map(report.claimTypes.map((t) => [t.key, t.fieldLabels]));
  const rows = report.result.types.flatMap((t) => t.fields.filter((f) => f.compared + f.oneEmpty > 0).map((f) => ({ type: t.typeKey, ...f })));
  return (
    <section aria-labelledby="agr-fields-h">
      <h2 id="agr-fields-h">Field agreement</h2>
      <p className="small muted">On claims matched by overlapping words: how often both annotators gave the same value (figures agree when their ranges overlap, dates when their windows overlap, places and actors when their names are the same).</p>
      {rows.length === 0 ? (
        <p className="muted">No matched claims with field values yet.</p>
      ) : (
        <div className="table-scroll" role="region" aria-label="Agreement by field" tabIndex={0}>
          <table className="table compact" data-testid="agreement-fields">
            <caption className="sr-only">Agreement on field values of matched claims</caption>
            <thead>
              <tr>
                <th scope="col">Claim type</th><th scope="col">Field</th><th scope="col">Agreed / compared</th>
                <th scope="col">Share agreed</th><th scope="col">Only one gave a value</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((f) => (
                <tr key={`${f.type}.${f.fieldKey}`}>
                  <th scope="row">{names.get(f.type) ?? f.type}</th>
                  <td>{labels.get(f.type)?.[f.fieldKey] ?? f.fieldKey}</td>
                  <td>{f.agreed} / {f.compared}</td>
                  <td>{ratio(f.ratio)}</td>
                  <td>{f.oneEmpty}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CsvLink href={csv} label="the field table" />
    </section>
  );
}

export function AnnotatorMatrix({ report, csv }: Props & { csv: string }) {
  const { annotators, f1 } = report.result.matrix;
  const name = (id: string) => report.names[id] ?? "Former member";
  return (
    <section aria-labelledby="agr-matrix-h">
      <h2 id="agr-matrix-h">Annotator by annotator</h2>
      <div className="table-scroll" role="region" aria-label="Agreement between annotators" tabIndex={0}>
        <table className="table compact agreement-matrix" data-testid="agreement-matrix">
          <caption>Overlap F1 between each pair of annotators, over the documents both annotated (greener is higher)</caption>
          <thead>
            <tr>
              <td />
              {annotators.map((a) => <th scope="col" key={a}>{name(a)}</th>)}
            </tr>
          </thead>
          <tbody>
            {annotators.map((a, i) => (
              <tr key={a}>
                <th scope="row">{name(a)}</th>
                {f1[i].map((v, j) => (
                  <td key={annotators[j]} className={i === j ? "heat-self" : heatBand(v)}>{i === j ? <><span aria-hidden="true">—</span><span className="sr-only">same annotator</span></> : ratio(v)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <CsvLink href={csv} label="the matrix" />
    </section>
  );
}
