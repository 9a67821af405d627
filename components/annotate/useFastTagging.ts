"use client";
/**
 * Fast repeated tagging on the document page: the type R repeats (the last one used on the page,
 * at first the type of the annotator's latest claim on this document), the project's field defaults
 * for new claims, and what the form of a new claim needs to copy fields and warn about duplicate
 * evidence (components/annotate/FastTagging.tsx).
 */
import { useCallback, useMemo, useState } from "react";
import { lastTypeBy, previousClaimOfType, sameEvidenceClaim } from "@/lib/core/claim-types";
import { getClaimBySeqAction, setFieldDefaultAction } from "@/lib/actions/projects";
import { callAction } from "./save-claim";
import type { FieldDefaults } from "@/lib/services/claim-type-defaults";
import type { ClaimTypeInfo, CompactClaim, PanelState } from "./types";
import type { FastForm } from "./FastTagging";

export function useFastTagging<T extends ClaimTypeInfo>(opts: {
  projectId: string; documentId: string; claims: CompactClaim[]; currentUserId: string;
  types: Map<string, T>; fieldDefaults?: Record<string, FieldDefaults>; canSetDefaults: boolean;
}) {
  const { projectId, documentId, claims, currentUserId, types, canSetDefaults } = opts;
  const [used, setUsed] = useState<string | null>(null);
  const [defaults, setDefaults] = useState<Record<string, FieldDefaults>>(() => opts.fieldDefaults ?? {});
  const lastOwn = useMemo(() => lastTypeBy(claims, currentUserId), [claims, currentUserId]);
  const candidate = used ?? lastOwn;
  const repeatType = candidate ? types.get(candidate) : undefined;

  /** Values a new claim of the type starts with: the project's defaults (marked as such in the form). */
  const startValues = useCallback((typeId: string) => ({ ...(defaults[typeId]?.values ?? {}) }), [defaults]);

  const formFor = useCallback((panel: PanelState | null): FastForm | undefined => {
    if (panel?.mode !== "new") return undefined;
    const typeId = panel.typeId;
    const at = panel.spans.length ? Math.min(...panel.spans.map((s) => s.start)) : 0;
    const previous = previousClaimOfType(claims, typeId, at);
    const duplicate = sameEvidenceClaim(claims, typeId, panel.spans);
    return {
      typeName: types.get(typeId)?.name ?? "",
      defaults: defaults[typeId]?.values ?? {},
      copyFrom: previous ? Number(previous.id) : null,
      duplicateOf: duplicate ? Number(duplicate.id) : null,
      canSetDefaults,
      async setDefault(field, value) {
        const version = defaults[typeId]?.version ?? 0;
        const res = await callAction(() => setFieldDefaultAction(projectId, { claimTypeId: typeId, version, field, value }), "The default was not saved: the connection failed. Try again.");
        if (!res.ok) return res.error.message;
        setDefaults((d) => ({ ...d, [typeId]: res.data }));
        return null;
      },
      async loadValues(seq) {
        const res = await callAction(() => getClaimBySeqAction(projectId, documentId, seq), "The claim could not be read: the connection failed. Try again.");
        return res.ok ? { ok: true, values: res.data.claim.values } : { ok: false, message: res.error.message };
      },
    };
  }, [claims, types, defaults, canSetDefaults, projectId, documentId]);

  return { repeatType, remember: setUsed, startValues, formFor };
}
