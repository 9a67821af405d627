/**
 * The layer rules of ARCHITECTURE.md live in eslint.config.mjs; these tests show that each rule fires
 * on a file that breaks it and stays quiet on one that keeps it, so a config change that silently
 * disables a rule fails here. (`npm test` lints the whole project separately.)
 */
import { describe, expect, it } from "vitest";
import path from "node:path";
import { ESLint } from "eslint";

const eslint = new ESLint({ cwd: process.cwd() });

/** Lints `code` as if it were the file at `file` (relative to the project root); returns "rule: message" lines. */
async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(process.cwd(), file) });
  return result!.messages
    .filter((m) => m.ruleId === "import/no-restricted-paths" || m.ruleId?.endsWith("no-restricted-imports"))
    .map((m) => `${m.ruleId}: ${m.message}`);
}

const refused = [
  ["lib/core/values/probe.ts", 'import { getDb } from "@/lib/db/client";', "lib/core imports only lib/core"],
  ["lib/core/values/probe.ts", 'import { listProjectClaims } from "../../services/claim-lists";', "lib/core imports only lib/core"],
  ["lib/core/probe.ts", 'import { runAction } from "@/lib/server/action";', "lib/core imports only lib/core"],
  ["lib/core/probe.ts", 'import { useState } from "react";', "the core is framework-free"],
  ["lib/core/probe.ts", 'import { NextResponse } from "next/server";', "the core is framework-free"],
  ["lib/core/probe.ts", 'import { Editor } from "@tiptap/core";', "the core is framework-free"],
  ["lib/core/probe.ts", 'import { PrismaClient } from "@prisma/client";', "the core does not touch the database"],
  ["lib/core/probe.ts", 'import { readFileSync } from "node:fs";', "no Node built-ins"],
  ["components/annotate/probe.tsx", 'import ProjectPage from "@/app/projects/[projectId]/page";', "components do not import app/"],
  ["components/annotate/probe.tsx", 'import { getDb } from "@/lib/db/client";', "components do not touch the database"],
  ["components/annotate/probe.tsx", 'import { runAction } from "@/lib/server/action";', "components do not import the request layer"],
  ["components/claims/probe.tsx", 'import { listProjectClaims } from "@/lib/services/claim-lists";', "only types may be imported"],
  ["lib/services/probe.ts", 'import { runAction } from "@/lib/server/action";', "services do not import lib/server"],
  ["lib/services/probe.ts", 'import { getAuthOptions } from "../server/auth/options";', "services do not import lib/server"],
  ["lib/services/probe.ts", 'import { createClaimAction } from "@/lib/actions/projects";', "services do not import actions"],
  ["lib/auth/probe.ts", 'import { checkCredentials } from "@/lib/services/users";', "it imports no service"],
  ["lib/db/probe.ts", 'import { createClaim } from "@/lib/services/claims";', "lib/db sits below services"],
  ["lib/import/probe.ts", 'import { getDb } from "@/lib/db/client";', "lib/import does not touch the database"],
  ["lib/server/probe.ts", 'import { ClaimsTable } from "@/components/claims/ClaimsTable";', "lib/server does not import components"],
  ["lib/actions/probe.ts", 'import Page from "@/app/page";', "actions do not import app/"],
] as const;

const allowed = [
  ["lib/core/values/probe.ts", 'import { z } from "zod";\nimport { parseQuantity } from "@/lib/core/values";\nimport { codePointLength } from "../offsets/code-points";'],
  ["components/claims/probe.tsx", 'import type { ClaimTableQuery } from "@/lib/services/claim-lists";\nimport { createClaimAction } from "@/lib/actions/projects";'],
  ["lib/services/probe.ts", 'import { authorize } from "@/lib/auth/authorize";\nimport { getDb } from "@/lib/db/client";\nimport { parseQuantity } from "@/lib/core/values";'],
  ["lib/server/auth/probe.ts", 'import { checkCredentials } from "@/lib/services/users";'],
  ["lib/actions/probe.ts", 'import { runAction } from "@/lib/server/action";\nimport { createClaim } from "@/lib/services/claims";'],
] as const;

describe("layer rules", () => {
  it.each(refused)("%s: refuses %s", async (file, code, message) => {
    const found = await problems(file, `${code}\nexport const probe = 1;\n`);
    expect(found.length, found.join("\n")).toBe(1);
    expect(found[0]).toContain(message);
  });

  it.each(allowed)("%s: allows %s", async (file, code) => {
    expect(await problems(file, `${code}\nexport const probe = 1;\n`)).toEqual([]);
  });
});
