"use client";
/**
 * The document page's working area: the reading view with claim highlights, the selection popover
 * (claim types, keys 1-9), the claim side panel and the claims list. Claims are kept as compact
 * records (ids and offsets); a claim's fields are loaded when it is opened.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { CodePointIndex } from "@/lib/core/offsets";
import { unpackClaims, type PackedClaims } from "@/lib/core/packed-claims";
import { canEditClaim, type Role } from "@/lib/auth/permissions";
import { ReadingView, type ReadingViewHandle } from "@/components/editor/ReadingView";
import type { PaintClaim } from "@/components/editor/painter";
import { createClaimAction, deleteClaimAction, getClaimAction, getClaimBySeqAction, updateClaimAction } from "@/lib/actions/projects";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { ClaimsList } from "./ClaimsList";
import { SubmitAllClaims } from "./SubmitAllClaims";
import { SelectionPopover } from "./SelectionPopover";
import { OverlapChooser } from "./OverlapChooser";
import { UndoToast, type Toast } from "./UndoToast";
import type { ClaimTypeInfo, CompactClaim, FullClaim, PanelState, PanelStatus, SpanDraft } from "./types";
import { insertSorted, toCompact, toPaintClaim } from "./claim-order";
import { withTypeCues } from "@/lib/core/color/palette";
import { callAction, createInput, draftFingerprint, newIdempotencyKey, savedWithoutDraft, statusOf, updateInput } from "./save-claim";
import { compareDrafts, reapplyDraft } from "./claim-rebase";
import { draftChanged } from "./dirty-draft";
import { DiscardDialog } from "./DiscardDialog";
import { ClaimsDrawer, ClaimsDrawerToggle, isNarrow, useClaimsDrawer } from "./ClaimsDrawer";
import { useRevealEvidence, useRevealOnOpen } from "./reveal-evidence";
import type { PrepaintPlan } from "@/components/editor/prepaint";
import type { TextLayout } from "@/lib/core/offsets";
import type { FieldDefaults } from "@/lib/services/claim-type-defaults";
import { useFastTagging } from "./useFastTagging";
import { useKeyboardFlow } from "./useKeyboardFlow";
import { DraftRestoreNotice, dropDraft, keepDraft, useStoredDraft } from "./DraftRestoreNotice";
import { serializeDraft, spansMatchText, toLocalDraft, type StoredDraft } from "./local-draft";

/** The claim form (field inputs, value parsers, schemas) loads when first needed, not with the page. */
const ClaimPanel = dynamic(() => import("./ClaimPanel").then((m) => m.ClaimPanel), {
  ssr: false,
  loading: () => <div className="claim-panel" aria-busy="true">Loading the claim form…</div>,
});

/** The painter's id for a new claim's evidence while its form is open (see paintClaims). */
const DRAFT_PAINT_ID = "pending-draft";

/** How long after the last change a draft is kept in the browser (it is kept at once when the page is hidden). */
const DRAFT_KEEP_DELAY_MS = 300;

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
  /** The user's role in the project: with currentUserId, decides which claims the panel lets them edit. */
  role: Role;
  /** Highlights painted on the server-rendered text before the page's scripts run (see document-prepaint.ts). */
  prepaint?: { plan: PrepaintPlan; nonce?: string };
  /** How the text is laid out: `reflow` joins a PDF's wrapped lines (the prepaint plan must use the same). */
  layout?: TextLayout;
  /** Field defaults by claim type id, filled into new claims and marked as defaults in the form. */
  fieldDefaults?: Record<string, FieldDefaults>;
  /** Whether the user may set field defaults (editors and owners). */
  canSetDefaults?: boolean;
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
  // Guards against a second submit before React has re-rendered with busy = true.
  const busyRef = useRef(false);
  const [error, setError] = useState<PanelStatus | null>(null);
  /** The version someone else saved, while the annotator compares it with their form. */
  const [theirs, setTheirs] = useState<FullClaim | null>(null);
  /** What the first attempt under each idempotency key sent, to notice a draft edited between retries. */
  const firstAttempts = useRef(new Map<string, string>());
  const [chooser, setChooser] = useState<{ ids: string[]; x: number; y: number } | null>(null);
  const [toast, setToast] = useState<Toast | null>(null);
  /** What waits for the answer to "Discard changes?" (closing the form, opening another claim, a link). */
  const [discardAsk, setDiscardAsk] = useState<{ proceed(): void } | null>(null);
  const router = useRouter();

  const index = useMemo(() => new CodePointIndex(text), [text]);
  const cuedTypes = useMemo(() => withTypeCues(props.claimTypes), [props.claimTypes]);
  const types = useMemo(() => new Map(cuedTypes.map((t) => [t.id, t])), [cuedTypes]);
  const activeTypes = useMemo(() => cuedTypes.filter((t) => !t.archived), [cuedTypes]);
  const authorNames = useMemo(() => new Map(props.members.map((m) => [m.id, m.name])), [props.members]);
  // Wording in the claim form is read against the text before the claim's first span (offsets are code points).
  const firstStart = panel?.spans.length ? Math.min(...panel.spans.map((s) => s.start)) : 0;
  const textBefore = useMemo(() => text.slice(0, index.toUtf16(firstStart)), [text, index, firstStart]);
  // Both serve the browser only (clicks, the painter): the server renders neither, so it skips them.
  const byId = useMemo(() => new Map(onServer ? [] : claims.map((c) => [c.id, c])), [claims, onServer]);
  const storedPaint = useMemo<PaintClaim[]>(() => (onServer ? [] : claims.map((c) => toPaintClaim(c, types.get(c.typeId)))), [claims, types, onServer]);
  // A new claim's evidence stays marked while its form is open (the text selection is gone by then),
  // drawn as the focused claim; its "pending-" id keeps clicks and the list away from it.
  const draftSpans = panel?.mode === "new" ? panel.spans : null;
  const draftType = panel?.mode === "new" ? types.get(panel.typeId) : undefined;
  const paintClaims = useMemo<PaintClaim[]>(() => {
    if (!draftSpans) return storedPaint;
    const draft: PaintClaim = { id: DRAFT_PAINT_ID, typeKey: draftType?.key ?? "other", color: draftType?.color ?? "#999999", spans: draftSpans.map(({ start, end }) => ({ start, end })) };
    if (draftType?.underline) draft.underline = draftType.underline;
    return [...storedPaint, draft];
  }, [storedPaint, draftSpans, draftType]);
  const focusedId = panel?.mode === "edit" ? String(panel.claim.seq) : null;
  const panelDefinition = panel ? (panel.mode === "edit" ? panel.definition : types.get(panel.typeId)?.definition) : undefined;
  const editable = panel?.mode === "new" || (panel?.mode === "edit" && canEditClaim(props.role, props.currentUserId, panel.claim.authorId));
  const dirty = Boolean(panel && panelDefinition && editable && draftChanged(panel, panelDefinition));
  // Focus and announcements for keyboard and screen reader users: claim keys, focus after save/close/delete, undo.
  const flow = useKeyboardFlow({ projectId, text, index, claims, byId, types, viewRef, panel, focusedId, dirty, setClaims, setPanel, setToast });
  const { announce, closed: formClosed, saved: flowSaved, deleted: flowDeleted, handleKey: flowKey } = flow;

  /** Runs `proceed` at once when the form holds nothing to lose, else after "Discard changes" (one question at a time). */
  const unlessDirty = useCallback((proceed: () => void) => {
    if (!dirty) return proceed();
    setDiscardAsk((asked) => asked ?? { proceed });
  }, [dirty]);

  const closePanel = useCallback(() => { setPanel(null); setError(null); setTheirs(null); }, []);
  /** Esc or the close button: the form closes and focus goes back to the text at its evidence. */
  const closeToText = useCallback(() => { formClosed(panel); closePanel(); }, [formClosed, panel, closePanel]);

  // R repeats the last type used; new claims start with the project's field defaults (marked in the form).
  const fast = useFastTagging({ projectId, documentId, claims, currentUserId: props.currentUserId, types, fieldDefaults: props.fieldDefaults, canSetDefaults: Boolean(props.canSetDefaults) });
  const { remember, startValues } = fast;
  const repeatType = fast.repeatType?.archived ? undefined : fast.repeatType;
  const repeatId = repeatType?.id;

  const startNew = useCallback((typeId: string) => {
    if (!selection || !props.canCreate) return;
    unlessDirty(() => {
      setError(null);
      setTheirs(null);
      const values = startValues(typeId);
      setPanel({ mode: "new", typeId, spans: [{ start: selection.start, end: selection.end, exact: selection.exact }], values, startValues: values, note: "", idempotencyKey: newIdempotencyKey() });
      announce(`New ${types.get(typeId)?.name ?? ""} claim. Alt+Shift and a field's number jump to the field; Ctrl+Enter saves; Esc closes.`);
      remember(typeId);
      setSelection(null);
      window.getSelection()?.removeAllRanges(); // the selection is now the claim's evidence
    });
  }, [selection, props.canCreate, unlessDirty, startValues, remember, announce, types]);

  /** Fetches a claim and opens it in the panel (every state change after the answer). */
  const loadClaim = useCallback(async (ref: string, scroll: boolean) => {
    const res = await callAction(() => getClaimBySeqAction(projectId, documentId, Number(ref)), "The claim could not be opened: the connection failed. Try again.");
    if (!res.ok) return setError({ message: res.error.message, kind: "error" });
    const { claim, definition } = res.data;
    setPanel({ mode: "edit", claim, definition, spans: claim.spans.map(({ start, end, exact }) => ({ start, end, exact })), values: claim.values, note: claim.note });
    announce(`${definition.name} #${claim.seq} opened, version ${claim.version}.`);
    if (scroll && claim.spans[0]) viewRef.current?.scrollToOffset(claim.spans[0].start);
  }, [projectId, documentId, announce]);

  const openClaim = useCallback((ref: string, scroll = false) => {
    if (ref.startsWith("pending-")) return; // still being saved: nothing to open yet
    setChooser(null);
    // The claim being edited is already open: its edits stay (reloading it would drop them).
    if (dirty && panel?.mode === "edit" && String(panel.claim.seq) === ref) {
      if (scroll && panel.spans[0]) viewRef.current?.scrollToOffset(panel.spans[0].start);
      return;
    }
    unlessDirty(() => {
      setError(null);
      setTheirs(null);
      void loadClaim(ref, scroll);
    });
  }, [loadClaim, dirty, panel, unlessDirty]);

  const addSelectionToPanel = useCallback(() => {
    if (!panel || !selection) return;
    if (panel.spans.some((s) => s.start === selection.start && s.end === selection.end)) return;
    setPanel({ ...panel, spans: [...panel.spans, { start: selection.start, end: selection.end, exact: selection.exact }].sort((a, b) => a.start - b.start) });
    setSelection(null);
    window.getSelection()?.removeAllRanges();
  }, [panel, selection]);

  const save = useCallback(async () => {
    if (!panel || busyRef.current) return;
    const definition = panel.mode === "edit" ? panel.definition : types.get(panel.typeId)?.definition;
    if (!definition) return;
    busyRef.current = true;
    setBusy(true);
    setError(null);
    const spans = panel.spans.map(({ start, end, exact }) => ({ start, end, exact }));
    // A new claim is painted at once, marked pending, and replaced by the saved one (or removed on failure).
    const pendingId = panel.mode === "new" ? `pending-${crypto.randomUUID()}` : null;
    if (pendingId && panel.mode === "new") {
      const pending: CompactClaim = { id: pendingId, typeId: panel.typeId, authorId: props.currentUserId, status: "draft", version: 0, spans: spans.map((s) => [s.start, s.end] as [number, number]) };
      setClaims((cs) => insertSorted(cs, pending));
    }
    const sent = draftFingerprint(panel);
    if (panel.mode === "new" && !firstAttempts.current.has(panel.idempotencyKey)) firstAttempts.current.set(panel.idempotencyKey, sent);
    try {
      const res = panel.mode === "new"
        ? await callAction(() => createClaimAction(projectId, createInput(panel, documentId)))
        : await callAction(() => updateClaimAction(projectId, updateInput(panel)));
      let saved: FullClaim;
      if (res.ok) saved = res.data;
      else {
        const current = panel.mode === "edit" && res.error.code === "conflict" ? (res.error.details as { current?: Omit<FullClaim, "authorName"> } | undefined)?.current : undefined;
        // The stored version already says what the form says (an earlier attempt whose answer was lost
        // got through): that is a save, not a conflict.
        if (current && panel.mode === "edit" && !savedWithoutDraft({ ...current, authorName: panel.claim.authorName }, panel, definition)) {
          saved = { ...current, authorName: panel.claim.authorName };
        } else {
          if (pendingId) setClaims((cs) => cs.filter((c) => c.id !== pendingId));
          return setError(statusOf(res.error, "save"));
        }
      }
      setClaims((cs) => insertSorted(cs.filter((c) => c.id !== String(saved.seq) && c.id !== pendingId), toCompact(saved)));
      setTheirs(null);
      if (panel.mode === "new") {
        const first = firstAttempts.current.get(panel.idempotencyKey);
        firstAttempts.current.delete(panel.idempotencyKey);
        // A retry answered with the claim an earlier attempt stored before the draft was edited: the claim
        // exists once; the later edits stay in the form, on top of it, to be saved as an update.
        if (first !== sent && savedWithoutDraft(saved, panel, definition)) {
          setPanel({ mode: "edit", claim: saved, definition, spans: panel.spans, values: panel.values, note: panel.note });
          return setError({ message: "An earlier attempt had already saved this claim, without your later edits. They are in the form: save to apply them.", kind: "info" });
        }
      }
      setPanel(null);
      flowSaved(panel, saved);
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }, [panel, types, projectId, documentId, props.currentUserId, flowSaved]);

  const remove = useCallback(async () => {
    if (!panel || panel.mode !== "edit" || busyRef.current) return;
    const claim = panel.claim;
    busyRef.current = true;
    setBusy(true);
    setError(null);
    try {
      const res = await callAction(() => deleteClaimAction(projectId, { claimId: claim.id, version: claim.version }), "Not deleted — the connection failed. Retry when you are back online.");
      if (!res.ok) return setError(statusOf(res.error, "delete"));
      setClaims((cs) => cs.filter((c) => c.id !== String(claim.seq)));
      setPanel(null);
      flowDeleted(claim, res.data.version);
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }, [panel, projectId, flowDeleted]);

  /** "Show their version": loads the stored claim to compare with the form (the form is not touched). */
  const reloadTheirs = useCallback(async () => {
    if (panel?.mode !== "edit") return;
    const res = await callAction(() => getClaimAction(projectId, panel.claim.id), "Their version could not be loaded: the connection failed. Try again.");
    if (!res.ok) return setError({ message: res.error.message, kind: "error" });
    const latest = res.data.claim;
    setClaims((cs) => cs.map((c) => (c.id === String(latest.seq) ? toCompact(latest) : c)));
    setTheirs(latest);
    setError(null);
  }, [panel, projectId]);

  /** Their version underneath, the annotator's own changes on top; saved with the next "Save". */
  const reapplyMine = useCallback(() => {
    if (panel?.mode !== "edit" || !theirs) return;
    const merged = reapplyDraft(panel.definition, panel.claim, theirs, panel);
    setPanel({ ...panel, claim: theirs, ...merged });
    setTheirs(null);
    setError({ message: `Your changes are applied on their version (v${theirs.version}). Check them and save.`, kind: "info" });
  }, [panel, theirs]);

  const takeTheirs = useCallback(() => {
    if (panel?.mode !== "edit" || !theirs) return;
    setPanel({ ...panel, claim: theirs, spans: theirs.spans.map(({ start, end, exact }) => ({ start, end, exact })), values: theirs.values, note: theirs.note });
    setTheirs(null);
    setError({ message: `Their version (v${theirs.version}) is in the form; your changes were dropped.`, kind: "info" });
  }, [panel, theirs]);

  // Unsaved drafts kept in this browser (local-draft.ts), for what the question cannot catch (Back and
  // Forward, a crash, an expired session): written while the form holds changes, a moment after the last
  // one and at once when the page is hidden or left; removed once it holds none (saved, discarded, closed,
  // deleted). Starting another claim's changes replaces the document's earlier draft.
  const storedDraft = useStoredDraft(props.currentUserId, projectId, documentId);
  const draftStoreKey = storedDraft.key;
  /** The entry this page wrote or restored last: never offered back to the page that holds it. */
  const [ownDraft, setOwnDraft] = useState<string | null>(null);
  const [draftProblem, setDraftProblem] = useState<string | null>(null);
  const [restoring, setRestoring] = useState(false);
  const pendingDraft = useRef<PanelState | null>(null);
  const draftTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** Whether storage holds an entry of this page's (which a form without changes removes). */
  const draftKept = useRef(false);
  const flushDraft = useCallback(() => {
    clearTimeout(draftTimer.current);
    const pending = pendingDraft.current;
    if (!pending) return;
    pendingDraft.current = null;
    // Serialized once per write, not per keystroke.
    const raw = serializeDraft(toLocalDraft(pending), Date.now());
    if (!keepDraft(draftStoreKey, raw)) return; // storage full or refused: nothing was kept
    draftKept.current = true;
    setOwnDraft(raw);
  }, [draftStoreKey]);
  const forgetDraft = useCallback(() => {
    clearTimeout(draftTimer.current);
    pendingDraft.current = null;
    if (!draftKept.current) return;
    draftKept.current = false;
    dropDraft(draftStoreKey);
  }, [draftStoreKey]);
  useEffect(() => {
    if (!dirty || !panel) return forgetDraft();
    pendingDraft.current = panel;
    clearTimeout(draftTimer.current);
    draftTimer.current = setTimeout(flushDraft, DRAFT_KEEP_DELAY_MS);
  }, [dirty, panel, flushDraft, forgetDraft]);
  useEffect(() => {
    const onVisibility = () => { if (document.visibilityState === "hidden") flushDraft(); };
    window.addEventListener("pagehide", flushDraft);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      window.removeEventListener("pagehide", flushDraft);
      document.removeEventListener("visibilitychange", onVisibility);
      flushDraft(); // the page is left within the application (Back, Forward): the draft is kept first
    };
  }, [flushDraft]);
  // Offered while the form holds no changes of its own, unless it is the entry this page holds.
  const offeredDraft = !dirty && storedDraft.raw !== null && storedDraft.raw !== ownDraft ? storedDraft.draft : null;
  const offeredDraftType = offeredDraft ? types.get(offeredDraft.draft.mode === "new" ? offeredDraft.draft.typeId : byId.get(String(offeredDraft.draft.seq))?.typeId ?? "") : undefined;

  /** Puts a kept draft back in the form: its evidence checked against the text, an edit on its claim as stored now. */
  const restoreDraft = useCallback(async (stored: StoredDraft, raw: string) => {
    const d = stored.draft;
    setDraftProblem(null);
    if (!spansMatchText(d.spans, text, index)) return setDraftProblem("This draft's evidence does not match the document's text, so it cannot be restored.");
    if (d.mode === "new") {
      const type = types.get(d.typeId);
      if (!props.canCreate) return setDraftProblem("You can no longer add claims to this document, so the draft cannot be restored.");
      if (!type || type.archived) return setDraftProblem("This draft's claim type is no longer offered in the project, so it cannot be restored.");
      setOwnDraft(raw);
      draftKept.current = true;
      // An earlier attempt under this key may have been saved before the page went: the save compares
      // what comes back with the form (see save) instead of assuming the form was what it sent.
      firstAttempts.current.set(d.idempotencyKey, "");
      setError(null);
      setTheirs(null);
      setPanel({ mode: "new", typeId: d.typeId, spans: d.spans, values: d.values, ...(d.startValues ? { startValues: d.startValues } : {}), note: d.note, idempotencyKey: d.idempotencyKey });
      announce(`Unsaved ${type.name} claim restored. Ctrl+Enter saves; Esc closes.`);
      viewRef.current?.scrollToOffset(d.spans[0]!.start);
      return;
    }
    setRestoring(true);
    try {
      const res = await callAction(() => getClaimBySeqAction(projectId, documentId, d.seq), "The claim could not be loaded: the connection failed. Try again.");
      if (!res.ok) return setDraftProblem(res.error.message);
      const { claim, definition } = res.data;
      if (claim.id !== d.claimId) return setDraftProblem("The claim this draft changes is no longer in the document.");
      if (!canEditClaim(props.role, props.currentUserId, claim.authorId)) return setDraftProblem("You can no longer edit this claim, so the draft cannot be restored.");
      setOwnDraft(raw);
      draftKept.current = true;
      const mine = { spans: d.spans, values: d.values, note: d.note };
      if (claim.version === d.baseVersion) {
        setTheirs(null);
        setError(null);
        setPanel({ mode: "edit", claim, definition, ...mine });
        announce(`Unsaved changes to ${definition.name} #${claim.seq} restored. Ctrl+Enter saves; Esc closes.`);
      } else {
        // Changed since: the form stays based on the draft's version, so a save is refused as a conflict
        // rather than overwriting; their version is compared part by part, to re-apply the draft on it.
        const base: FullClaim = { ...claim, version: d.baseVersion, values: d.base.values, note: d.base.note, spans: d.base.spans.map((s) => ({ ...s, prefix: "", suffix: "" })) };
        setPanel({ mode: "edit", claim: base, definition, ...mine });
        setTheirs(claim);
        const message = `This claim changed since your draft (v${d.baseVersion} → v${claim.version}): check before saving.`;
        setError({ message, kind: "info" });
        announce(message);
      }
      if (d.spans[0]) viewRef.current?.scrollToOffset(d.spans[0].start);
    } finally {
      setRestoring(false);
    }
  }, [text, index, types, props.canCreate, props.role, props.currentUserId, projectId, documentId, announce]);

  const discardStoredDraft = useCallback(() => {
    dropDraft(draftStoreKey);
    setDraftProblem(null);
    announce("Unsaved claim discarded.");
    viewRef.current?.focusText(); // the notice and its buttons are gone: back to the text
  }, [draftStoreKey, announce]);

  useEffect(() => {
    // Links from the claims table land on #claim-<number>: open that claim and scroll to its evidence.
    const m = /^#claim-(\d+)$/.exec(window.location.hash);
    // loadClaim sets state only once the claim has been fetched, after an await the rule does not follow.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (m && byId.has(m[1]!)) void loadClaim(m[1]!, true);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only on first load: later changes of the claims do not reopen it
  }, []);

  useEffect(() => {
    if (!dirty) return;
    // Reload, tab close or a typed address: the browser asks before the page (and the form) goes.
    const onBeforeUnload = (e: BeforeUnloadEvent) => { e.preventDefault(); e.returnValue = ""; };
    // A link within the application: the same question as closing the form, then the navigation.
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
      const link = (e.target as Element | null)?.closest?.("a[href]") as HTMLAnchorElement | null;
      if (!link || link.target || link.hasAttribute("download")) return;
      const url = new URL(link.href, window.location.href);
      if (url.origin !== window.location.origin) return;
      if (url.pathname === window.location.pathname && url.search === window.location.search && url.hash) return; // within the page
      e.preventDefault();
      e.stopPropagation(); // before the router's own handler: the page stays until the answer
      const href = `${url.pathname}${url.search}${url.hash}`;
      setDiscardAsk((asked) => asked ?? { proceed: () => { closePanel(); router.push(href); } });
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    window.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      window.removeEventListener("click", onClick, true);
    };
  }, [dirty, closePanel, router]);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (discardAsk) return; // the question is answered first (the dialog has its own keys)
      const target = e.target as HTMLElement | null;
      const typing = target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT" || target.isContentEditable);
      if (flowKey(e, Boolean(typing), openClaim)) return; // ] [ } { Enter, F6, Ctrl+Z, Alt+Shift+digit
      if ((e.ctrlKey || e.metaKey) && e.key === "Enter" && panel) {
        e.preventDefault();
        // Through the form, so its checks run first (the form is loaded on demand; without it, save directly).
        const form = document.getElementById("claim-form") as HTMLFormElement | null;
        if (form) form.requestSubmit();
        else void save();
        return;
      }
      if (e.key === "Escape") {
        setChooser(null);
        // Esc in one of the claim's fields closes the form too: nothing is lost, a changed form asks first.
        const inForm = Boolean(target?.closest("#claim-form"));
        if (!typing || (inForm && panel)) {
          if (!typing) setSelection(null);
          // The key's default (a close request) must not reach the question this key may open.
          if (panel) { e.preventDefault(); unlessDirty(closeToText); }
        }
        return;
      }
      if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
      if (/^[1-9]$/.test(e.key) && selection) {
        const t = activeTypes[Number(e.key) - 1];
        if (t) { e.preventDefault(); startNew(t.id); }
      } else if ((e.key === "r" || e.key === "R") && selection && repeatId) {
        e.preventDefault();
        startNew(repeatId);
      } else if ((e.key === "a" || e.key === "A") && selection && panel) {
        e.preventDefault();
        addSelectionToPanel();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [selection, panel, activeTypes, startNew, save, addSelectionToPanel, discardAsk, unlessDirty, closeToText, repeatId, flowKey, openClaim]);

  const panelType = panel ? types.get(panel.mode === "new" ? panel.typeId : panel.claim.claimTypeId) : undefined;
  // Narrow screens: the claims list is a drawer, the claim form a sheet with its evidence kept in view above it.
  const drawer = useClaimsDrawer();
  const revealEvidence = useRevealEvidence(text);
  useRevealOnOpen(revealEvidence, panel ? (panel.mode === "edit" ? panel.claim.id : panel.idempotencyKey) : null, panel?.spans[0]);
  const claimTotal = onServer ? props.packedClaims.count : claims.length;

  return (
    <div className="workspace">
      <div className="workspace-bar">
        <ClaimsDrawerToggle drawer={drawer} count={claimTotal} />
      </div>
      <div className="reading-pane">
        <ReadingView
          ref={viewRef}
          text={text}
          prepaint={props.prepaint}
          layout={props.layout}
          claims={paintClaims}
          focusedClaimId={draftSpans ? DRAFT_PAINT_ID : focusedId}
          onSelectionChange={(sel) => {
            if (!sel) return setSelection(null);
            const rect = window.getSelection()?.rangeCount ? window.getSelection()!.getRangeAt(0).getBoundingClientRect() : null;
            setSelection({ ...sel, rect: rect ? { x: rect.left + rect.width / 2, y: rect.bottom } : undefined });
          }}
          onClaimsAtPoint={(all, point) => {
            const ids = all.filter((id) => !id.startsWith("pending-")); // still being saved
            if (ids.length === 1) openClaim(ids[0]!);
            else if (ids.length > 1) setChooser({ ids, x: point.x, y: point.y });
          }}
        />
        {selection && props.canCreate && !flow.isPlaced(selection) && (
          <SelectionPopover types={activeTypes} repeat={repeatType} at={selection.rect} onPick={startNew} canAddToOpen={Boolean(panel)} onAddToOpen={addSelectionToPanel} onDismiss={() => setSelection(null)} />
        )}
        {chooser && (
          <OverlapChooser at={chooser} claims={chooser.ids.map((id) => byId.get(id)).filter((c): c is CompactClaim => Boolean(c))} types={types} text={text} index={index}
            onPick={(id) => openClaim(id)} onClose={() => setChooser(null)} />
        )}
      </div>
      <div className="side">
        <DraftRestoreNotice stored={offeredDraft} busy={restoring} problem={offeredDraft ? draftProblem : null}
          typeName={offeredDraftType?.name}
          onRestore={() => { if (offeredDraft && storedDraft.raw) void restoreDraft(offeredDraft, storedDraft.raw); }}
          onDiscard={discardStoredDraft} />
        {panel && panelType ? (
          <div className="claim-sheet">
          <ClaimPanel
            key={panel.mode === "edit" ? panel.claim.id : "new"}
            projectId={projectId}
            panel={panel}
            definition={panel.mode === "edit" ? panel.definition : panelType.definition}
            color={panelType.color}
            published={props.published}
            textBefore={textBefore}
            busy={busy}
            status={error}
            compare={panel.mode === "edit" && theirs ? { theirs, parts: compareDrafts(panel.definition, panel.claim, theirs, panel) } : null}
            canEdit={Boolean(editable)}
            pendingSelection={selection}
            onChange={(p) => setPanel({ ...panel, ...p } as PanelState)}
            onAddSelection={addSelectionToPanel}
            onFocusSpan={(s) => revealEvidence(s) || viewRef.current?.scrollToOffset(s.start)}
            onSave={() => void save()}
            onDelete={() => void remove()}
            onClose={() => unlessDirty(closeToText)}
            onReloadTheirs={() => void reloadTheirs()}
            onRetry={(what) => void (what === "delete" ? remove() : save())}
            onReapply={reapplyMine}
            onTakeTheirs={takeTheirs}
            fast={fast.formFor(panel)}
            onOpenClaim={(seq) => openClaim(String(seq), true)}
          />
          </div>
        ) : (
          <div className="panel hint">
            {props.canCreate ? (
              <p className="small">Select words in the text, then pick a claim type: {activeTypes.slice(0, 9).map((t, i) => <span key={t.id}><kbd>{i + 1}</kbd> {t.name} </span>)}. Click a highlight to open its claim.</p>
            ) : (
              <p className="small">You can read this document and its claims. Click a highlight to see its claim.</p>
            )}
            {props.canCreate && <p className="small"><kbd>R</kbd> tags the selection with the last type you used{repeatType ? ` (${repeatType.name})` : ""}; in a new claim&apos;s form, <kbd>Alt+C</kbd> copies fields from the previous claim of its type.</p>}
            <p className="small" data-testid="caret-keys">In the text, arrow keys move a caret (<kbd>Shift</kbd> extends, <kbd>Ctrl</kbd>, or <kbd>Alt</kbd> on a Mac, by word; <kbd>PageUp</kbd>/<kbd>PageDown</kbd> by screen); <kbd>S</kbd> selects the sentence, <kbd>E</kbd> extends the selection to the next punctuation mark. Mouse selections snap to whole words: hold <kbd>Alt</kbd> while dragging to keep exact characters.</p>
            <p className="small" data-testid="navigation-keys"><kbd>]</kbd> <kbd>[</kbd> next and previous claim, <kbd>{"}"}</kbd> <kbd>{"{"}</kbd> of the same type; <kbd>Enter</kbd> opens it; <kbd>F6</kbd> moves between the text and the form or the claims list (<kbd>Esc</kbd> in the list goes back to the text); <kbd>Ctrl+Z</kbd> undoes your last delete or edit; in the form, <kbd>Alt+Shift</kbd> with a field&apos;s number jumps to the field.</p>
            {error && <p role="alert" className="error">{error.message}</p>}
          </div>
        )}
        <ClaimsDrawer drawer={drawer}>
          {props.canCreate && <SubmitAllClaims projectId={projectId} documentId={documentId} />}
          <ClaimsList projectId={projectId} documentId={documentId} claims={claims} total={claimTotal} types={types} text={text} index={index} focusedId={focusedId} authorNames={authorNames}
            onOpen={(c) => { drawer.close(drawer.open); openClaim(c.id, true); }}
            onLeave={(c) => {
              if (drawer.open && isNarrow()) return; // the drawer's own Esc closes it, back to its button
              const span = c?.spans[0];
              if (!span || !viewRef.current?.selectSpan(span[0], span[1], { caret: true })) viewRef.current?.focusText();
            }} />
        </ClaimsDrawer>
      </div>
      {toast && <UndoToast toast={toast} onDone={() => setToast(null)} onClose={() => { setToast(null); viewRef.current?.focusText(); }} />}
      <p className="sr-only" role="status" aria-live="polite" data-testid="announcer">{flow.announced}</p>
      {discardAsk && (
        <DiscardDialog onKeep={() => setDiscardAsk(null)} onDiscard={() => { const { proceed } = discardAsk; setDiscardAsk(null); forgetDraft(); closePanel(); proceed(); }} />
      )}
    </div>
  );
}
