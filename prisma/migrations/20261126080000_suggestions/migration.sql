-- Suggestions: annotations imported from a file (brat, W3C Web Annotation, claims JSONL) for members to
-- accept or reject one by one. An accepted suggestion becomes an ordinary draft claim written by the
-- member who accepted it; the suggestion keeps the decision and the claim it became.
CREATE TABLE "Suggestion" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "claimTypeId" TEXT NOT NULL,
    "claimTypeVersion" INTEGER NOT NULL,
    "spans" JSONB NOT NULL,
    "values" JSONB NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "source" JSONB NOT NULL,
    "importedById" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "acceptedClaimId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "Suggestion_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Suggestion_status_check" CHECK ("status" IN ('pending', 'accepted', 'rejected')),
    CONSTRAINT "Suggestion_version_check" CHECK ("version" >= 1),
    -- A decision names who made it and when; only an accepted suggestion names a claim.
    CONSTRAINT "Suggestion_decision_check" CHECK (("status" = 'pending') = ("decidedAt" IS NULL)),
    CONSTRAINT "Suggestion_accepted_claim_check" CHECK (("status" = 'accepted') = ("acceptedClaimId" IS NOT NULL))
);
CREATE INDEX "Suggestion_documentId_status_idx" ON "Suggestion"("documentId", "status");
CREATE INDEX "Suggestion_projectId_idx" ON "Suggestion"("projectId");
-- The document, the claim type and the accepted claim are keyed with the suggestion's projectId, so none
-- can be another project's. NoAction (checked at the statement's end) lets a project delete cascade.
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_documentId_projectId_fkey" FOREIGN KEY ("documentId", "projectId") REFERENCES "Document"("id", "projectId") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_claimTypeId_projectId_fkey" FOREIGN KEY ("claimTypeId", "projectId") REFERENCES "ClaimType"("id", "projectId") ON DELETE NO ACTION ON UPDATE CASCADE;
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_acceptedClaimId_projectId_fkey" FOREIGN KEY ("acceptedClaimId", "projectId") REFERENCES "Claim"("id", "projectId") ON DELETE NO ACTION ON UPDATE CASCADE;
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_importedById_fkey" FOREIGN KEY ("importedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
