-- Releases: immutable, versioned snapshots of a project's dataset with their files stored as bytes,
-- so a release downloads byte-identical whatever happens to the working data afterwards.
CREATE TABLE "Release" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "version" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "contentHash" TEXT NOT NULL,
    "counts" JSONB NOT NULL,
    "citation" JSONB NOT NULL,
    CONSTRAINT "Release_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Release_seq_check" CHECK ("seq" >= 1),
    -- Semantic version without pre-release or build parts (the service validates the same).
    CONSTRAINT "Release_version_check" CHECK ("version" ~ '^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$'),
    CONSTRAINT "Release_title_check" CHECK (char_length("title") BETWEEN 1 AND 200),
    CONSTRAINT "Release_contentHash_check" CHECK ("contentHash" ~ '^[0-9a-f]{64}$')
);
CREATE UNIQUE INDEX "Release_projectId_seq_key" ON "Release"("projectId", "seq");
CREATE UNIQUE INDEX "Release_projectId_version_key" ON "Release"("projectId", "version");
CREATE UNIQUE INDEX "Release_id_projectId_key" ON "Release"("id", "projectId");
ALTER TABLE "Release" ADD CONSTRAINT "Release_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Release" ADD CONSTRAINT "Release_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "ReleaseFile" (
    "id" TEXT NOT NULL,
    "releaseId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    CONSTRAINT "ReleaseFile_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ReleaseFile_name_check" CHECK ("name" ~ '^[a-z0-9][a-z0-9._-]{0,99}$'),
    CONSTRAINT "ReleaseFile_sha256_check" CHECK ("sha256" ~ '^[0-9a-f]{64}$'),
    CONSTRAINT "ReleaseFile_size_check" CHECK ("size" = octet_length("bytes"))
);
CREATE UNIQUE INDEX "ReleaseFile_releaseId_name_key" ON "ReleaseFile"("releaseId", "name");
ALTER TABLE "ReleaseFile" ADD CONSTRAINT "ReleaseFile_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A release is never rewritten: it disappears only with its project (the cascade deletes the
-- project row first, so the release's delete finds it gone), and a file only with its release.
CREATE FUNCTION "release_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM "Project" WHERE "id" = OLD."projectId") THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'Release is immutable: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "Release_immutable" BEFORE UPDATE OR DELETE ON "Release"
  FOR EACH ROW EXECUTE FUNCTION "release_immutable"();

CREATE FUNCTION "release_file_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM "Release" WHERE "id" = OLD."releaseId") THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'ReleaseFile is immutable: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "ReleaseFile_immutable" BEFORE UPDATE OR DELETE ON "ReleaseFile"
  FOR EACH ROW EXECUTE FUNCTION "release_file_immutable"();
