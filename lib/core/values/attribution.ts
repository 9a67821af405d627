/**
 * The attribution value: whom the document cites for a claim, what kind of source that is, and
 * how the document presents it (its stance). `raw` is the source as named in the text
 * ("United Nations Security Council").
 */
import { z } from "zod";

export const SOURCE_TYPES = [
  "government", "military", "perpetrator_claim", "group_media", "un_ngo", "media", "witness",
  "academic", "unknown",
] as const;
export const STANCES = ["asserted", "reported", "alleged", "claimed", "disputed", "denied"] as const;

export const AttributionSchema = z.strictObject({
  raw: z.string().trim().min(1, { error: "name the source the document cites" }).max(300),
  sourceType: z.enum(SOURCE_TYPES),
  stance: z.enum(STANCES),
});

