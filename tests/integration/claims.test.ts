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
import { createClaim, deleteClaim, getClaimForEditing, restoreClaim, updateClaim } from "@/lib/services/claims";
import { getDocumentPage } from "@/lib/services/document-page";
import { unpackClaims } from "@/lib/core/packed-claims";
import { updateClaimType } from "@/lib/services/claim-types";
import { ATTACK, SIZE_ESTIMATE, readFieldWording } from "@/lib/core/claim-types";


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
    expect(err.message).toContain("Fatalities"); // the field's label, as the form shows it
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
    expect((await getClaimForEditing(user.id, projectId, { claimId: claim.id })).claim.status).toBe("draft");
  });

  it("detects a lost update: the second writer with a stale version gets a conflict and the first write stands", async () => {
    const claim = await createClaim(user.id, projectId, { documentId: docId, claimTypeId: attackId, spans: [{ start: 0, end: 5 }] });
    const a = await updateClaim(user.id, projectId, { claimId: claim.id, version: 1, note: "A's note" });
    expect(a.version).toBe(2);
    const err = await failure(updateClaim(user.id, projectId, { claimId: claim.id, version: 1, note: "B's note" }));
    expect(err.code).toBe("conflict");
    expect((err.details as { current: { version: number; note: string } }).current).toMatchObject({ version: 2, note: "A's note" });
    expect((await getClaimForEditing(user.id, projectId, { claimId: claim.id })).claim.note).toBe("A's note");
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

  describe("values read from wording (never silent, never a lying client)", () => {
    const span = (phrase: string) => {
      const start = Array.from(text.slice(0, text.indexOf(phrase))).length;
      return { start, end: start + Array.from(phrase).length };
    };
    const attack = (values: Record<string, unknown>, phrase = "a suicide bombing") =>
      createClaim(user.id, projectId, { documentId: docId, claimTypeId: attackId, spans: [span(phrase)], values });
    const fatalitiesField = ATTACK.fields.find((f) => f.key === "fatalities")!;
    const dateField = ATTACK.fields.find((f) => f.key === "date")!;

    it("refuses a value that is not what its wording reads, naming the field and the wording", async () => {
      const err = await failure(attack({ fatalities: { raw: "about 170", low: null, best: 1700, high: null, qualifier: "approx" } }));
      expect(err.code).toBe("invalid");
      expect(err.message).toContain("Fatalities");
      expect(err.message).toContain('does not match its wording "about 170"');
    });

    it("refuses wording it cannot read unless the value is entered by hand or marked unknown", async () => {
      const err = await failure(attack({ fatalities: { raw: "see the table below", low: null, best: null, high: null, qualifier: "unknown" } }));
      expect(err.message).toMatch(/cannot be read.*by hand or mark it unknown/);
      const manual = { raw: "see the table below", low: 10, best: null, high: 15, qualifier: "range", manual: true };
      expect((await attack({ fatalities: manual })).values.fatalities).toEqual(manual);
      const unknown = { raw: "see the table below", low: null, best: null, high: null, qualifier: "unknown", manual: true };
      expect((await attack({ fatalities: unknown })).values.fatalities).toEqual(unknown);
    });

    it("reads a date with the document's publication date and the code-point text before the first span", async () => {
      // The astral characters before the span make UTF-16 and code-point offsets differ.
      const phrase = "killed about 170";
      const s = span(phrase);
      const expected = readFieldWording(dateField, "On January 26", { reference: { year: 2022, month: 5 }, before: cpSlice(text, 0, s.start) });
      if (!expected.ok) throw new Error(expected.error);
      const claim = await attack({ date: expected.value }, phrase);
      expect(claim.values.date).toEqual(expected.value);
      // The same wording read against another publication date is a different value: refused.
      const elsewhere = readFieldWording(dateField, "On January 26", { reference: { year: 2019, month: 5 } });
      if (!elsewhere.ok) throw new Error(elsewhere.error);
      expect((await failure(attack({ date: elsewhere.value }, phrase))).message).toContain("Date");
    });

    it("takes the text before the evidence in code points: a UTF-16 cut would lose the year", async () => {
      // Two astral characters before the evidence: cut at the span's code-point offset taken as UTF-16,
      // "January 10, 2019 " would lose "19" and the yearless date would fall back to the publication year.
      const body = "Notes 😀😀 dated January 10, 2019 On January 26 the group attacked.";
      const doc = (await makeDocument(user.id, projectId, body)).documentId;
      const start = Array.from(body.slice(0, body.indexOf("On January 26"))).length;
      const values = (start: string) => ({ date: { raw: "On January 26", start, end: start, precision: "day" } });
      const create = (v: Record<string, unknown>) => createClaim(user.id, projectId, {
        documentId: doc, claimTypeId: attackId, spans: [{ start, end: start + "On January 26".length }], values: v,
      });
      expect((await create(values("2019-01-26"))).values.date).toMatchObject({ start: "2019-01-26" });
      expect((await failure(create(values("2022-01-26")))).message).toContain("does not match its wording");
    });

    it("gives a size estimate worded without a unit the default unit", async () => {
      const field = SIZE_ESTIMATE.fields.find((f) => f.key === "estimate")!;
      const reading = readFieldWording(field, "3-4,000", {});
      if (!reading.ok) throw new Error(reading.error);
      const claim = await createClaim(user.id, projectId, {
        documentId: docId, claimTypeId: sizeId, spans: [span("13 US troops")], values: { group: { raw: "ISKP" }, estimate: reading.value },
      });
      expect(claim.values.estimate).toMatchObject({ raw: "3-4,000", low: 3000, high: 4000, qualifier: "range", unit: "fighters" });
      expect(claim.values.size_bin).toBe("1,000-9,999");
    });

    it("lets an old claim be edited when an untouched field reads differently today, and re-reads a changed one", async () => {
      const reading = readFieldWording(fatalitiesField, "about 170", {});
      if (!reading.ok) throw new Error(reading.error);
      const claim = await attack({ fatalities: reading.value });
      // As an older parser might have stored it.
      const stale = { ...reading.value, best: 171 };
      await db.prisma.claim.update({ where: { id: claim.id }, data: { values: { fatalities: stale } } });
      const edited = await updateClaim(user.id, projectId, { claimId: claim.id, version: 1, values: { fatalities: stale, weapon: "suicide vest" } });
      expect(edited.values).toEqual({ fatalities: stale, weapon: "suicide vest" });
      const err = await failure(updateClaim(user.id, projectId, { claimId: claim.id, version: 2, values: { fatalities: { ...stale, best: 172 }, weapon: "suicide vest" } }));
      expect(err.message).toContain("does not match its wording");
    });
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
