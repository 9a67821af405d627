-- Records across documents: the project's actor list with aliases (used to match spellings), records
-- built from approved claims, their combined fields and their conflicts. Every child row carries the
-- project id in its foreign keys, so nothing can point into another project.

-- The last record number given out in the project (records are R1, R2, ... per project).
ALTER TABLE "Project" ADD COLUMN "recordSeq" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Project" ADD CONSTRAINT "Project_recordSeq_check" CHECK ("recordSeq" >= 0);

-- Actor: one named group or person of the project's list.
CREATE TABLE "Actor" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Actor_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Actor_name_check" CHECK (length("name") BETWEEN 1 AND 200)
);
CREATE UNIQUE INDEX "Actor_id_projectId_key" ON "Actor"("id", "projectId");
CREATE INDEX "Actor_projectId_name_idx" ON "Actor"("projectId", "name");
ALTER TABLE "Actor" ADD CONSTRAINT "Actor_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ActorAlias: every name an actor goes by (its own name included); a normalized name names at most
-- one actor of a project, so matching never has to pick between two.
CREATE TABLE "ActorAlias" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "alias" TEXT NOT NULL,
    "normalized" TEXT NOT NULL,
    CONSTRAINT "ActorAlias_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ActorAlias_alias_check" CHECK (length("alias") BETWEEN 1 AND 200 AND length("normalized") >= 1)
);
CREATE UNIQUE INDEX "ActorAlias_projectId_normalized_key" ON "ActorAlias"("projectId", "normalized");
CREATE INDEX "ActorAlias_actorId_idx" ON "ActorAlias"("actorId");
ALTER TABLE "ActorAlias" ADD CONSTRAINT "ActorAlias_actorId_projectId_fkey" FOREIGN KEY ("actorId", "projectId") REFERENCES "Actor"("id", "projectId") ON DELETE CASCADE ON UPDATE CASCADE;

-- Record: one real-world thing (an attack, a leader change) as several claims describe it, with the
-- summary columns the records list filters and sorts on (rewritten whenever the record is recomputed).
CREATE TABLE "Record" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "claimTypeId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'confirmed',
    "dateStart" TEXT,
    "dateEnd" TEXT,
    "country" TEXT,
    "actorKeys" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "numberOfSources" INTEGER NOT NULL DEFAULT 0,
    "sources" JSONB NOT NULL DEFAULT '[]',
    "createdById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),
    CONSTRAINT "Record_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Record_status_check" CHECK ("status" IN ('confirmed', 'final')),
    CONSTRAINT "Record_seq_check" CHECK ("seq" >= 1),
    CONSTRAINT "Record_version_check" CHECK ("version" >= 1),
    CONSTRAINT "Record_sources_check" CHECK ("numberOfSources" >= 0),
    CONSTRAINT "Record_dates_check" CHECK (("dateStart" IS NULL) = ("dateEnd" IS NULL) AND ("dateStart" IS NULL OR "dateStart" <= "dateEnd"))
);
CREATE UNIQUE INDEX "Record_id_projectId_key" ON "Record"("id", "projectId");
CREATE UNIQUE INDEX "Record_projectId_seq_key" ON "Record"("projectId", "seq");
CREATE INDEX "Record_projectId_deletedAt_dateStart_idx" ON "Record"("projectId", "deletedAt", "dateStart");
ALTER TABLE "Record" ADD CONSTRAINT "Record_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Record" ADD CONSTRAINT "Record_claimTypeId_projectId_fkey" FOREIGN KEY ("claimTypeId", "projectId") REFERENCES "ClaimType"("id", "projectId") ON DELETE NO ACTION ON UPDATE CASCADE;
ALTER TABLE "Record" ADD CONSTRAINT "Record_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- RecordClaim: a claim grouped into a record, with the claim version it was grouped at; a claim
-- belongs to at most one record.
CREATE TABLE "RecordClaim" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "claimVersion" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RecordClaim_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "RecordClaim_claimVersion_check" CHECK ("claimVersion" >= 1)
);
CREATE UNIQUE INDEX "RecordClaim_claimId_key" ON "RecordClaim"("claimId");
CREATE INDEX "RecordClaim_recordId_idx" ON "RecordClaim"("recordId");
ALTER TABLE "RecordClaim" ADD CONSTRAINT "RecordClaim_recordId_projectId_fkey" FOREIGN KEY ("recordId", "projectId") REFERENCES "Record"("id", "projectId") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RecordClaim" ADD CONSTRAINT "RecordClaim_claimId_projectId_fkey" FOREIGN KEY ("claimId", "projectId") REFERENCES "Claim"("id", "projectId") ON DELETE CASCADE ON UPDATE CASCADE;

-- RecordField: one field's combined value, the rule that chose it (and the curator's rule or chosen
-- claim when set), the claims supporting it and every alternative with its claims.
CREATE TABLE "RecordField" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "fieldKey" TEXT NOT NULL,
    "value" JSONB,
    "rule" TEXT NOT NULL,
    "ruleOverride" TEXT,
    "chosenClaimId" TEXT,
    "undecided" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT NOT NULL DEFAULT '',
    "supportingClaimIds" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "alternatives" JSONB NOT NULL DEFAULT '[]',
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "RecordField_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "RecordField_rule_check" CHECK ("rule" IN ('curator', 'conservative_minimum', 'most_recent', 'majority', 'intersection', 'all')),
    CONSTRAINT "RecordField_ruleOverride_check" CHECK ("ruleOverride" IS NULL OR "ruleOverride" IN ('conservative_minimum', 'most_recent', 'majority', 'intersection', 'all')),
    CONSTRAINT "RecordField_version_check" CHECK ("version" >= 1)
);
CREATE UNIQUE INDEX "RecordField_recordId_fieldKey_key" ON "RecordField"("recordId", "fieldKey");
ALTER TABLE "RecordField" ADD CONSTRAINT "RecordField_recordId_projectId_fkey" FOREIGN KEY ("recordId", "projectId") REFERENCES "Record"("id", "projectId") ON DELETE CASCADE ON UPDATE CASCADE;

-- Conflict: a disagreement among a record's claims (kind, field, the claims on each side), open until
-- an editor resolves it with a chosen value and a note; a resolved conflict stays on the record.
-- "key" identifies the same disagreement across recomputations (kind, field and each side's claims).
CREATE TABLE "Conflict" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "fieldKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "sides" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "resolution" JSONB,
    "note" TEXT NOT NULL DEFAULT '',
    "resolvedById" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Conflict_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Conflict_kind_check" CHECK ("kind" IN ('date_mismatch', 'figure_mismatch', 'none_vs_reported', 'denial', 'internal')),
    CONSTRAINT "Conflict_status_check" CHECK ("status" IN ('open', 'resolved')),
    CONSTRAINT "Conflict_resolved_check" CHECK (("status" = 'resolved') = ("resolvedAt" IS NOT NULL) AND ("status" = 'open' OR length("note") >= 1)),
    CONSTRAINT "Conflict_note_check" CHECK (length("note") <= 4000),
    CONSTRAINT "Conflict_version_check" CHECK ("version" >= 1)
);
CREATE UNIQUE INDEX "Conflict_recordId_key_key" ON "Conflict"("recordId", "key");
CREATE INDEX "Conflict_projectId_status_createdAt_idx" ON "Conflict"("projectId", "status", "createdAt");
ALTER TABLE "Conflict" ADD CONSTRAINT "Conflict_recordId_projectId_fkey" FOREIGN KEY ("recordId", "projectId") REFERENCES "Record"("id", "projectId") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Conflict" ADD CONSTRAINT "Conflict_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
