-- Claims get a number within their document (#1, #2, ...): a short, stable reference for people,
-- and what the reading view uses to address claims without sending every claim's id.
ALTER TABLE "Document" ADD COLUMN "claimSeq" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Claim" ADD COLUMN "seq" INTEGER;

UPDATE "Claim" c SET "seq" = n.rn
FROM (SELECT id, row_number() OVER (PARTITION BY "documentId" ORDER BY "createdAt", id) AS rn FROM "Claim") n
WHERE n.id = c.id;

UPDATE "Document" d SET "claimSeq" = m.mx
FROM (SELECT "documentId", max("seq") AS mx FROM "Claim" GROUP BY "documentId") m
WHERE m."documentId" = d.id;

ALTER TABLE "Claim" ALTER COLUMN "seq" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Claim_documentId_seq_key" ON "Claim"("documentId", "seq");
