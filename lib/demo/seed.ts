/**
 * The demo: on first start with an empty embedded database (or with ATTEST_DEMO=1), create a demo
 * account and a project holding the five sample reports, and print the credentials.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { getDb, dataDir } from "@/lib/db/client";
import { signUp } from "@/lib/services/users";
import { createProject } from "@/lib/services/projects";
import { importDocument } from "@/lib/services/documents";

export const DEMO_EMAIL = "demo@attest.example";

interface ManifestEntry { file: string; title: string; authors: string[]; publisher: string; published: string }

function corpusDir() {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), "prisma", "demo", "corpus");
}

function credentialsFile() {
  return path.join(dataDir(), "demo-credentials.txt");
}

function banner(lines: string[]) {
  const width = Math.max(...lines.map((l) => l.length)) + 4;
  console.log(`\n${"=".repeat(width)}\n${lines.map((l) => `  ${l}`).join("\n")}\n${"=".repeat(width)}\n`);
}

export async function ensureDemo(): Promise<void> {
  const wanted = process.env.ATTEST_DEMO === "1" || (!process.env.DATABASE_URL && process.env.ATTEST_DEMO !== "0");
  if (!wanted) return;
  const db = await getDb();
  const existing = await db.user.findUnique({ where: { email: DEMO_EMAIL }, select: { id: true } });
  if (existing) {
    if (existsSync(credentialsFile())) banner(readFileSync(credentialsFile(), "utf8").trim().split("\n"));
    return;
  }
  if ((await db.user.count()) > 0) return; // a real instance: never add a demo account to it
  const password = `attest-${randomBytes(4).toString("hex")}-${randomBytes(4).toString("hex")}`;
  const user = await signUp({ name: "Demo Analyst", email: DEMO_EMAIL, password });
  const { id: projectId } = await createProject(user.id, {
    name: "ISKP sample reports",
    description: "Five public analytic texts about Islamic State Khorasan Province, imported as they are. See About for sources.",
  });
  const manifest = JSON.parse(readFileSync(path.join(corpusDir(), "manifest.json"), "utf8")) as { documents: ManifestEntry[] };
  for (const d of manifest.documents) {
    const bytes = new Uint8Array(readFileSync(path.join(corpusDir(), d.file)));
    await importDocument(user.id, projectId, { fileName: d.file, bytes }, {
      metadata: { title: d.title, authors: d.authors, publisher: d.publisher, published: d.published, language: "en" },
    });
  }
  const lines = ["Attest demo is ready.", `E-mail:   ${DEMO_EMAIL}`, `Password: ${password}`, `Project:  ISKP sample reports (${manifest.documents.length} documents)`];
  mkdirSync(dataDir(), { recursive: true });
  writeFileSync(credentialsFile(), `${lines.join("\n")}\n`, { mode: 0o600 });
  banner(lines);
}
