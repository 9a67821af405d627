/**
 * Passages of a document also found, copied or lightly edited, in other documents of its project
 * (reprints, scraped fragments): shown on the document page so a reader knows a second report may
 * not be a second source. Computed on request (near-duplicate detection over shingles,
 * lib/core/reconcile/near-duplicates.ts), never stored.
 *
 * Bounds, so one request stays small whatever the project's size: the document is compared with
 * the MAX_OTHER_DOCUMENTS most recently imported others, and only the first MAX_TEXT_CODE_POINTS of
 * each text (this document's included) take part.
 */
import "server-only";
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/auth/authorize";
import { findNearDuplicates } from "@/lib/core/reconcile";
import { CodePointIndex, quotePreview, sliceCp } from "@/lib/core/offsets";
import { Id, parseInput } from "./input";

const MAX_OTHER_DOCUMENTS = 200;
const MAX_TEXT_CODE_POINTS = 200_000;
/** Code points of a passage shown on the page; the range gives the whole passage. */
const QUOTE_PREVIEW = 160;

const PassagesInput = z.strictObject({ documentId: Id });

interface CopiedPassage {
  /** Code points of this document's text, end exclusive. */
  start: number;
  end: number;
  quote: string;
  otherDocumentId: string;
  otherTitle: string;
  /** Code points of the other document's text. */
  otherStart: number;
  otherEnd: number;
  /** Jaccard similarity of the two passages' shingles, 0..1. */
  similarity: number;
}

export interface CopiedPassages {
  passages: CopiedPassage[];
  /** How many other documents were compared (at most MAX_OTHER_DOCUMENTS). */
  compared: number;
  /** Whether the project has more documents than were compared. */
  truncated: boolean;
}

export async function copiedPassages(userId: string, projectId: string, input: unknown): Promise<CopiedPassages> {
  const db = await getDb();
  await authorize(db, userId, projectId, "project.view");
  const { documentId } = parseInput(PassagesInput, input);
  // PostgreSQL's left() counts characters, i.e. code points, like the offsets returned.
  const [self] = await db.$queryRaw<{ id: string; text: string }[]>(
    Prisma.sql`SELECT "id", left("text", ${MAX_TEXT_CODE_POINTS}) AS "text" FROM "Document" WHERE "id" = ${documentId} AND "projectId" = ${projectId}`,
  );
  if (!self) throw new AppError("not_found");
  // One more than the bound, to know whether the bound cut anything.
  const others = await db.$queryRaw<{ id: string; title: string; text: string }[]>(
    Prisma.sql`SELECT "id", "title", left("text", ${MAX_TEXT_CODE_POINTS}) AS "text" FROM "Document"
      WHERE "projectId" = ${projectId} AND "id" <> ${documentId}
      ORDER BY "createdAt" DESC, "id" DESC LIMIT ${MAX_OTHER_DOCUMENTS + 1}`,
  );
  const truncated = others.length > MAX_OTHER_DOCUMENTS;
  const compared = others.slice(0, MAX_OTHER_DOCUMENTS);
  if (compared.length === 0) return { passages: [], compared: 0, truncated: false };
  const titles = new Map(compared.map((d) => [d.id, d.title]));
  const index = new CodePointIndex(self.text);
  const passages: CopiedPassage[] = [];
  for (const p of findNearDuplicates([{ id: self.id, text: self.text }, ...compared.map((d) => ({ id: d.id, text: d.text }))])) {
    // Pairs between two other documents are not this page's concern.
    const mine = p.docA === self.id ? { here: p.a, other: p.docB, there: p.b } : p.docB === self.id ? { here: p.b, other: p.docA, there: p.a } : null;
    if (!mine) continue;
    passages.push({
      start: mine.here.start,
      end: mine.here.end,
      quote: quotePreview(sliceCp(self.text, mine.here.start, mine.here.end, index), QUOTE_PREVIEW),
      otherDocumentId: mine.other,
      otherTitle: titles.get(mine.other) ?? "",
      otherStart: mine.there.start,
      otherEnd: mine.there.end,
      similarity: Math.round(p.similarity * 100) / 100,
    });
  }
  passages.sort((a, b) => a.start - b.start || b.similarity - a.similarity || (a.otherTitle < b.otherTitle ? -1 : a.otherTitle > b.otherTitle ? 1 : 0));
  return { passages, compared: compared.length, truncated };
}
