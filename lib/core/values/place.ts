/**
 * The place value: a place as written plus what is known of where it is.
 *
 * `precision` follows UCDP GED `where_prec`:
 *   1 the exact location (a town, village or named site);
 *   2 within roughly 25 km of a known point, or a small named area around it;
 *   3 only the second-order administrative division (district) is known;
 *   4 only the first-order administrative division (province, state) is known;
 *   5 a larger part of a country: a linear feature (road, river, border) or an area spanning
 *     several provinces ("northern Afghanistan");
 *   6 only the country is known;
 *   7 international waters or airspace, or no single country.
 * Invariants: country is ISO 3166-1 alpha-3 upper case; coordinates come as a pair and lie on
 * the globe.
 */
import { z } from "zod";

export const WHERE_PRECISIONS = [1, 2, 3, 4, 5, 6, 7] as const;
/** What each precision means, for people choosing one. */
export const WHERE_PRECISION_LABELS: Record<(typeof WHERE_PRECISIONS)[number], string> = {
  1: "exact place", 2: "within ~25 km", 3: "second-order admin", 4: "first-order admin",
  5: "larger part of country", 6: "country", 7: "international waters / airspace",
};
const NAME_MAX = 200;

export const PlaceSchema = z
  .strictObject({
    raw: z.string().trim().min(1, { error: "the place as written is needed" }).max(NAME_MAX),
    country: z.string().regex(/^[A-Z]{3}$/, { error: "country must be a three-letter ISO code such as AFG" }).optional(),
    admin1: z.string().trim().min(1).max(NAME_MAX).optional(),
    admin2: z.string().trim().min(1).max(NAME_MAX).optional(),
    lat: z.number().min(-90, { error: "latitude is between -90 and 90" }).max(90, { error: "latitude is between -90 and 90" }).optional(),
    lon: z.number().min(-180, { error: "longitude is between -180 and 180" }).max(180, { error: "longitude is between -180 and 180" }).optional(),
    precision: z.union(WHERE_PRECISIONS.map((n) => z.literal(n))).optional(),
  })
  .refine((p) => (p.lat === undefined) === (p.lon === undefined), {
    error: "latitude and longitude go together",
    path: ["lat"],
  });

