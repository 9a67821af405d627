/**
 * The document page's prepaint plan (components/editor/prepaint.ts): the highlights its claims
 * paint, worked out on the server so the page can paint them before its scripts run.
 *
 * Memoized per packed-claims object: the claims snapshot (lib/services/claim-snapshots.ts) hands out
 * the same object until the document's claims change, so a plan is computed once per change, not
 * per request. The text and the types' keys, colours and order are checked too (a colour edit repaints).
 */
import { buildTextModel, type TextLayout } from "@/lib/core/offsets";
import { unpackClaims, type PackedClaims } from "@/lib/core/packed-claims";
import { DEFAULT_HIGHLIGHT_PREFIX } from "@/components/editor/highlight-css";
import { planPrepaint, type PrepaintPlan } from "@/components/editor/prepaint";
import { withTypeCues } from "@/lib/core/color/palette";
import { toPaintClaim } from "./claim-order";

const memo = new WeakMap<PackedClaims, { text: string; layout: TextLayout; types: string; plan: PrepaintPlan }>();

/** `layout` must be the reading view's (paragraph indexes differ between layouts). */
export function documentPrepaint(text: string, packed: PackedClaims, claimTypes: readonly { id: string; key: string; color: string }[], layout: TextLayout = "plain"): PrepaintPlan {
  const typeSig = claimTypes.map((t) => `${t.id}=${t.key}:${t.color}`).join(";");
  const hit = memo.get(packed);
  if (hit && hit.text === text && hit.layout === layout && hit.types === typeSig) return hit.plan;
  const types = new Map(withTypeCues(claimTypes).map((t) => [t.id, t]));
  const claims = unpackClaims(packed).map((c) => toPaintClaim(c, types.get(c.typeId)));
  const plan = planPrepaint(buildTextModel(text, layout), claims, DEFAULT_HIGHLIGHT_PREFIX); // the document page's reading view uses the default
  memo.set(packed, { text, layout, types: typeSig, plan });
  return plan;
}
