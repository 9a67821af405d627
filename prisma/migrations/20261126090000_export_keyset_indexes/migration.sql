-- Exports and backups read a project's claims and records in pages ordered by id ("id > last seen").
-- With (projectId, id) each page is an index range scan, whatever the planner's statistics; without it a
-- database that was never analyzed (the embedded engine has no autovacuum) sorted every claim of the
-- project for every page, so an export slowed down with the square of its size.
CREATE INDEX "Claim_projectId_id_idx" ON "Claim"("projectId", "id");
CREATE INDEX "Record_projectId_id_idx" ON "Record"("projectId", "id");
