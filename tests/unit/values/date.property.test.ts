import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { daysInMonth, formatDateValue, parseDate } from "@/lib/core/values";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const pad = (n: number) => String(n).padStart(2, "0");

const day = fc
  .record({ year: fc.integer({ min: 1000, max: 2999 }), month: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
  .filter(({ year, month, d }) => d <= daysInMonth(year, month));

describe("parseDate properties", () => {
  it("ISO, day-month-year and month-day-year forms agree, and the display form parses back", () => {
    fc.assert(
      fc.property(day, ({ year, month, d }) => {
        const iso = `${year}-${pad(month)}-${pad(d)}`;
        for (const raw of [iso, `${d} ${MONTHS[month - 1]} ${year}`, `${MONTHS[month - 1]} ${d}, ${year}`]) {
          const r = parseDate(raw);
          expect(r.ok && r.value).toMatchObject({ start: iso, end: iso, precision: "day" });
          if (r.ok) expect(parseDate(formatDateValue(r.value)).ok && true).toBe(true);
        }
      }),
    );
  });

  it("a yearless date never resolves after the reference, and lies within the year before it", () => {
    fc.assert(
      fc.property(day, day, (ref, target) => {
        if (target.month === 2 && target.d === 29) return; // resolved only when the year allows it
        const r = parseDate(`${target.d} ${MONTHS[target.month - 1]}`, { reference: { year: ref.year, month: ref.month, day: ref.d } });
        const refIso = `${ref.year}-${pad(ref.month)}-${pad(ref.d)}`;
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.value.start! <= refIso).toBe(true);
        const yearBefore = `${String(ref.year - 1).padStart(4, "0")}-${pad(ref.month)}-${pad(ref.d)}`;
        expect(r.value.start! > yearBefore).toBe(true);
      }),
    );
  });

  it("a month covers exactly its days", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 2999 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const r = parseDate(`${MONTHS[month - 1]} ${year}`);
        expect(r.ok && r.value).toMatchObject({ start: `${year}-${pad(month)}-01`, end: `${year}-${pad(month)}-${pad(daysInMonth(year, month))}`, precision: "month" });
      }),
    );
  });
});
