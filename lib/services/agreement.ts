/**
 * Agreement between annotators, for owners and editors: loads the project's live claims (with their
 * spans, values and claim types) and the document assignments, and hands them to the pure module
 * (lib/core/agreement), which computes everything per document, per claim type and for the project.
 *
 * Annotators of a document are those with a claim on it and those assigned to it: an assigned
 * annotator with no claims counts as silent (their silence disagrees with the others' claims).
 * Fields are compared with the current definition of each claim type; claims written with an older
 * version are read the same way (field keys and kinds do not change across versions of a type's key).
 */
import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/auth/permissions";
import {
  documentsCsv, fieldsCsv, matrixCsv, projectAgreement, spanRowsCsv, typesCsv,
  type AgreementClaim, type CsvNames, type ProjectAgreement, type SpanRow,
} from "@/lib/core/agreement";
import type { FieldDefinition } from "@/lib/core/claim-types/definition";
import { CLAIM_TYPE_SELECT, withCurrentDefinition } from "./claim-types";
import { claimVisibility, visibleClaimsWhere } from "./claim-visibility";
import { parseInput } from "./input";

const AgreementFilters = z.strictObject({
  documentId: z.string().trim().min(1).max(64).optional(),
  typeKey: z.string().trim().min(1).max(64).optional(),
});
type AgreementFilters = z.infer<typeof AgreementFilters>;

export type AgreementReport = {
  project: { id: string; name: string };
  role: Role;
  filters: AgreementFilters;
  /** Everything the filters can choose from. */
  documents: { id: string; title: string }[];
  claimTypes: { key: string; name: string; color: string; fieldLabels: Record<string, string> }[];
  /** Display names of everyone who appears in the results, by user id. */
  names: Record<string, string>;
  result: Omit<ProjectAgreement, "details">;
  /** Document x annotator pair x claim type rows, the finest grain (the "pairs" table). */
  pairs: SpanRow[];
  /** Whether some document has two annotators or more: without one there is nothing to compare. */
  comparable: boolean;
};

export async function agreementReport(userId: string, projectId: string, filters: unknown = {}): Promise<AgreementReport> {
  const db = await getDb();
  const access = await authorize(db, userId, projectId, "agreement.view");
  const wanted = parseInput(AgreementFilters, filters);
  const visibility = await claimVisibility(db, access);
  const [project, documents, types] = await Promise.all([
    db.project.findUniqueOrThrow({ where: { id: projectId }, select: { id: true, name: true } }),
    db.document.findMany({ where: { projectId }, orderBy: { createdAt: "asc" }, select: { id: true, title: true } }),
    db.claimType.findMany({ where: { projectId }, orderBy: { createdAt: "asc" }, select: CLAIM_TYPE_SELECT }),
  ]);
  const claimTypes = types.map(withCurrentDefinition);
  if (wanted.documentId && !documents.some((d) => d.id === wanted.documentId)) throw new AppError("invalid", "That document is not in this project.");
  const type = wanted.typeKey ? claimTypes.find((t) => t.key === wanted.typeKey) : undefined;
  if (wanted.typeKey && !type) throw new AppError("invalid", "That claim type is not in this project.");

  const [claims, assignments] = await Promise.all([
    db.claim.findMany({
      where: {
        AND: [
          { projectId, deletedAt: null },
          wanted.documentId ? { documentId: wanted.documentId } : {},
          type ? { claimTypeId: type.id } : {},
          visibleClaimsWhere(visibility),
          // A curated claim is the curator's decision, not an annotation (lib/services/curation.ts).
          { curatedFrom: { none: {} } },
        ],
      },
      orderBy: [{ documentId: "asc" }, { seq: "asc" }],
      select: {
        id: true, documentId: true, claimTypeId: true, authorId: true, values: true,
        spans: { select: { start: true, end: true }, orderBy: { ordinal: "asc" } },
      },
    }),
    db.assignment.findMany({
      where: { projectId, ...(wanted.documentId ? { documentId: wanted.documentId } : {}) },
      select: { documentId: true, userId: true },
    }),
  ]);

  const keyOf = new Map(claimTypes.map((t) => [t.id, t.key]));
  const input: AgreementClaim[] = claims.map((c) => ({
    claimId: c.id,
    annotatorId: c.authorId,
    documentId: c.documentId,
    typeKey: keyOf.get(c.claimTypeId)!,
    spans: c.spans,
    values: (c.values ?? {}) as Record<string, unknown>,
  }));
  const annotators: Record<string, string[]> = {};
  for (const a of assignments) (annotators[a.documentId] ??= []).push(a.userId);
  const fields: Record<string, readonly FieldDefinition[]> = {};
  for (const t of claimTypes) fields[t.key] = t.definition.fields;

  const { details, ...result } = projectAgreement({ claims: input, annotators }, { fields });
  // A type filter compares that type only; documents without any of it are left out rather than
  // shown as assigned-but-silent for every annotator.
  const kept = type ? new Set(input.map((c) => c.documentId)) : null;
  const documentsShown = kept ? result.documents.filter((d) => kept.has(d.documentId)) : result.documents;

  const people = new Set(details.flatMap((d) => d.annotators));
  const users = await db.user.findMany({ where: { id: { in: [...people] } }, select: { id: true, name: true } });
  return {
    project,
    role: access.role,
    filters: wanted,
    documents,
    claimTypes: claimTypes.map((t) => ({ key: t.key, name: t.name, color: t.color, fieldLabels: Object.fromEntries(t.definition.fields.map((f) => [f.key, f.label])) })),
    names: Object.fromEntries(users.map((u) => [u.id, u.name])),
    result: { ...result, documents: documentsShown },
    pairs: details.flatMap((d) => d.spanRows),
    comparable: details.some((d) => d.annotators.length >= 2 && (!kept || kept.has(d.documentId))),
  };
}

const AGREEMENT_TABLES = ["documents", "types", "fields", "matrix", "pairs"] as const;
type AgreementTable = (typeof AGREEMENT_TABLES)[number];

/** One table of the report as CSV (lib/core/agreement/tables.ts), for download. */
export async function agreementCsv(userId: string, projectId: string, table: string, filters: unknown = {}): Promise<{ csv: string; fileName: string }> {
  // An unknown table is a missing page, answered alike for members and others.
  if (!(AGREEMENT_TABLES as readonly string[]).includes(table)) throw new AppError("not_found");
  const which = table as AgreementTable;
  const report = await agreementReport(userId, projectId, filters);
  const r = report.result;
  // Ids stay for joining; names and titles sit next to them so the file reads on its own.
  const names: CsvNames = { annotators: report.names, documents: Object.fromEntries(report.documents.map((d) => [d.id, d.title])) };
  const csv =
    which === "documents" ? documentsCsv(r.documents, names)
      : which === "types" ? typesCsv(r.types)
        : which === "fields" ? fieldsCsv(r.types)
          : which === "matrix" ? matrixCsv(r.matrix, names)
            : spanRowsCsv(report.pairs, names);
  return { csv, fileName: `agreement-${which}-${safeName(report.project.name)}.csv` };
}

/** A file name part made of ASCII letters, digits and dashes only (nothing a header or a file system misreads). */
function safeName(name: string): string {
  const slug = name.normalize("NFKD").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-+|-+$/g, "").toLowerCase().slice(0, 60);
  return slug || "project";
}
