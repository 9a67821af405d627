/**
 * The `datapackage.json` of a Frictionless Data Package export (Data Package v1 with Tabular Data
 * Resources and Table Schema): three CSV resources, records, claims and sources, each with a schema
 * whose fields name their type and, for the claim types' own columns, describe them from the claim
 * types' definitions (label, help, the type's description). Columns every row fills say so
 * (`constraints.required`); a claim's status is one of the claim states (`constraints.enum`).
 *
 * The descriptor depends only on the claim types and the export's label, never on the rows, so it
 * can be written before the data streams. No licence is chosen for an ad hoc export: the package
 * says so in `licenses` (pointing at LICENSE.txt, which the zip carries) rather than naming one,
 * and `citation` is a placeholder saying how to cite; a release is what carries a real citation.
 * Pure.
 */
import { CLAIM_STATUSES } from "@/lib/core/claim-status";
import { CLAIM_COLUMNS } from "@/lib/core/formats/claims-csv";
import { RECORD_COLUMNS, fieldColumns } from "@/lib/core/formats/records-csv";
import type { ExportClaimType } from "@/lib/core/formats/types";

export const DATAPACKAGE_PATHS = {
  records: "data/records.csv",
  claims: "data/claims.csv",
  sources: "data/sources.csv",
  licence: "LICENSE.txt",
} as const;

export const SOURCE_COLUMNS = ["id", "name", "title", "published", "url", "characters"] as const;

type TableConstraints = { required?: true; enum?: readonly string[] };
type TableField = { name: string; type: string; description: string; format?: string; constraints?: TableConstraints };
/** A column every row fills. */
const REQUIRED: TableConstraints = { required: true };

const RECORD_FIELDS: Record<(typeof RECORD_COLUMNS)[number], Omit<TableField, "name">> = {
  id: { type: "string", description: "The record's id.", constraints: REQUIRED },
  type: { type: "string", description: "The claim type's key.", constraints: REQUIRED },
  date_start: { type: "date", description: "First day of the combined date window (YYYY-MM-DD); empty when undated or in conflict." },
  date_end: { type: "date", description: "Last day of the combined date window (YYYY-MM-DD)." },
  date_precision: { type: "string", description: "Precision of the first date field (day, month, year...)." },
  country: { type: "string", description: "ISO 3166-1 alpha-3 code of the combined place." },
  location: { type: "string", description: "The place as written, several separated by \"; \"." },
  where_precision: { type: "integer", description: "Precision code of the place when there is exactly one." },
  actors: { type: "string", description: "Every actor of the actor fields, separated by \"; \"." },
  low: { type: "number", description: "Low figure of the first quantity field." },
  best: { type: "number", description: "Best figure of the first quantity field." },
  high: { type: "number", description: "High figure of the first quantity field." },
  number_of_sources: { type: "integer", description: "Independent sources: documents copying one another count once.", constraints: REQUIRED },
  source_documents: { type: "string", description: "Document ids (see sources), \"; \" between independent sources and \" \" within one." },
  notes: { type: "string", description: "The record's notes, then its open conflicts." },
};

const CLAIM_FIELDS: Record<(typeof CLAIM_COLUMNS)[number], Omit<TableField, "name">> = {
  id: { type: "string", description: "The claim's id.", constraints: REQUIRED },
  document: { type: "string", description: "The document's id (see sources).", constraints: REQUIRED },
  type: { type: "string", description: "The claim type's key.", constraints: REQUIRED },
  status: { type: "string", description: "draft, submitted, approved or rejected.", constraints: { required: true, enum: CLAIM_STATUSES } },
  author: { type: "string", description: "Who wrote the claim." },
  quote: { type: "string", description: "The quoted evidence; several spans joined by \" … \"." },
  start: { type: "integer", description: "Start of the first span, in Unicode code points of the document text." },
  end: { type: "integer", description: "End of the last span (exclusive), in code points." },
  prefix: { type: "string", description: "Text just before the first span." },
  suffix: { type: "string", description: "Text just after the last span." },
  spans: { type: "string", description: "Every span as start-end, separated by \";\"." },
};

const SOURCE_FIELDS: Record<(typeof SOURCE_COLUMNS)[number], Omit<TableField, "name">> = {
  id: { type: "string", description: "The document's id.", constraints: REQUIRED },
  name: { type: "string", description: "The document's file base name in this export.", constraints: REQUIRED },
  title: { type: "string", description: "The document's title." },
  published: { type: "string", description: "Publication date as known: YYYY, YYYY-MM or YYYY-MM-DD." },
  url: { type: "string", description: "Where the document was published, when known." },
  characters: { type: "integer", description: "Length of the document's text in Unicode code points.", constraints: REQUIRED },
};

/** The own-field columns, described from every claim type that has the key. */
function ownFields(types: readonly ExportClaimType[], fixed: readonly string[]): TableField[] {
  return fieldColumns(types, fixed).map(({ key, name }) => {
    const uses = types.flatMap((t) => {
      const f = t.definition.fields.find((x) => x.key === key);
      return f ? [{ t, f }] : [];
    });
    const numeric = uses.every(({ f }) => f.kind === "number");
    const description = uses
      .map(({ t, f }) => `${t.definition.name}: ${f.label} (${f.kind}${f.many ? ", list" : ""})${f.help ? `. ${f.help}` : ""}`)
      .join(" | ");
    return { name, type: numeric ? "number" : "string", description };
  });
}

const fieldsOf = <K extends string>(table: Record<K, Omit<TableField, "name">>, order: readonly K[]): TableField[] =>
  order.map((name) => ({ name, ...table[name] }));

const csvResource = (name: string, path: string, title: string, fields: TableField[], extra: Record<string, unknown> = {}) => ({
  profile: "tabular-data-resource",
  name,
  path,
  title,
  format: "csv",
  mediatype: "text/csv",
  encoding: "utf-8",
  dialect: { delimiter: ",", lineTerminator: "\r\n", quoteChar: "\"", doubleQuote: true, header: true },
  schema: { fields, missingValues: [""], primaryKey: ["id"], ...extra },
});

/**
 * A Data Package name: lower-case letters, digits, "-", "_" and ".". Accents are dropped, not
 * turned into separators ("Ärger" is "arger").
 */
export function packageName(label: string): string {
  return label.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80) || "attest-export";
}

export type DatapackageInput = { label: string; created: Date; types: readonly ExportClaimType[]; description: string };

/** The descriptor as an object; see the module comment. */
export function datapackageDescriptor(input: DatapackageInput): Record<string, unknown> {
  const typeList = input.types.map((t) => `${t.definition.name} (${t.definition.key}, version ${t.version})${t.definition.description ? `: ${t.definition.description}` : ""}`);
  return {
    profile: "tabular-data-package",
    name: packageName(input.label),
    title: input.label,
    description: [input.description, typeList.length ? `Claim types: ${typeList.join("; ")}.` : ""].filter(Boolean).join(" "),
    created: input.created.toISOString(),
    licenses: [{ path: DATAPACKAGE_PATHS.licence, title: "No licence chosen yet (placeholder): see LICENSE.txt" }],
    citation: `PLACEHOLDER: no citation for an ad hoc export. Cite a published release of "${input.label}" instead.`,
    resources: [
      csvResource("records", DATAPACKAGE_PATHS.records, "Records", [...fieldsOf(RECORD_FIELDS, RECORD_COLUMNS), ...ownFields(input.types, RECORD_COLUMNS)]),
      csvResource("claims", DATAPACKAGE_PATHS.claims, "Claims", [...fieldsOf(CLAIM_FIELDS, CLAIM_COLUMNS), ...ownFields(input.types, CLAIM_COLUMNS)], {
        foreignKeys: [{ fields: ["document"], reference: { resource: "sources", fields: ["id"] } }],
      }),
      csvResource("sources", DATAPACKAGE_PATHS.sources, "Sources (documents)", fieldsOf(SOURCE_FIELDS, SOURCE_COLUMNS)),
    ],
  };
}

/** LICENSE.txt: says plainly that no licence has been chosen. */
export function licencePlaceholder(label: string): string {
  return [
    `${label}`,
    "",
    "PLACEHOLDER: no licence has been chosen for this export.",
    "Until the dataset's owners choose one, all rights are reserved by them; ask them before reusing",
    "or redistributing it. Replace this file and the `licenses` entry of datapackage.json when a",
    "licence is chosen.",
    "",
  ].join("\n");
}
