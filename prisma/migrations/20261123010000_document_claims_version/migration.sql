-- AlterTable: a counter bumped by every change to a document's claims, so readers can tell whether a
-- cached view of the claims is current (and, later, live clients whether to refresh).
ALTER TABLE "Document" ADD COLUMN "claimsVersion" INTEGER NOT NULL DEFAULT 0;
