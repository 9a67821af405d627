/** Test data through the real services: users, projects, documents, with unique values per call. */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { signUp } from "@/lib/services/users";
import { createProject } from "@/lib/services/projects";
import { addMember } from "@/lib/services/members";
import { importDocument } from "@/lib/services/documents";
import { listClaimTypes } from "@/lib/services/claim-types";
import type { Role } from "@/lib/auth/permissions";

export const TEST_PASSWORD = "correct horse battery staple";

export async function makeUser(name = "Analyst") {
  const tag = randomBytes(4).toString("hex");
  return signUp({ name: `${name} ${tag}`, email: `${name.toLowerCase().replace(/\W+/g, "")}-${tag}@example.org`, password: TEST_PASSWORD });
}

export async function makeProject(ownerId: string, name = "Test project") {
  return createProject(ownerId, { name });
}

export async function addMemberWithRole(ownerId: string, projectId: string, email: string, role: Role) {
  return addMember(ownerId, projectId, { email, role });
}

export function corpusFile(prefix: string): { fileName: string; bytes: Uint8Array } {
  const dir = path.join(process.cwd(), "prisma", "demo", "corpus");
  const manifest = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8")) as { documents: { file: string }[] };
  const file = manifest.documents.find((d) => d.file.startsWith(prefix))!.file;
  return { fileName: file, bytes: new Uint8Array(readFileSync(path.join(dir, file))) };
}

export async function makeDocument(userId: string, projectId: string, text?: string) {
  const body = text ?? `Report ${randomBytes(4).toString("hex")}.\n\nOn 18 April 2022 an attack in Kabul killed 12 people, officials said.`;
  return importDocument(userId, projectId, { fileName: "report.txt", pastedText: body }, { metadata: { title: "Report", published: "2022-05" } });
}

export async function claimTypeByKey(userId: string, projectId: string, key: string) {
  const types = await listClaimTypes(userId, projectId);
  const t = types.find((x) => x.key === key);
  if (!t) throw new Error(`no claim type ${key}`);
  return t;
}
