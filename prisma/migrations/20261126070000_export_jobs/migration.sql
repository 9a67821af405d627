-- Export jobs: one row per ad hoc export a member starts (the claims or records page's filter in one
-- format), so the page can list recent exports with their state and progress, and run one again with
-- the same parameters. The file itself is never stored: it is streamed as it is written.
CREATE TABLE "ExportJob" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "filter" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "rows" INTEGER NOT NULL DEFAULT 0,
    "bytes" BIGINT NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    CONSTRAINT "ExportJob_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ExportJob_status_check" CHECK ("status" IN ('running', 'done', 'failed')),
    CONSTRAINT "ExportJob_counts_check" CHECK ("rows" >= 0 AND "bytes" >= 0),
    -- A finished job says when it finished; a running one has not.
    CONSTRAINT "ExportJob_finished_check" CHECK (("status" = 'running') = ("finishedAt" IS NULL))
);
CREATE INDEX "ExportJob_projectId_userId_createdAt_idx" ON "ExportJob"("projectId", "userId", "createdAt");
ALTER TABLE "ExportJob" ADD CONSTRAINT "ExportJob_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ExportJob" ADD CONSTRAINT "ExportJob_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
