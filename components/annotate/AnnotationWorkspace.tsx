"use client";
/**
 * The document page's working area: the reading view with claim highlights, the selection popover
 * (claim types, keys 1-9), the claim side panel and the claims list. Claims are kept as compact
 * records (ids and offsets); a claim's fields are loaded when it is opened.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { CodePointIndex } from "@/lib/core/offsets";
import { unpackClaims, type PackedClaims } from "@/lib/core/packed-claims";
import { ReadingView, type ReadingViewHandle } from "@/components/editor/ReadingView";
import type { PaintClaim } from "@/components/editor/painter";
import { createClaimAction, deleteClaimAction, getClaimAction, getClaimBySeqAction, restoreClaimAction, updateClaimAction } from "@/app/projects/actions";
import dynamic from "next/dynamic";
import { ClaimsList } from "./ClaimsList";
import { SelectionPopover } from "./SelectionPopover";
import { OverlapChooser } from "./OverlapChooser";
import { UndoToast, type Toast } from "./UndoToast";
import type { ClaimTypeInfo, CompactClaim, PanelState, SpanDraft } from "./types";
import { insertSorted, toCompact, toPaintClaim } from "./claim-order";
import type { PrepaintPlan } from "@/components/editor/prepaint";

/** The claim form (field inputs, value parsers, schemas) loads when first needed, not with the page. */
const ClaimPanel = dynamic(() => import("./ClaimPanel").then((m) => m.ClaimPanel), {
  ssr: false,
  loading: () => <div className="claim-panel" aria-busy="true">Loading the claim form…</div>,
});

/** Claim rows the server renders (more than the list shows before it is scrolled). */
const SERVER_LIST_ROWS = 40;

export function AnnotationWorkspace(props: {
  projectId: string;
  documentId: string;
  text: string;
  published: string;
  claimTypes: ClaimTypeInfo[];
  packedClaims: PackedClaims;
  members: { id: string; name: string }[];
  currentUserId: string;
  canCreate: boolean;
  canEditAny: boolean;
  /** Highlights painted on the server-rendered text before the page's scripts run (see document-prepaint.ts). */
  prepaint?: { plan: PrepaintPlan; nonce?: string };
}) {
  const { projectId, documentId, text } = props;
  if (typeof window !== "undefined" && !performance.getEntriesByName("workspace:render").length) performance.mark("workspace:render");
  useEffect(() => void performance.mark("workspace:mounted"), []);
  const viewRef = useRef<ReadingViewHandle>(null);
  // The server renders the claims list's first rows only, so it unpacks only those (the list shows the
  // total from the packed count); the browser unpacks them all.
  const onServer = typeof window === "undefined";
  const [claims, setClaims] = useState<CompactClaim[]>(() => unpackClaims(props.packedClaims, onServer ? SERVER_LIST_ROWS : undefined));
  const [selection, setSelection] = useState<(SpanDraft & { rect?: { x: number; y: number } }) | null>(null);
  const [panel, setPanel] = useState<PanelState | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; conflict: boolean } | null>(null);
  const [chooser, setChooser] = useState<{ ids: string[]; x: number; y: number } | null>(null);
  const [toast, setToast] = useState<Toast | null>(null);

  const index = useMemo(() => new CodePointIndex(text), [text]);
  const types = useMemo(() => new Map(props.claimTypes.map((t) => [t.id, t])), [props.claimTypes]);
  const activeTypes = useMemo(() => props.claimTypes.filter((t) => !t.archived), [props.claimTypes]);
  const authorNames = useMemo(() => new Map(props.members.map((m) => [m.id, m.name])), [props.members]);
  // Wording in the claim form is read against the text before the claim's first span (offsets are code points).
  const firstStart = panel?.spans.length ? Math.min(...panel.spans.map((s) => s.start)) : 0;
  const textBefore = useMemo(() => text.slice(0, index.toUtf16(firstStart)), [text, index, firstStart]);
  // Both serve the browser only (clicks, the painter): the server renders neither, so it skips them.
  const byId = useMemo(() => new Map(onServer ? [] : claims.map((c) => [c.id, c])), [claims, onServer]);
  const paintClaims = useMemo<PaintClaim[]>(() => (onServer ? [] : claims.map((c) => toPaintClaim(c, types.get(c.typeId)))), [claims, types, onServer]);
  const focusedId = panel?.mode === "edit" ? String(panel.claim.seq) : null;

  const startNew = useCallback((typeId: string) => {
    if (!selection || !props.canCreate) return;
    setError(null);
    setPanel({ mode: "new", typeId, spans: [{ start: selection.start, end: selection.end, exact: selection.exact }], values: {}, note: "" });
    setSelection(null);
    window.getSelection()?.removeAllRanges(); // the selection is now the claim's evidence
  }, [selection, props.canCreate]);

  const openClaim = useCallback(async (ref: string, scroll = false) => {
    if (ref.startsWith("pending-")) return; // still being saved: nothing to open yet
    setChooser(null);
    setError(null);
    const res = await getClaimBySeqAction(projectId, documentId, Number(ref));
    if (!res.ok) return setError({ message: res.error.message, conflict: false });
    const { claim, definition } = res.data;
    setPanel({ mode: "edit", claim, definition, spans: claim.spans.map(({ start, end, exact }) => ({ start, end, exact })), values: claim.values, note: claim.note });
    if (scroll && claim.spans[0]) viewRef.current?.scrollToOffset(claim.spans[0].start);
  }, [projectId, documentId]);

  const addSelectionToPanel = useCallback(() => {
    if (!panel || !selection) return;
    if (panel.spans.some((s) => s.start === selection.start && s.end === selection.end)) return;
    setPanel({ ...panel, spans: [...panel.spans, { start: selection.start, end: selection.end, exact: selection.exact }].sort((a, b) => a.start - b.start) });
    setSelection(null);
    window.getSelection()?.removeAllRanges();
  }, [panel, selection]);

  const save = useCallback(async () => {
    if (!panel || busy) return;
    setBusy(true);
    setError(null);
    const spans = panel.spans.map(({ start, end, exact }) => ({ start, end, exact }));
    // A new claim is painted at once, marked pending, and replaced by the saved one (or removed on failure).
    const pendingId = panel.mode === "new" ? `pending-${crypto.randomUUID()}` : null;
    if (pendingId && panel.mode === "new") {
      const pending: CompactClaim = { id: pendingId, typeId: panel.typeId, authorId: props.currentUserId, status: "draft", version: 0, spans: spans.map((s) => [s.start, s.end] as [number, number]) };
      setClaims((cs) => insertSorted(cs, pending));
    }
    const res = panel.mode === "new"
      ? await createClaimAction(projectId, { documentId, claimTypeId: panel.typeId, spans, values: panel.values, note: panel.note, idempotencyKey: crypto.randomUUID() })
      : await updateClaimAction(projectId, { claimId: panel.claim.id, version: panel.claim.version, spans, values: panel.values, note: panel.note });
    setBusy(false);
    if (!res.ok) {
      if (pendingId) setClaims((cs) => cs.filter((c) => c.id !== pendingId));
      return setError({ message: res.error.message, conflict: res.error.code === "conflict" });
    }
    const saved = res.data;
    setClaims((cs) => insertSorted(cs.filter((c) => c.id !== String(saved.seq) && c.id !== pendingId), toCompact(saved)));
    setPanel(null);
    setToast({ message: panel.mode === "new" ? "Claim saved." : "Changes saved." });
  }, [panel, busy, projectId, documentId, props.currentUserId]);

  const remove = useCallback(async () => {
    if (!panel || panel.mode !== "edit") return;
    const claim = panel.claim;
    setBusy(true);
    const res = await deleteClaimAction(projectId, { claimId: claim.id, version: claim.version });
    setBusy(false);
    if (!res.ok) return setError({ message: res.error.message, conflict: res.error.code === "conflict" });
    setClaims((cs) => cs.filter((c) => c.id !== String(claim.seq)));
    setPanel(null);
    const deletedVersion = res.data.version;
    setToast({
      message: "Claim deleted.",
      undo: async () => {
        const back = await restoreClaimAction(projectId, { claimId: claim.id, version: deletedVersion });
        if (back.ok) setClaims((cs) => insertSorted(cs, toCompact(back.data)));
        else setToast({ message: back.error.message });
      },
    });
  }, [panel, projectId]);

  const reloadTheirs = useCallback(async () => {
    if (panel?.mode !== "edit") return;
    const res = await getClaimAction(projectId, panel.claim.id);
    if (res.ok) {
      const theirs = res.data.claim;
      // Keep the annotator's edits in the form, based on the latest version, so saving re-applies them.
      setPanel({ ...panel, claim: theirs });
      setClaims((cs) => cs.map((c) => (c.id === String(theirs.seq) ? toCompact(theirs) : c)));
      setError({ message: `Their version (v${theirs.version}) is loaded underneath your edits. Save to re-apply your changes on top of it.`, conflict: false });
    }
  }, [panel, projectId]);

  useEffect(() => {
    // Links from the claims table land on #claim-<number>: open that claim and scroll to its evidence.
    const m = /^#claim-(\d+)$/.exec(window.location.hash);
    if (m && byId.has(m[1]!)) void openClaim(m[1]!, true);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only on first load
  }, []);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const target = e.target as HTMLElement | null;
      const typing = target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT" || target.isContentEditable);
      if ((e.ctrlKey || e.metaKey) && e.key === "Enter" && panel) {
        e.preventDefault();
        // Through the form, so its checks run first (the form is loaded on demand; without it, save directly).
        const form = document.getElementById("claim-form") as HTMLFormElement | null;
        if (form) form.requestSubmit();
        else void save();
        return;
      }
      if (e.key === "Escape") { setChooser(null); if (!typing) { setSelection(null); setPanel(null); } return; }
      if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
      if (/^[1-9]$/.test(e.key) && selection) {
        const t = activeTypes[Number(e.key) - 1];
        if (t) { e.preventDefault(); startNew(t.id); }
      } else if ((e.key === "a" || e.key === "A") && selection && panel) {
        e.preventDefault();
        addSelectionToPanel();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [selection, panel, activeTypes, startNew, save, addSelectionToPanel]);

  const panelType = panel ? types.get(panel.mode === "new" ? panel.typeId : panel.claim.claimTypeId) : undefined;
  const canEditPanel = panel?.mode === "new" || (panel?.mode === "edit" && (panel.claim.authorId === props.currentUserId || props.canEditAny));

  return (
    <div className="workspace">
      <div className="reading-pane">
        <ReadingView
          ref={viewRef}
          text={text}
          prepaint={props.prepaint}
          claims={paintClaims}
          focusedClaimId={focusedId}
          onSelectionChange={(sel) => {
            if (!sel) return setSelection(null);
            const rect = window.getSelection()?.rangeCount ? window.getSelection()!.getRangeAt(0).getBoundingClientRect() : null;
            setSelection({ ...sel, rect: rect ? { x: rect.left + rect.width / 2, y: rect.bottom } : undefined });
          }}
          onClaimsAtPoint={(all, point) => {
            const ids = all.filter((id) => !id.startsWith("pending-")); // still being saved
            if (ids.length === 1) void openClaim(ids[0]!);
            else if (ids.length > 1) setChooser({ ids, x: point.x, y: point.y });
          }}
        />
        {selection && props.canCreate && (
          <SelectionPopover types={activeTypes} at={selection.rect} onPick={startNew} canAddToOpen={Boolean(panel)} onAddToOpen={addSelectionToPanel} onDismiss={() => setSelection(null)} />
        )}
        {chooser && (
          <OverlapChooser at={chooser} claims={chooser.ids.map((id) => byId.get(id)).filter((c): c is CompactClaim => Boolean(c))} types={types} text={text} index={index}
            onPick={(id) => void openClaim(id)} onClose={() => setChooser(null)} />
        )}
      </div>
      <div className="side">
        {panel && panelType ? (
          <ClaimPanel
            key={panel.mode === "edit" ? panel.claim.id : "new"}
            panel={panel}
            definition={panel.mode === "edit" ? panel.definition : panelType.definition}
            color={panelType.color}
            published={props.published}
            textBefore={textBefore}
            busy={busy}
            error={error?.message ?? null}
            conflict={error?.conflict ?? false}
            canEdit={Boolean(canEditPanel)}
            pendingSelection={selection}
            onChange={(p) => setPanel({ ...panel, ...p } as PanelState)}
            onAddSelection={addSelectionToPanel}
            onFocusSpan={(s) => viewRef.current?.scrollToOffset(s.start)}
            onSave={() => void save()}
            onDelete={() => void remove()}
            onClose={() => { setPanel(null); setError(null); }}
            onReloadTheirs={() => void reloadTheirs()}
          />
        ) : (
          <div className="panel hint">
            {props.canCreate ? (
              <p className="small">Select words in the text, then pick a claim type: {activeTypes.slice(0, 9).map((t, i) => <span key={t.id}><kbd>{i + 1}</kbd> {t.name} </span>)}. Click a highlight to open its claim.</p>
            ) : (
              <p className="small">You can read this document and its claims. Click a highlight to see its claim.</p>
            )}
            {error && <p role="alert" className="error">{error.message}</p>}
          </div>
        )}
        <ClaimsList projectId={projectId} documentId={documentId} claims={claims} total={onServer ? props.packedClaims.count : claims.length} types={types} text={text} index={index} focusedId={focusedId} authorNames={authorNames}
          onOpen={(c) => void openClaim(c.id, true)} />
      </div>
      {toast && <UndoToast toast={toast} onDone={() => setToast(null)} />}
    </div>
  );
}
