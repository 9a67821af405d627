/**
 * Seeds a data directory for the editor benchmark: one user, and per claim count one project holding
 * sample document 001 with that many generated claims (random spans, deterministic seed), written
 * with bulk inserts. Usage: tsx bench/seed-editor.ts DATA_DIR COUNT[,COUNT...]
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { openDatabase } from "../lib/db/engine";
import { prepareText, contentHash } from "../lib/core/text";
import { buildTextModel, CodePointIndex, makeSelector, spanToRange } from "../lib/core/offsets";
import { staticParagraphsHtml } from "../components/editor/prepaint";
import { hashPassword } from "../lib/auth/password";
import { DEFAULT_CLAIM_TYPES } from "../lib/core/claim-types";
import { newId } from "../lib/ids";

export const BENCH_EMAIL = "bench@attest.example";
export const BENCH_PASSWORD = "benchmark passphrase 2026";

/** Mulberry32: a tiny deterministic PRNG so every run seeds the same claims. */
function prng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function main() {
  const [dataDir, countsArg] = process.argv.slice(2);
  if (!dataDir || !countsArg) throw new Error("usage: seed-editor.ts DATA_DIR COUNT[,COUNT...]");
  const counts = countsArg.split(",").map(Number);
  const db = await openDatabase({ engine: "pglite", dataDir: path.join(dataDir, "pglite") });
  const p = db.prisma;
  const bytes = new Uint8Array(readFileSync(path.join(process.cwd(), "prisma/demo/corpus/001_f42c43737148646d.txt")));
  const prepared = prepareText(bytes, { repair: true });
  const text = prepared.canonical;
  const index = new CodePointIndex(text);
  const model = buildTextModel(text);
  const hash = await contentHash(text);
  const userId = newId();
  await p.user.create({ data: { id: userId, email: BENCH_EMAIL, name: "Bench", passwordHash: await hashPassword(BENCH_PASSWORD) } });
  const out: Record<string, { projectId: string; documentId: string }> = {};
  for (const count of counts) {
    const projectId = newId();
    const documentId = newId();
    await p.project.create({ data: { id: projectId, name: `Bench ${count}` } });
    await p.membership.create({ data: { id: newId(), projectId, userId, role: "owner" } });
    const typeIds: string[] = [];
    for (const def of DEFAULT_CLAIM_TYPES) {
      const id = newId();
      typeIds.push(id);
      await p.claimType.create({ data: { id, projectId, key: def.key, name: def.name, color: def.color } });
      await p.claimTypeVersion.create({ data: { id: newId(), claimTypeId: id, version: 1, definition: def as never } });
    }
    await p.document.create({
      data: {
        id: documentId, projectId, title: "Islamic State in Khorasan Province (ISKP)", authors: ["Mapping Militants Project"], text,
        textLength: index.length, contentHash: hash, sourceFormat: "txt", importReport: prepared.report as never, createdById: userId, published: "2024-08",
      },
    });
    const rand = prng(count);
    // For the floor page: each span as start paragraph, offset, end paragraph, offset (UTF-16), type.
    const floorRanges: [number, number, number, number, number][] = [];
    const BATCH = 2000;
    for (let done = 0; done < count; done += BATCH) {
      const claims = [];
      const spans = [];
      for (let i = done; i < Math.min(count, done + BATCH); i++) {
        const id = newId();
        const len = 5 + Math.floor(rand() * 75);
        const start = Math.floor(rand() * (index.length - len));
        const sel = makeSelector(text, index, start, start + len);
        claims.push({ id, seq: i + 1, projectId, documentId, claimTypeId: typeIds[i % typeIds.length]!, claimTypeVersion: 1, values: {}, authorId: userId });
        spans.push({ id: newId(), claimId: id, ordinal: 0, ...sel });
        const r = spanToRange(model, sel.start, sel.end);
        if (r) floorRanges.push([r.from.paragraph, r.from.offset, r.to.paragraph, r.to.offset, i % typeIds.length]);
      }
      await p.claim.createMany({ data: claims });
      await p.claimSpan.createMany({ data: spans });
    }
    await p.document.update({ where: { id: documentId }, data: { claimSeq: count } });
    out[String(count)] = { projectId, documentId };
    writeFileSync(path.join(dataDir, `floor-${count}.json`), JSON.stringify({ html: staticParagraphsHtml(model), ranges: floorRanges }));
  }
  await db.close();
  writeFileSync(path.join(dataDir, "seed.json"), JSON.stringify(out));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
