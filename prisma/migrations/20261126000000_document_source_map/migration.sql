-- The offset map from a document's decoded source to its stored text (null: the offsets are equal),
-- and, while the unrepaired text is kept as an alternative, the report and map that describe it.
ALTER TABLE "Document" ADD COLUMN "sourceMap" JSONB;
ALTER TABLE "Document" ADD COLUMN "originalImport" JSONB;
