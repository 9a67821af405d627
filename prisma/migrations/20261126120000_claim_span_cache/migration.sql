-- A copy of each claim's spans on the claim's own row, for the readers that take every claim of a
-- project at once (exports, releases): [[start, end, exact, prefix, suffix], ...] in ordinal order,
-- NULL for a claim without spans. "ClaimSpan" stays the only place spans are written; these triggers
-- keep the copy equal to it in the same statement, whoever writes (services, restore, hand-written SQL).
--
-- Why: a claim's spans live on other pages than the claim, in no order related to it, so reading a
-- large project's claims with their spans cost two random page reads per claim instead of one.
-- Measured (bench:export, a million claims): the spans' share was over a third of the export's time
-- on the embedded engine, whose every page read is a system call.
ALTER TABLE "Claim" ADD COLUMN "spanCache" jsonb;

CREATE FUNCTION "claim_span_cache_refresh"(claim_ids text[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "Claim" c SET "spanCache" = fresh.spans
  FROM (
    SELECT x.id, (SELECT jsonb_agg(jsonb_build_array(s.start, s."end", s.exact, s.prefix, s.suffix) ORDER BY s.ordinal)
                  FROM "ClaimSpan" s WHERE s."claimId" = x.id) AS spans
    FROM unnest(claim_ids) AS x(id)
  ) fresh
  WHERE c.id = fresh.id AND c."spanCache" IS DISTINCT FROM fresh.spans
$$;

CREATE FUNCTION "claim_span_cache_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "claim_span_cache_refresh"(ARRAY(SELECT DISTINCT "claimId" FROM new_spans));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "claim_span_cache_refresh"(ARRAY(SELECT DISTINCT "claimId" FROM old_spans));
  ELSE
    PERFORM "claim_span_cache_refresh"(ARRAY(SELECT "claimId" FROM new_spans UNION SELECT "claimId" FROM old_spans));
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "ClaimSpan_cache_insert" AFTER INSERT ON "ClaimSpan"
  REFERENCING NEW TABLE AS new_spans FOR EACH STATEMENT EXECUTE FUNCTION "claim_span_cache_trigger"();
CREATE TRIGGER "ClaimSpan_cache_update" AFTER UPDATE ON "ClaimSpan"
  REFERENCING OLD TABLE AS old_spans NEW TABLE AS new_spans FOR EACH STATEMENT EXECUTE FUNCTION "claim_span_cache_trigger"();
CREATE TRIGGER "ClaimSpan_cache_delete" AFTER DELETE ON "ClaimSpan"
  REFERENCING OLD TABLE AS old_spans FOR EACH STATEMENT EXECUTE FUNCTION "claim_span_cache_trigger"();

UPDATE "Claim" c SET "spanCache" = (
  SELECT jsonb_agg(jsonb_build_array(s.start, s."end", s.exact, s.prefix, s.suffix) ORDER BY s.ordinal) FROM "ClaimSpan" s WHERE s."claimId" = c.id
) WHERE EXISTS (SELECT 1 FROM "ClaimSpan" s WHERE s."claimId" = c.id);
