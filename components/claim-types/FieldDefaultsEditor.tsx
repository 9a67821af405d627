"use client";
/**
 * A claim type's field defaults (Perpetrators = ISKP): listed for everyone, set and removed by
 * editors and owners. The claim form fills them into each new claim of the type and marks them
 * "default" until the annotator changes them. Figures and dates have none: each claim reads its own.
 */
import { useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { carriesOver, type ClaimTypeDefinition } from "@/lib/core/claim-types";
import { formatFieldValue } from "@/lib/core/claim-types/field-display";
import { setFieldDefaultAction } from "@/lib/actions/projects";
import { FieldInput } from "@/components/annotate/fields/FieldInput";
import type { FieldDefaults } from "@/lib/services/claim-type-defaults";

export function FieldDefaultsEditor({ projectId, claimTypeId, definition, defaults, canSet }: {
  projectId: string; claimTypeId: string; definition: ClaimTypeDefinition; defaults: FieldDefaults; canSet: boolean;
}) {
  const router = useRouter();
  const id = useId();
  const fields = definition.fields.filter(carriesOver);
  const [fieldKey, setFieldKey] = useState(fields[0]?.key ?? "");
  const [value, setValue] = useState<unknown>(undefined);
  const [error, setError] = useState("");
  const [pending, start] = useTransition();
  const field = fields.find((f) => f.key === fieldKey);
  const set = (key: string, v: unknown) => {
    setError("");
    start(async () => {
      const res = await setFieldDefaultAction(projectId, { claimTypeId, version: defaults.version, field: key, value: v });
      if (!res.ok) return setError(res.error.message);
      setValue(undefined);
      router.refresh();
    });
  };
  const current = definition.fields.filter((f) => f.key in defaults.values);
  if (!canSet && current.length === 0) return null;
  return (
    <section className="small" aria-labelledby={`${id}-h`} data-testid="field-defaults">
      <h3 id={`${id}-h`} className="small-h">Field defaults of {definition.name}</h3>
      <p className="muted">Filled into each new {definition.name} claim and marked “default” in the form until the annotator changes them. Figures and dates have no defaults: each claim reads its own wording.</p>
      {current.length > 0 ? (
        <ul>
          {current.map((f) => (
            <li key={f.key}>
              <strong>{f.label}</strong>: {formatFieldValue(f, defaults.values[f.key]).text}{" "}
              {canSet && <button type="button" className="link-button" disabled={pending} onClick={() => set(f.key, null)} aria-label={`Remove the default of ${f.label}`}>Remove</button>}
            </li>
          ))}
        </ul>
      ) : <p>No defaults yet.</p>}
      {canSet && field && (
        <form className="stack" onSubmit={(e) => { e.preventDefault(); set(field.key, value); }}>
          <div className="field">
            <label htmlFor={`${id}-field`}>Field</label>
            <select id={`${id}-field`} value={fieldKey} onChange={(e) => { setFieldKey(e.target.value); setValue(undefined); }} data-testid="default-field">
              {fields.map((f) => <option key={f.key} value={f.key}>{f.label}</option>)}
            </select>
          </div>
          <FieldInput key={field.key} field={{ ...field, required: false }} value={value} onChange={setValue} context={{}} />
          <p><button type="submit" className="secondary small" disabled={pending || value === undefined} data-testid="set-default">Set default</button></p>
          {error && <p role="alert" className="error">{error}</p>}
        </form>
      )}
    </section>
  );
}
