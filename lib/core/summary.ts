/**
 * A one-line, human-readable summary of a claim's values for tables ("date: 26 August 2021 · fatalities: 170").
 * Shows the wording as written (raw) where a value has one, since that is what annotators recognise.
 */
const MAX_PARTS = 4;
const MAX_LENGTH = 160;

function show(v: unknown): string | null {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) {
    const parts = v.map(show).filter((p): p is string => Boolean(p));
    return parts.length ? parts.join(", ") : null;
  }
  if (typeof v === "object") {
    const raw = (v as { raw?: unknown }).raw;
    return typeof raw === "string" && raw ? raw : null;
  }
  return null;
}

export function summarizeValues(values: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    const s = show(value);
    if (s) parts.push(`${key.replace(/_/g, " ")}: ${s}`);
    if (parts.length >= MAX_PARTS) break;
  }
  const line = parts.join(" · ");
  return line.length > MAX_LENGTH ? `${line.slice(0, MAX_LENGTH - 1)}…` : line;
}
