"use client";
/**
 * One claim field, by kind. Values follow the value types of lib/core/values; empty means absent
 * ("not stated"). Quantity and date fields are read from their wording (WordingFields.tsx) in the
 * claim's context; `issue` is this field's problem when a save was refused (shown by those two
 * fields under their input, by the claim panel for the others).
 */
import { useId } from "react";
import { isMultiEnum, type FieldDefinition, type WordingContext } from "@/lib/core/claim-types";
import { SOURCE_TYPES, STANCES, TRISTATE_VALUES, WHERE_PRECISIONS, WHERE_PRECISION_LABELS } from "@/lib/core/values";
import { DateField, QuantityField } from "./WordingFields";

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const label = (s: string) => s.replace(/_/g, " ");
/** A stored value's string member, or "" (values from older type versions may lack it). */
const str = (x: unknown): string => (typeof x === "string" ? x : "");

export function FieldInput({ field, value, onChange, context, issue }: {
  field: FieldDefinition; value: unknown; onChange(v: unknown): void; context: WordingContext; issue?: string | null;
}) {
  const id = useId();
  const testId = `field-${field.key}`;
  const req = field.required ? <span aria-hidden="true" className="req"> *</span> : null;

  switch (field.kind) {
    case "quantity":
      return <QuantityField field={field} value={value} onChange={onChange} context={context} issue={issue} />;
    case "date":
      return <DateField field={field} value={value} onChange={onChange} context={context} issue={issue} />;
    case "enum": {
      const options = field.options ?? [];
      if (isMultiEnum(field)) {
        const chosen = Array.isArray(value) ? (value as string[]) : [];
        return (
          <fieldset className="field">
            <legend>{field.label}{req} <span className="muted small">(up to {field.maxSelected})</span></legend>
            <div className="checks">
              {options.map((o) => (
                <label key={o.value} className="checkbox">
                  <input type="checkbox" checked={chosen.includes(o.value)}
                    disabled={!chosen.includes(o.value) && chosen.length >= (field.maxSelected ?? 1)}
                    onChange={(e) => {
                      const next = e.target.checked ? [...chosen, o.value] : chosen.filter((c) => c !== o.value);
                      onChange(next.length ? next : undefined);
                    }} /> {o.label}
                </label>
              ))}
            </div>
          </fieldset>
        );
      }
      return (
        <div className="field">
          <label htmlFor={id}>{field.label}{req}</label>
          <select id={id} data-testid={testId} value={typeof value === "string" ? value : ""} onChange={(e) => onChange(e.target.value || undefined)}>
            <option value="">—</option>
            {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
        </div>
      );
    }
    case "boolean":
      return (
        <div className="field">
          <label htmlFor={id}>{field.label}{req}</label>
          <select id={id} data-testid={testId} value={typeof value === "string" ? value : ""} onChange={(e) => onChange(e.target.value || undefined)}>
            <option value="">—</option>
            {TRISTATE_VALUES.map((t) => <option key={t} value={t}>{t[0]!.toUpperCase() + t.slice(1)}</option>)}
          </select>
        </div>
      );
    case "number":
      return (
        <div className="field">
          <label htmlFor={id}>{field.label}{req}</label>
          <input id={id} data-testid={testId} type="number" step="any" value={typeof value === "number" ? value : ""}
            onChange={(e) => onChange(e.target.value === "" ? undefined : Number(e.target.value))} />
        </div>
      );
    case "attribution": {
      const v = obj(value);
      const set = (p: Record<string, unknown>) => {
        const next = { raw: "", sourceType: "unknown", stance: "reported", ...v, ...p };
        onChange(String(next.raw).trim() ? next : undefined);
      };
      return (
        <fieldset className="field">
          <legend>{field.label}{req}</legend>
          <input aria-label={`${field.label}: who says so`} data-testid={testId} placeholder="Who says so, e.g. United Nations Security Council" value={str(v.raw)} onChange={(e) => set({ raw: e.target.value })} />
          <div className="inline">
            <select aria-label={`${field.label}: source type`} value={str(v.sourceType) || "unknown"} onChange={(e) => set({ sourceType: e.target.value })}>
              {SOURCE_TYPES.map((s) => <option key={s} value={s}>{label(s)}</option>)}
            </select>
            <select aria-label={`${field.label}: stance`} value={str(v.stance) || "reported"} onChange={(e) => set({ stance: e.target.value })}>
              {STANCES.map((s) => <option key={s} value={s}>{s}</option>)}
            </select>
          </div>
        </fieldset>
      );
    }
    case "place":
      return <ListOrSingle field={field} value={value} onChange={onChange} testId={testId} make={(raw, prev) => ({ precision: 4, ...obj(prev), raw })} placeholder="e.g. Kabul airport, Afghanistan" extra={(v, set) => (
        <div className="inline">
          <input aria-label={`${field.label}: country code`} placeholder="AFG" maxLength={3} size={4} value={str(v.country)} onChange={(e) => set({ country: e.target.value.toUpperCase() || undefined })} />
          <select aria-label={`${field.label}: precision`} value={typeof v.precision === "number" ? v.precision : 4} onChange={(e) => set({ precision: Number(e.target.value) })}>
            {WHERE_PRECISIONS.map((n) => <option key={n} value={n}>{n} · {WHERE_PRECISION_LABELS[n]}</option>)}
          </select>
        </div>
      )} />;
    case "actor":
      return <ListOrSingle field={field} value={value} onChange={onChange} testId={testId} make={(raw, prev) => ({ ...obj(prev), raw })} placeholder="e.g. ISKP" />;
    default:
      return <ListOrSingle field={field} value={value} onChange={onChange} testId={testId} make={(raw) => raw} placeholder="" />;
  }
}

/** Text, actor and place fields: one value, or a list when the field takes many. */
function ListOrSingle({ field, value, onChange, testId, make, placeholder, extra }: {
  field: FieldDefinition; value: unknown; onChange(v: unknown): void; testId: string; placeholder: string;
  make(raw: string, prev: unknown): unknown;
  extra?(v: Record<string, unknown>, set: (p: Record<string, unknown>) => void): React.ReactNode;
}) {
  const id = useId();
  const items: unknown[] = field.many ? (Array.isArray(value) ? value : []) : value === undefined || value === null ? [] : [value];
  const rawOf = (v: unknown): string => (typeof v === "string" ? v : str(obj(v).raw));
  const rows = field.many ? [...items, undefined] : [items[0]];
  const commit = (next: unknown[]) => {
    const kept = next.filter((v) => rawOf(v).trim() !== "");
    onChange(field.many ? (kept.length ? kept : undefined) : kept[0]);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{field.label}{field.required && <span aria-hidden="true" className="req"> *</span>}{field.many && <span className="muted small"> (one per line)</span>}</label>
      {rows.map((item, i) => (
        <div key={i} className="list-item">
          <input id={i === 0 ? id : undefined} data-testid={i === 0 ? testId : `${testId}-${i}`} placeholder={placeholder} value={rawOf(item)}
            aria-label={i === 0 ? undefined : `${field.label} ${i + 1}`}
            onChange={(e) => { const next = [...items]; next[i] = make(e.target.value, item); commit(next); }} />
          {extra && rawOf(item) && extra(obj(item), (p) => { const next = [...items]; next[i] = { ...obj(item), ...p }; commit(next); })}
        </div>
      ))}
    </div>
  );
}
