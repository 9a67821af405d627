import path from "node:path";
import { defineConfig } from "prisma/config";

// The CLI is used only for `prisma generate` (client code); migrations are applied by the app itself.
// `process.env.DATABASE_URL ?? ""` rather than env(): env() throws when the variable is unset,
// and the embedded engine needs no URL.
export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
