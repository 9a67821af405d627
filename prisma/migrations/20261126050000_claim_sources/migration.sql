-- Curation: a curated claim is an ordinary claim (written by the curator, approved) linked to the
-- annotators' claims it was made from, each at the version the curator saw. While the curated claim
-- is live its sources are settled: they are not curated again nor proposed for records on their own.
CREATE TABLE "ClaimSource" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "sourceClaimId" TEXT NOT NULL,
    "sourceVersion" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ClaimSource_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ClaimSource_sourceVersion_check" CHECK ("sourceVersion" >= 1),
    CONSTRAINT "ClaimSource_not_self_check" CHECK ("claimId" <> "sourceClaimId")
);
CREATE UNIQUE INDEX "ClaimSource_claimId_sourceClaimId_key" ON "ClaimSource"("claimId", "sourceClaimId");
CREATE INDEX "ClaimSource_sourceClaimId_idx" ON "ClaimSource"("sourceClaimId");
-- Both claims belong to the link's project: the foreign keys carry the project id.
ALTER TABLE "ClaimSource" ADD CONSTRAINT "ClaimSource_claimId_projectId_fkey" FOREIGN KEY ("claimId", "projectId") REFERENCES "Claim"("id", "projectId") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ClaimSource" ADD CONSTRAINT "ClaimSource_sourceClaimId_projectId_fkey" FOREIGN KEY ("sourceClaimId", "projectId") REFERENCES "Claim"("id", "projectId") ON DELETE CASCADE ON UPDATE CASCADE;
