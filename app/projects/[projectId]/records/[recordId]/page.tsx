import type { Metadata } from "next";
import Link from "next/link";
import { pageUser, orNotFound } from "@/lib/server/page";
import { getRecord } from "@/lib/services/records";
import { ProjectNav } from "@/components/projects/ProjectNav";
import { RecordToolbar } from "@/components/records/RecordToolbar";
import { RecordClaimsList } from "@/components/records/RecordClaimsList";
import { FieldRuleForm } from "@/components/records/FieldRuleForm";
import { ConflictItem } from "@/components/records/ConflictItem";
import { HistoryList } from "@/components/review/HistoryList";

export const metadata: Metadata = { title: "Record" };

type Props = { params: Promise<{ projectId: string; recordId: string }> };

const SECTION = "records";

export default async function RecordPage({ params }: Props) {
  const { projectId, recordId } = await params;
  const user = await pageUser(`/projects/${projectId}/records/${recordId}`);
  const record = await orNotFound(() => getRecord(user.id, projectId, recordId));
  const base = `/projects/${projectId}`;
  const claimById = new Map(record.claims.map((c) => [c.id, c]));
  const claimLink = (id: string) => {
    const c = claimById.get(id);
    return c ? <Link key={id} href={`${base}/documents/${c.documentId}#claim-${c.seq}`}>{c.documentTitle} #{c.seq}</Link> : <span key={id}>a claim no longer here</span>;
  };
  const links = (ids: string[]) => ids.map((id, i) => <span key={id}>{i > 0 && ", "}{claimLink(id)}</span>);
  const open = record.conflicts.filter((c) => c.status === "open").length;
  const stated = record.fields.filter((f) => f.alternatives.length > 0);
  const empty = record.fields.filter((f) => f.alternatives.length === 0);
  const changed = record.claims.some((c) => c.changed);
  return (
    <div className="page wide">
      <nav aria-label="Breadcrumb" className="crumbs">
        <Link href="/projects">Projects</Link> / <Link href={base}>{record.projectName}</Link> / <Link href={`${base}/records`}>Records</Link> /
      </nav>
      <h1>R{record.seq}: {record.typeName}</h1>
      <ProjectNav projectId={projectId} role={record.role} current={SECTION} />
      <p className="meta">
        <strong data-testid="number-of-sources">{record.numberOfSources} independent source{record.numberOfSources === 1 ? "" : "s"}</strong>
        {" · "}{record.claims.length} claim{record.claims.length === 1 ? "" : "s"}
        {" · "}{record.status === "final" ? "Final" : "Confirmed"}
        {" · "}{open > 0 ? <Link href="#conflicts" className="error">{open} open conflict{open === 1 ? "" : "s"}</Link> : "no open conflict"}
      </p>
      {record.sources.some((s) => s.length > 1) && (
        <p className="small muted">
          Counted as one source (passages copied between them):{" "}
          {record.sources.filter((s) => s.length > 1).map((s) => s.map((d) => d.title).join(" = ")).join("; ")}
        </p>
      )}
      {record.canCurate && <RecordToolbar projectId={projectId} record={record} changed={changed} mergeTargets={record.mergeTargets} />}

      <section aria-labelledby="fields-h">
        <h2 id="fields-h">Fields</h2>
        <div className="table-scroll" role="region" aria-label="Record fields" tabIndex={0}>
          <table className="table record-fields">
            <caption className="sr-only">The record&apos;s fields: chosen value, rule, supporting claims and alternatives</caption>
            <thead>
              <tr><th scope="col">Field</th><th scope="col">Value</th><th scope="col">Rule</th><th scope="col">Supported by</th><th scope="col">Alternatives</th></tr>
            </thead>
            <tbody>
              {stated.map((f) => (
                <tr key={f.key} data-field={f.key}>
                  <th scope="row">{f.label}</th>
                  <td>
                    <strong>{f.value}</strong>
                    {f.undecided && <div className="small error">The rule could not decide; choose a value.</div>}
                    {f.note && <div className="small muted">{f.note}</div>}
                  </td>
                  <td>
                    {f.ruleLabel}
                    {record.canCurate && (
                      <FieldRuleForm projectId={projectId} recordId={record.id} field={f}
                        claims={record.claims.filter((c) => f.alternatives.some((a) => a.claimIds.includes(c.id))).map((c) => ({ id: c.id, label: `${c.documentTitle} #${c.seq}` }))} />
                    )}
                  </td>
                  <td className="small">{f.supporting.length ? links(f.supporting) : "—"}</td>
                  <td className="small">
                    <ul className="plain">
                      {f.alternatives.map((a, i) => <li key={i}>{a.value} <span className="muted">from</span> {links(a.claimIds)}</li>)}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {empty.length > 0 && <p className="small muted">Not stated by any claim: {empty.map((f) => f.label).join(", ")}.</p>}
      </section>

      <section aria-labelledby="conflicts-h" id="conflicts">
        <h2 id="conflicts-h">Conflicts</h2>
        {record.conflicts.length === 0 ? (
          <p className="muted">The claims of this record do not contradict each other.</p>
        ) : (
          <ul className="card-list">
            {record.conflicts.map((c) => <ConflictItem key={c.id} projectId={projectId} conflict={c} canCurate={record.canCurate} showRecord={false} />)}
          </ul>
        )}
      </section>

      <section aria-labelledby="claims-h">
        <h2 id="claims-h">Claims and evidence</h2>
        <RecordClaimsList projectId={projectId} record={record} claims={record.claims} canCurate={record.canCurate} />
      </section>

      <section aria-labelledby="history-h">
        <h2 id="history-h">History</h2>
        {record.history.length === 0 ? <p className="muted small">No change recorded yet.</p> : <HistoryList entries={record.history} />}
      </section>
    </div>
  );
}
