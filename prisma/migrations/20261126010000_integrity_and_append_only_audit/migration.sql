-- Integrity the services already keep, now also kept by the database, so a bug or a hand-written
-- query cannot break it: who wrote what, a claim's document and claim type (and its version) in the
-- claim's own project, sane offsets and counters, and an audit log that can only grow.

-- Authorship points at a real user. Nothing deletes users today; if that ever comes, it must decide
-- what happens to their work, so deleting an author is refused rather than cascading into content.
-- A claim type version only names who wrote it: that name is forgotten rather than blocking.
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Document" ADD CONSTRAINT "Document_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ClaimTypeVersion" ADD CONSTRAINT "ClaimTypeVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A claim's document and claim type belong to the claim's project: the foreign keys carry the
-- project id, which needs (id, projectId) to be unique on the referenced tables.
CREATE UNIQUE INDEX "Document_id_projectId_key" ON "Document"("id", "projectId");
CREATE UNIQUE INDEX "ClaimType_id_projectId_key" ON "ClaimType"("id", "projectId");

ALTER TABLE "Claim" DROP CONSTRAINT "Claim_documentId_fkey";
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_documentId_projectId_fkey" FOREIGN KEY ("documentId", "projectId") REFERENCES "Document"("id", "projectId") ON DELETE CASCADE ON UPDATE CASCADE;

-- Claim types are archived, never deleted, while claims use them; NO ACTION (checked at the end of
-- the statement, unlike RESTRICT) still lets deleting a project remove its claims and types together.
ALTER TABLE "Claim" DROP CONSTRAINT "Claim_claimTypeId_fkey";
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_claimTypeId_projectId_fkey" FOREIGN KEY ("claimTypeId", "projectId") REFERENCES "ClaimType"("id", "projectId") ON DELETE NO ACTION ON UPDATE CASCADE;

-- The version a claim was written with exists, and is a version of the claim's own type.
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_claimTypeId_claimTypeVersion_fkey" FOREIGN KEY ("claimTypeId", "claimTypeVersion") REFERENCES "ClaimTypeVersion"("claimTypeId", "version") ON DELETE NO ACTION ON UPDATE CASCADE;

-- Offsets are code points into the canonical text: a span is a non-empty, forward interval.
ALTER TABLE "ClaimSpan" ADD CONSTRAINT "ClaimSpan_offsets_check" CHECK ("start" >= 0 AND "start" < "end");
ALTER TABLE "ClaimSpan" ADD CONSTRAINT "ClaimSpan_ordinal_check" CHECK ("ordinal" >= 0);

-- Counters and versions: claims are numbered from 1, versions start at 1, counters never go negative.
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_seq_check" CHECK ("seq" >= 1);
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_version_check" CHECK ("version" >= 1 AND "claimTypeVersion" >= 1);
ALTER TABLE "ClaimType" ADD CONSTRAINT "ClaimType_version_check" CHECK ("version" >= 1 AND "currentVersion" >= 1);
ALTER TABLE "ClaimTypeVersion" ADD CONSTRAINT "ClaimTypeVersion_version_check" CHECK ("version" >= 1);
ALTER TABLE "Document" ADD CONSTRAINT "Document_counters_check" CHECK ("version" >= 1 AND "claimsVersion" >= 0 AND "claimSeq" >= 0 AND "textLength" >= 0);
ALTER TABLE "Project" ADD CONSTRAINT "Project_version_check" CHECK ("version" >= 1);
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_version_check" CHECK ("version" >= 1);
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_outcome_check" CHECK ("outcome" IN ('ok', 'denied'));

-- The audit log is append-only: any UPDATE, DELETE or TRUNCATE of its rows is refused. It has no
-- foreign keys, so deleting a project or a user never cascades into it. (The database owner can still
-- drop the trigger: this guards against the application and against mistakes, not against the owner.)
CREATE FUNCTION "audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "AuditEvent_no_update_delete" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();
CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_append_only"();
