-- Field defaults: per project and claim type, values an editor chose for some fields (Perpetrators =
-- ISKP) that the claim form fills into each new claim of that type, marked as defaults until the
-- annotator changes them. One row per claim type, versioned like every other write.
CREATE TABLE "ClaimTypeDefaults" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "claimTypeId" TEXT NOT NULL,
    -- {fieldKey: value}, each value valid for its field in the type's definition when it was set.
    "values" JSONB NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ClaimTypeDefaults_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ClaimTypeDefaults_version_check" CHECK ("version" >= 1),
    CONSTRAINT "ClaimTypeDefaults_values_check" CHECK (jsonb_typeof("values") = 'object')
);
CREATE UNIQUE INDEX "ClaimTypeDefaults_claimTypeId_key" ON "ClaimTypeDefaults"("claimTypeId");
CREATE INDEX "ClaimTypeDefaults_projectId_idx" ON "ClaimTypeDefaults"("projectId");
-- The claim type is keyed with the row's projectId, so defaults can never name another project's type.
ALTER TABLE "ClaimTypeDefaults" ADD CONSTRAINT "ClaimTypeDefaults_claimTypeId_projectId_fkey" FOREIGN KEY ("claimTypeId", "projectId") REFERENCES "ClaimType"("id", "projectId") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ClaimTypeDefaults" ADD CONSTRAINT "ClaimTypeDefaults_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ClaimTypeDefaults" ADD CONSTRAINT "ClaimTypeDefaults_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
