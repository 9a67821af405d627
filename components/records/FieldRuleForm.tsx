"use client";
/** Sets how one field is combined: a rule, or the claim whose value it takes (curator choice). */
import { setFieldRuleAction } from "@/lib/actions/records";
import { useRecordAction } from "./use-record-action";

const RULES: { value: string; label: string }[] = [
  { value: "default", label: "Default for this kind" },
  { value: "conservative_minimum", label: "Conservative minimum" },
  { value: "most_recent", label: "Most recent source" },
  { value: "majority", label: "Majority" },
  { value: "intersection", label: "Narrowest common window (dates)" },
  { value: "all", label: "Every source" },
];

export function FieldRuleForm({ projectId, recordId, field, claims }: {
  projectId: string;
  recordId: string;
  field: { key: string; label: string; version: number; ruleOverride: string | null; chosenClaimId: string | null };
  claims: { id: string; label: string }[];
}) {
  const { busy, error, run } = useRecordAction();
  const current = field.chosenClaimId ? `claim:${field.chosenClaimId}` : field.ruleOverride ?? "default";
  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const v = String(new FormData(e.currentTarget).get("rule") ?? "default");
    const input = v.startsWith("claim:")
      ? { recordId, fieldKey: field.key, version: field.version, rule: "curator", claimId: v.slice(6) }
      : { recordId, fieldKey: field.key, version: field.version, rule: v };
    await run(() => setFieldRuleAction(projectId, input));
  }
  return (
    <form onSubmit={onSubmit} className="inline field-rule" aria-label={`How ${field.label} is chosen`}>
      <label className="small">Rule
        <select name="rule" defaultValue={current}>
          {RULES.map((r) => <option key={r.value} value={r.value}>{r.label}</option>)}
          <optgroup label="Curator choice: take the value of">
            {claims.map((c) => <option key={c.id} value={`claim:${c.id}`}>{c.label}</option>)}
          </optgroup>
        </select>
      </label>
      <button type="submit" className="secondary small" disabled={busy}>Set<span className="sr-only"> rule of {field.label}</span></button>
      {error && <span role="alert" className="error small">{error}</span>}
    </form>
  );
}
