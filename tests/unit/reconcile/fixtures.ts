/** Builders for reconciliation tests: stored claims written the way the claim form stores them. */
import { ATTACK, LEADER_CHANGE, SIZE_ESTIMATE } from "@/lib/core/claim-types";
import { parseDate, parseQuantity, type DateValue, type Quantity } from "@/lib/core/values";
import type { ReconcileClaim } from "@/lib/core/reconcile";

export const DEFS = [ATTACK, LEADER_CHANGE, SIZE_ESTIMATE];

/** A quantity as the reader stores it; fails the test if the wording does not read. */
export function qty(raw: string): Quantity {
  const r = parseQuantity(raw);
  if (!r.ok) throw new Error(`unreadable quantity ${raw}: ${r.error}`);
  return r.value;
}

/** A date as the reader stores it; fails the test if the wording does not read. */
export function day(raw: string): DateValue {
  const r = parseDate(raw);
  if (!r.ok) throw new Error(`unreadable date ${raw}: ${r.error}`);
  return r.value;
}

/** A hand-entered window. */
export function window(start: string, end: string, precision: DateValue["precision"]): DateValue {
  return { raw: `${start}..${end}`, start, end, precision, manual: true };
}

export const KABUL = { raw: "Hamid Karzai International Airport, Kabul", country: "AFG", admin1: "Kabul", precision: 1 as const };
export const ISKP = { raw: "Islamic State Khorasan Province" };

let seq = 0;
export function attack(id: string, documentId: string, values: Record<string, unknown>, extra: Partial<ReconcileClaim> = {}): ReconcileClaim {
  seq++;
  return { id, documentId, typeKey: "attack", values, spans: [{ start: seq * 1000, end: seq * 1000 + 50 }], ...extra };
}

/** The Kabul airport bombing of 26 August 2021 as two reports give it. */
export function kabulReports(): ReconcileClaim[] {
  return [
    attack("a1", "docA", {
      date: day("26 August 2021"), location: KABUL, perpetrators: [{ raw: "ISIS-K" }], fatalities: qty("at least 170"),
      attribution: { raw: "Afghan health officials", sourceType: "government", stance: "reported" },
    }, { published: "2021-08-27" }),
    attack("b1", "docB", {
      date: day("August 26, 2021"), location: { ...KABUL, raw: "Kabul airport" }, perpetrators: [{ raw: "IS-KP" }], fatalities: qty("183"),
      attribution: { raw: "Pentagon", sourceType: "military", stance: "asserted" },
    }, { published: "2021-09-15" }),
  ];
}
