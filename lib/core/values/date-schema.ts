/**
 * The date value: a date as written plus the window it must lie in.
 *
 * `start` and `end` are the earliest and latest possible days (ISO YYYY-MM-DD, inclusive).
 * Invariants enforced by `DateValueSchema`: both are real calendar days; start <= end; both are
 * present unless precision is "unknown" (then both are empty, e.g. an unparsed raw text);
 * precision "day" means start = end.
 * `manual`: true when the annotator entered start, end and precision by hand (the wording could
 * not be read, or was overridden, or the date was marked unknown on purpose). A value without
 * `manual` must be what the parser reads from `raw` in the document's context.
 */
import { z } from "zod";
import { fromIso } from "./date-calendar";

export const DATE_PRECISIONS = ["day", "days", "week", "month", "year", "unknown"] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const MAX_DATE_RAW = 200;

const isoDay = z
  .string()
  .refine((s) => fromIso(s) !== null, { error: "must be a real day written YYYY-MM-DD" })
  .nullable();

export const DateValueSchema = z
  .strictObject({
    raw: z.string().max(MAX_DATE_RAW),
    start: isoDay,
    end: isoDay,
    precision: z.enum(DATE_PRECISIONS),
    manual: z.literal(true).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.precision === "unknown") {
      if (v.start !== null || v.end !== null) {
        ctx.addIssue({ code: "custom", path: ["precision"], message: "an unknown date has no start or end" });
      }
      return;
    }
    if (v.start === null || v.end === null) {
      ctx.addIssue({ code: "custom", path: [v.start === null ? "start" : "end"], message: `a ${v.precision} date needs a start and an end` });
      return;
    }
    // ISO day strings compare correctly as strings.
    if (v.start > v.end) ctx.addIssue({ code: "custom", path: ["end"], message: "the end is before the start" });
    if (v.precision === "day" && v.start !== v.end) {
      ctx.addIssue({ code: "custom", path: ["end"], message: "a single day has start = end" });
    }
  });

export type DateValue = z.infer<typeof DateValueSchema>;

/**
 * `warning`: set when the reading is sound but deserves a look, e.g. a yearless date whose year
 * from the text before the evidence differs from the one the publication date would give.
 */
export type DateParse = { ok: true; value: DateValue; explanation: string; warning?: string } | { ok: false; error: string };

/** The document's publication date, as precise as it is known. */
export type DateReference = { year: number; month?: number; day?: number };
