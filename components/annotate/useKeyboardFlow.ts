"use client";
/**
 * Where focus goes and what is said on the document page, so a keyboard user never loses their place:
 *
 * - One polite live region (`announced`) carries every message: claims reached with ] [ } {, the form
 *   opening, saves, deletes and undos.
 * - After a save or a close, focus returns to the text with the caret at the claim's evidence (a later
 *   Shift+Arrow selects from there; Enter opens the claim again); after a delete it is on the toast's Undo.
 *   A caret rather than a selection: a mouse pressed on selected words drags them instead of selecting.
 * - ] and [ step through the claims, } and { through those of the current claim's type
 *   (claim-navigation.ts): the claim's first span becomes the text's selection, scrolled into view, and
 *   Enter opens it. F6 moves between the text and the open form (or the claims list).
 * - Alt+Shift+digit jumps to a field of the open form (field-keys.ts).
 * - Ctrl/Cmd+Z outside text fields undoes the last delete (restores the claim) or edit (saves the
 *   values it had before, on top of the current version: a change by someone else since is reported as
 *   a conflict, never overwritten).
 */
import { useCallback, useEffect, useRef, useState, type Dispatch, type RefObject, type SetStateAction } from "react";
import { sliceCp, type CodePointIndex } from "@/lib/core/offsets";
import { restoreClaimAction, updateClaimAction } from "@/lib/actions/projects";
import type { ReadingViewHandle } from "@/components/editor/ReadingView";
import { claimAnnouncement, stepClaim } from "./claim-navigation";
import { fieldForDigit, jumpDigit } from "./field-keys";
import { insertSorted, toCompact } from "./claim-order";
import { callAction, spansChanged } from "./save-claim";
import type { CompactClaim, FullClaim, PanelState } from "./types";
import type { Toast } from "./UndoToast";

type Span = { start: number; end: number };
type UndoEntry =
  | { kind: "delete"; claimId: string; seq: number; version: number; span?: Span }
  | { kind: "edit"; before: FullClaim; span?: Span };

/** Changes Ctrl+Z can still undo, newest last. */
const UNDO_DEPTH = 20;
/** Enough of a claim's evidence to announce it (claimAnnouncement shortens it further). */
const QUOTE_SLICE = 120;

const TEXT_SELECTOR = '[data-testid="reading-view"]';

export interface FlowOptions {
  projectId: string;
  text: string;
  index: CodePointIndex;
  claims: CompactClaim[];
  byId: Map<string, CompactClaim>;
  types: Map<string, { name: string }>;
  viewRef: RefObject<ReadingViewHandle | null>;
  panel: PanelState | null;
  /** The open claim's number, if a stored claim is open. */
  focusedId: string | null;
  dirty: boolean;
  setClaims: Dispatch<SetStateAction<CompactClaim[]>>;
  setPanel: Dispatch<SetStateAction<PanelState | null>>;
  setToast: Dispatch<SetStateAction<Toast | null>>;
}

export function useKeyboardFlow(o: FlowOptions) {
  const [announced, setAnnounced] = useState("");
  /** The claim whose span was last put in the text's selection (by these keys, a save or a close). */
  const [placed, setPlaced] = useState<(Span & { id: string }) | null>(null);
  const latest = useRef({ ...o, placed });
  useEffect(() => {
    latest.current = { ...o, placed };
  });
  /** Where focus goes after the next render (the one that removes the form or the toast). */
  const focusAfter = useRef<Span | "text" | null>(null);
  const undoStack = useRef<UndoEntry[]>([]);
  const { setToast } = o;

  // The same message twice in a row must still be heard: the region's text has to change.
  const announce = useCallback((message: string) => setAnnounced((prev) => (prev === message ? `${message}\u00a0` : message)), []);
  const notify = useCallback((message: string, undo?: Toast["undo"]) => {
    setToast(undo ? { message, undo } : { message });
    announce(message);
  }, [setToast, announce]);

  useEffect(() => {
    const to = focusAfter.current;
    if (!to) return;
    focusAfter.current = null;
    const view = latest.current.viewRef.current;
    if (to === "text" || !view?.selectSpan(to.start, to.end, { caret: true })) view?.focusText();
  });

  /** After this render, focus the text with the caret at `span` (or just the text), the claim `id`'s evidence. */
  const returnTo = useCallback((id: string | null, span: Span | undefined) => {
    setPlaced(id && span ? { id, start: span.start, end: span.end } : null);
    focusAfter.current = span ? { start: span.start, end: span.end } : "text";
  }, []);

  const remember = (entry: UndoEntry) => {
    undoStack.current = [...undoStack.current, entry].slice(-UNDO_DEPTH);
  };

  const undo = useCallback(async (entry: UndoEntry) => {
    undoStack.current = undoStack.current.filter((x) => x !== entry);
    const { projectId, setClaims } = latest.current;
    const seq = String(entry.kind === "delete" ? entry.seq : entry.before.seq);
    returnTo(seq, entry.span);
    if (entry.kind === "delete") {
      const back = await callAction(() => restoreClaimAction(projectId, { claimId: entry.claimId, version: entry.version }), "Not restored — the connection failed. Press Ctrl+Z to try again.");
      if (!back.ok) {
        if (back.error.code === "network") remember(entry);
        return notify(back.error.message);
      }
      setClaims((cs) => insertSorted(cs.filter((c) => c.id !== seq), toCompact(back.data)));
      return notify(`Claim #${seq} restored.`);
    }
    const { before } = entry;
    const current = latest.current.claims.find((c) => c.id === seq);
    if (!current) return notify(`Not undone: claim #${seq} is no longer in this document.`);
    const stored = current.spans.map(([start, end]) => ({ start, end }));
    const res = await callAction(() => updateClaimAction(projectId, {
      claimId: before.id,
      version: current.version,
      values: before.values,
      note: before.note,
      ...(spansChanged(stored, before.spans) ? { spans: before.spans.map(({ start, end, exact }) => ({ start, end, exact })) } : {}),
    }), "Not undone — the connection failed. Press Ctrl+Z to try again.");
    if (!res.ok) {
      if (res.error.code === "network") remember(entry);
      return notify(res.error.code === "conflict" ? `Not undone: claim #${seq} was changed by someone else after your edit. Open it to see their version.` : res.error.message);
    }
    const restored = res.data;
    setClaims((cs) => insertSorted(cs.filter((c) => c.id !== seq), toCompact(restored)));
    const { panel, dirty, setPanel } = latest.current;
    // The claim open with nothing typed into it shows what it holds now.
    if (panel?.mode === "edit" && panel.claim.id === restored.id && !dirty) {
      setPanel({ ...panel, claim: restored, spans: restored.spans.map(({ start, end, exact }) => ({ start, end, exact })), values: restored.values, note: restored.note });
    }
    notify(`Undone: your edit of claim #${seq}.`);
  }, [notify, returnTo]);

  /** A claim was saved: back to the text at it; an edit can be undone. */
  const saved = useCallback((before: PanelState, claim: FullClaim) => {
    const span = claim.spans[0];
    if (before.mode === "edit") remember({ kind: "edit", before: before.claim, span });
    returnTo(String(claim.seq), span);
    notify(before.mode === "new" ? "Claim saved." : "Changes saved.");
  }, [returnTo, notify]);

  /** A claim was deleted: the message offers Undo (and takes focus onto it). */
  const deleted = useCallback((claim: FullClaim, version: number) => {
    const entry: UndoEntry = { kind: "delete", claimId: claim.id, seq: claim.seq, version, span: claim.spans[0] };
    remember(entry);
    notify(`Claim #${claim.seq} deleted.`, () => undo(entry));
  }, [notify, undo]);

  /** The form closes without saving: back to the text at its evidence. */
  const closed = useCallback((panel: PanelState | null) => {
    if (panel) returnTo(panel.mode === "edit" ? String(panel.claim.seq) : null, panel.spans[0]);
  }, [returnTo]);

  const navigate = (direction: 1 | -1, byType: boolean) => {
    const { claims, byId, types, text, index, viewRef, focusedId, placed: at } = latest.current;
    const view = viewRef.current;
    const offset = view?.caretOffset() ?? null;
    // The claim reached last counts while the text's selection still starts at it; else the caret.
    const onPlaced = at && offset === at.start && byId.has(at.id) ? at.id : null;
    const current = onPlaced ?? focusedId;
    const typeId = byType && current ? (byId.get(current)?.typeId ?? null) : null;
    const list = claims.filter((c) => !c.id.startsWith("pending-")).map((c) => ({ id: c.id, typeId: c.typeId, start: c.spans[0]?.[0] ?? 0 }));
    const step = stepClaim(list, onPlaced ? { claimId: onPlaced } : offset !== null ? { offset } : { claimId: focusedId }, direction, typeId);
    const claim = step && byId.get(step.claim.id);
    const first = claim?.spans[0];
    if (!step || !claim || !first) return announce("No claims to go to in this document.");
    const [start, end] = first;
    setPlaced({ id: claim.id, start, end });
    view?.selectSpan(start, end);
    const quote = sliceCp(text, start, Math.min(end, start + QUOTE_SLICE), index);
    announce(claimAnnouncement({ ...step, direction }, { seq: claim.id, typeName: types.get(claim.typeId)?.name ?? "Claim", quote }, Boolean(typeId)));
  };

  /** The keys of this flow; true when the key was one of them (and has been handled). */
  const onKey = (e: KeyboardEvent, typing: boolean, openClaim: (ref: string) => void): boolean => {
    const { panel, viewRef, placed: at } = latest.current;
    const target = e.target instanceof Element ? e.target : null;
    const view = viewRef.current;
    const digit = panel ? jumpDigit(e) : null;
    if (digit !== null) {
      const slots = Array.from(document.querySelectorAll<HTMLElement>("#claim-form [data-jump]"));
      const here = slots.findIndex((s) => target && s.contains(target));
      const i = fieldForDigit(digit, slots.length, here >= 0 ? here : null);
      const control = i === null ? null : slots[i]!.querySelector<HTMLElement>("input:not(:disabled), select:not(:disabled), textarea:not(:disabled)");
      if (!control) return false;
      e.preventDefault();
      control.focus();
      return true;
    }
    if (e.key === "F6" && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      if (target?.closest(TEXT_SELECTOR)) {
        const next = document.querySelector<HTMLElement>("#claim-form [data-jump] :is(input, select, textarea):not(:disabled)") ?? document.querySelector<HTMLElement>('[role="listbox"]');
        next?.focus();
      } else {
        const span = at ?? panel?.spans[0];
        if (!span || !view?.selectSpan(span.start, span.end, { caret: true })) view?.focusText();
      }
      return true;
    }
    if (typing) return false;
    if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && (e.key === "z" || e.key === "Z")) {
      e.preventDefault();
      const last = undoStack.current[undoStack.current.length - 1];
      if (last) void undo(last);
      else announce("Nothing to undo.");
      return true;
    }
    // AltGr (Ctrl+Alt on Windows) types brackets on many keyboards; it is not a modifier here.
    const altGraph = e.getModifierState?.("AltGraph");
    if ((e.ctrlKey || e.metaKey || e.altKey) && !altGraph) return false;
    if (e.key === "]" || e.key === "[" || e.key === "}" || e.key === "{") {
      e.preventDefault();
      navigate(e.key === "]" || e.key === "}" ? 1 : -1, e.key === "}" || e.key === "{");
      return true;
    }
    if (e.key === "Enter" && at && target?.closest(TEXT_SELECTOR) && view?.caretOffset() === at.start) {
      e.preventDefault();
      openClaim(at.id);
      return true;
    }
    return false;
  };
  const keyRef = useRef(onKey);
  useEffect(() => {
    keyRef.current = onKey;
  });
  const handleKey = useCallback((e: KeyboardEvent, typing: boolean, openClaim: (ref: string) => void) => keyRef.current(e, typing, openClaim), []);

  /** Whether the text's selection is a claim's evidence put there by this flow (no tagging popover for it). */
  const isPlaced = (sel: Span) => Boolean(placed && placed.start === sel.start && placed.end === sel.end);

  return { announced, announce, notify, saved, deleted, closed, handleKey, isPlaced };
}
