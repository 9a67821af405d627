-- The review workflow: per-project settings (open or blind annotation, annotators per document, whether
-- editors may approve their own claims), document assignments with the annotator's own progress, review
-- decisions bound to the claim version decided on, and comments on claims.

ALTER TABLE "Project" ADD COLUMN "annotationMode" TEXT NOT NULL DEFAULT 'open';
ALTER TABLE "Project" ADD COLUMN "annotatorsPerDocument" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Project" ADD COLUMN "selfApproval" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Project" ADD CONSTRAINT "Project_annotationMode_check" CHECK ("annotationMode" IN ('open', 'blind'));
ALTER TABLE "Project" ADD CONSTRAINT "Project_annotatorsPerDocument_check" CHECK ("annotatorsPerDocument" BETWEEN 1 AND 5);

-- In blind mode, annotators see only their own claims on a document until an editor opens it for
-- curation; from then on every member sees every claim of it.
ALTER TABLE "Document" ADD COLUMN "curationOpenedAt" TIMESTAMP(3);

CREATE TABLE "Assignment" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'not_started',
    "assignedById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Assignment_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Assignment_state_check" CHECK ("state" IN ('not_started', 'in_progress', 'done')),
    CONSTRAINT "Assignment_version_check" CHECK ("version" >= 1)
);
CREATE UNIQUE INDEX "Assignment_documentId_userId_key" ON "Assignment"("documentId", "userId");
CREATE INDEX "Assignment_projectId_userId_idx" ON "Assignment"("projectId", "userId");
-- The document belongs to the assignment's project; the assignee must be a member of it (the
-- membership row, so removing a member removes their assignments).
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_documentId_projectId_fkey" FOREIGN KEY ("documentId", "projectId") REFERENCES "Document"("id", "projectId") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_projectId_userId_fkey" FOREIGN KEY ("projectId", "userId") REFERENCES "Membership"("projectId", "userId") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_assignedById_fkey" FOREIGN KEY ("assignedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Decisions and comments belong to their claim's project: their foreign keys carry the project id.
CREATE UNIQUE INDEX "Claim_id_projectId_key" ON "Claim"("id", "projectId");

-- Every review decision, in order: who moved which version of a claim to which state, and why.
-- Claim.status is the current state, written in the same transaction.
CREATE TABLE "ReviewDecision" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "claimVersion" INTEGER NOT NULL,
    "actorId" TEXT NOT NULL,
    "fromStatus" "ClaimStatus" NOT NULL,
    "toStatus" "ClaimStatus" NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReviewDecision_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ReviewDecision_claimVersion_check" CHECK ("claimVersion" >= 1)
);
CREATE INDEX "ReviewDecision_claimId_createdAt_idx" ON "ReviewDecision"("claimId", "createdAt");
CREATE INDEX "ReviewDecision_projectId_createdAt_idx" ON "ReviewDecision"("projectId", "createdAt");
ALTER TABLE "ReviewDecision" ADD CONSTRAINT "ReviewDecision_claimId_projectId_fkey" FOREIGN KEY ("claimId", "projectId") REFERENCES "Claim"("id", "projectId") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ReviewDecision" ADD CONSTRAINT "ReviewDecision_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Decisions are never rewritten; they disappear only with their claim (a document or project deleted).
CREATE FUNCTION "review_decision_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM "Claim" WHERE "id" = OLD."claimId") THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'ReviewDecision is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "ReviewDecision_append_only" BEFORE UPDATE OR DELETE ON "ReviewDecision"
  FOR EACH ROW EXECUTE FUNCTION "review_decision_append_only"();

CREATE TABLE "ClaimComment" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ClaimComment_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ClaimComment_body_check" CHECK (length("body") BETWEEN 1 AND 4000)
);
CREATE INDEX "ClaimComment_claimId_createdAt_idx" ON "ClaimComment"("claimId", "createdAt");
ALTER TABLE "ClaimComment" ADD CONSTRAINT "ClaimComment_claimId_projectId_fkey" FOREIGN KEY ("claimId", "projectId") REFERENCES "Claim"("id", "projectId") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ClaimComment" ADD CONSTRAINT "ClaimComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The review queue lists submitted claims of a project, oldest first.
CREATE INDEX "Claim_projectId_status_updatedAt_idx" ON "Claim"("projectId", "status", "updatedAt");
