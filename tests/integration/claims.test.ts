/**
 * Claims against a real database: exact offsets and quotes (astral characters included), validation
 * against the claim type's version, strict inputs, optimistic concurrency, undoable delete,
 * idempotent create, and one audit event per successful change.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase, testEngines } from "../support/db";
import { makeUser, makeProject, makeDocument, claimTypeByKey } from "../support/factories";
import type { OpenDatabase } from "@/lib/db/engine";
import { failure } from "../support/errors";
import { createClaim, deleteClaim, getClaim, restoreClaim, updateClaim } from "@/lib/services/claims";
import { getDocumentPage } from "@/lib/services/document-page";
import { unpackClaims } from "@/lib/core/packed-claims";
import { updateClaimType } from "@/lib/services/claim-types";


const cpSlice = (s: string, a: number, b: number) => Array.from(s).slice(a, b).join("");

describe.each(testEngines())("claims on %s", (engine) => {
  let db: OpenDatabase;
  let user: { id: string };
  let projectId: string, docId: string, text: string, attackId: string, sizeId: string;
  const TEXT = "Intro 😀 with 𝐀stral chars.\n\nالهجوم في كابول 2021: On 26 August 2021 a suicide bombing at Kabul airport killed about 170 civilians and 13 US troops.";

  beforeAll(async () => {
    db = await useTestDatabase(engine);
    user = await makeUser("Coder");
    projectId = (await makeProject(user.id)).id;
    docId = (await makeDocument(user.id, projectId, TEXT)).documentId;
    text = (await getDocumentPage(user.id, projectId, docId)).document.text;
    attackId = (await claimTypeByKey(user.id, projectId, "attack")).id;
    sizeId = (await claimTypeByKey(user.id, projectId, "size_estimate")).id;
  });
  afterAll(async () => db?.close());

  it("stores code-point offsets whose quote equals the canonical text, past emoji and RTL text", async () => {
    const chars = Array.from(text);
    const start = chars.join("").indexOf("a suicide") === -1 ? 0 : Array.from(text.slice(0, text.indexOf("a suicide"))).length;
    const end = start + Array.from("a suicide bombing at Kabul airport").length;
    const claim = await createClaim(user.id, projectId, {
      documentId: docId, claimTypeId: attackId, spans: [{ start, end, exact: "a suicide bombing at Kabul airport" }],
      values: { fatalities: { raw: "about 170", low: null, best: 170, high: null, qualifier: "approx" } },
    });
    expect(claim.spans).toHaveLength(1);
    const span = claim.spans[0]!;
    expect(span.exact).toBe("a suicide bombing at Kabul airport");
    expect(cpSlice(text, span.start, span.end)).toBe(span.exact);
    expect(cpSlice(text, span.start - span.prefix.length, span.start)).toBe(span.prefix);
    expect(cpSlice(text, span.end, span.end + span.suffix.length)).toBe(span.suffix);
    // UTF-16 offsets would be larger: the emoji and the mathematical A are two units each.
    expect(text.indexOf("a suicide")).toBe(start + 2);
  });

  it("quotes astral characters and Arabic exactly", async () => {
    const emojiAt = Array.from(text).indexOf("😀");
    const arabic = "الهجوم في كابول";
    const arabicAt = Array.from(text.slice(0, text.indexOf(arabic))).length;
    const claim = await createClaim(user.id, projectId, {
      documentId: docId, claimTypeId: attackId,
      spans: [{ start: emojiAt, end: emojiAt + 1 }, { start: arabicAt, end: arabicAt + Array.from(arabic).length }],
    });
    expect(claim.spans.map((s) => s.exact)).toEqual(["😀", arabic]);
  });

  it("refuses offsets that do not match the client's quote, or fall outside the text", async () => {
    expect((await failure(createClaim(user.id, projectId, { documentId: docId, claimTypeId: attackId, spans: [{ start: 0, end: 5, exact: "Outro" }] }))).code).toBe("invalid");
    expect((await failure(createClaim(user.id, projectId, { documentId: docId, claimTypeId: attackId, spans: [{ start: 5, end: 100_000 }] }))).code).toBe("invalid");
    expect((await failure(createClaim(user.id, projectId, { documentId: docId, claimTypeId: attackId, spans: [{ start: 9, end: 3 }] }))).code).toBe("invalid");
    expect((await failure(createClaim(user.id, projectId, { documentId: docId, claimTypeId: attackId, spans: [] }))).code).toBe("invalid");
  });

  it("validates values against the claim type and names the field", async () => {
    const err = await failure(createClaim(user.id, projectId, { documentId: docId, claimTypeId: attackId, spans: [{ start: 0, end: 5 }], values: { fatalities: "lots" } }));
    expect(err.code).toBe("invalid");
    expect(err.message).toContain("fatalities");
    const unknown = await failure(createClaim(user.id, projectId, { documentId: docId, claimTypeId: attackId, spans: [{ start: 0, end: 5 }], values: { no_such_field: 1 } }));
    expect(unknown.code).toBe("invalid");
  });

  it("rejects mass assignment of status, author, project or version", async () => {
    const claim = await createClaim(user.id, projectId, { documentId: docId, claimTypeId: attackId, spans: [{ start: 0, end: 5 }] });
    for (const extra of [{ status: "approved" }, { authorId: "someone" }, { projectId: "other" }, { createdAt: "2020-01-01" }]) {
      const err = await failure(updateClaim(user.id, projectId, { claimId: claim.id, version: claim.version, note: "x", ...extra }));
      expect(err.code).toBe("invalid");
    }
    const err = await failure(createClaim(user.id, projectId, { documentId: docId, claimTypeId: attackId, spans: [{ start: 0, end: 5 }], status: "approved" }));
    expect(err.code).toBe("invalid");
    expect((await getClaim(user.id, projectId, claim.id)).status).toBe("draft");
  });

  it("detects a lost update: the second writer with a stale version gets a conflict and the first write stands", async () => {
    const claim = await createClaim(user.id, projectId, { documentId: docId, claimTypeId: attackId, spans: [{ start: 0, end: 5 }] });
    const a = await updateClaim(user.id, projectId, { claimId: claim.id, version: 1, note: "A's note" });
    expect(a.version).toBe(2);
    const err = await failure(updateClaim(user.id, projectId, { claimId: claim.id, version: 1, note: "B's note" }));
    expect(err.code).toBe("conflict");
    expect((err.details as { current: { version: number; note: string } }).current).toMatchObject({ version: 2, note: "A's note" });
    expect((await getClaim(user.id, projectId, claim.id)).note).toBe("A's note");
    expect((await failure(updateClaim(user.id, projectId, { claimId: claim.id, note: "no version" }))).code).toBe("invalid");
  });

  it("adds a second span (discontinuous evidence) and keeps spans in text order", async () => {
    const claim = await createClaim(user.id, projectId, { documentId: docId, claimTypeId: attackId, spans: [{ start: 40, end: 50 }] });
    const updated = await updateClaim(user.id, projectId, { claimId: claim.id, version: 1, spans: [{ start: 40, end: 50 }, { start: 0, end: 5 }] });
    expect(updated.spans.map((s) => s.start)).toEqual([0, 40]);
    expect(updated.spans[0]!.exact).toBe("Intro");
  });

  it("deletes softly and restores on undo; a delete with a stale version or a deleted claim is refused", async () => {
    const claim = await createClaim(user.id, projectId, { documentId: docId, claimTypeId: attackId, spans: [{ start: 0, end: 5 }], note: "keep me" });
    expect((await failure(deleteClaim(user.id, projectId, { claimId: claim.id, version: 7 }))).code).toBe("conflict");
    const del = await deleteClaim(user.id, projectId, { claimId: claim.id, version: 1 });
    const onPage = async () => unpackClaims((await getDocumentPage(user.id, projectId, docId)).claims).map((c) => c.id);
    expect(await onPage()).not.toContain(String(claim.seq));
    expect((await failure(updateClaim(user.id, projectId, { claimId: claim.id, version: del.version, note: "zombie" }))).code).toBe("not_found");
    const back = await restoreClaim(user.id, projectId, { claimId: claim.id, version: del.version });
    expect(back.note).toBe("keep me");
    expect(back.spans[0]!.exact).toBe("Intro");
    expect(await onPage()).toContain(String(claim.seq));
  });

  it("creates exactly one claim for retries with one idempotency key", async () => {
    const input = { documentId: docId, claimTypeId: attackId, spans: [{ start: 0, end: 5 }], idempotencyKey: "retry-key-123456" };
    const [a, b] = await Promise.all([createClaim(user.id, projectId, input), createClaim(user.id, projectId, input)]);
    const c = await createClaim(user.id, projectId, input);
    expect(new Set([a.id, b.id, c.id]).size).toBe(1);
    expect(await db.prisma.claim.count({ where: { idempotencyKey: "retry-key-123456" } })).toBe(1);
  });

  it("validates a claim against the claim-type version it was written with", async () => {
    const type = await claimTypeByKey(user.id, projectId, "size_estimate");
    const values = { group: { raw: "ISKP" }, estimate: { raw: "3-4,000 fighters", low: 3000, best: null, high: 4000, qualifier: "range", unit: "fighters" } };
    const old = await createClaim(user.id, projectId, { documentId: docId, claimTypeId: sizeId, spans: [{ start: 0, end: 5 }], values });
    expect(old.claimTypeVersion).toBe(1);
    expect(old.values.size_bin).toBe("1,000-9,999");
    await updateClaimType(user.id, projectId, {
      claimTypeId: sizeId, version: type.version,
      definition: { ...type.definition, fields: [...type.definition.fields, { key: "confidence", label: "Confidence", kind: "text", required: true }] },
    });
    // New claims need the new required field; the old claim still validates against version 1.
    expect((await failure(createClaim(user.id, projectId, { documentId: docId, claimTypeId: sizeId, spans: [{ start: 0, end: 5 }], values }))).code).toBe("invalid");
    const edited = await updateClaim(user.id, projectId, { claimId: old.id, version: 1, values: { ...values, group: { raw: "IS-KP" } } });
    expect(edited.claimTypeVersion).toBe(1);
  });

  it("writes one audit event per successful change", async () => {
    const before = await db.prisma.auditEvent.count({ where: { objectType: "claim", outcome: "ok" } });
    const claim = await createClaim(user.id, projectId, { documentId: docId, claimTypeId: attackId, spans: [{ start: 0, end: 5 }] });
    await updateClaim(user.id, projectId, { claimId: claim.id, version: 1, note: "n" });
    await failure(updateClaim(user.id, projectId, { claimId: claim.id, version: 1, note: "stale" }));
    await deleteClaim(user.id, projectId, { claimId: claim.id, version: 2 });
    await restoreClaim(user.id, projectId, { claimId: claim.id, version: 3 });
    const events = await db.prisma.auditEvent.findMany({ where: { objectType: "claim", objectId: claim.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["claim.create", "claim.update", "claim.delete", "claim.restore"]);
    expect(await db.prisma.auditEvent.count({ where: { objectType: "claim", outcome: "ok" } })).toBe(before + 4);
  });
});
